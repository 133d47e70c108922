package org.campaignledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what a request body may cost: a body over the limit is refused with 413 (at once when its
 * Content-Length says so, else when the reader gets past the limit), so no client can make a node read
 * gigabytes; CSV imports have a larger limit of their own. JSON bodies are also checked to be UTF-8.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBodySize;
    private final long maxImportSize;

    RequestBodyLimitFilter(DataSize maxBodySize, DataSize maxImportSize) {
        this.maxBodySize = maxBodySize.toBytes();
        this.maxImportSize = maxImportSize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        long limit = contentType.startsWith("text/csv") ? maxImportSize : maxBodySize;
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
                    "Payload too large", tooLarge(limit), request.getRequestURI());
            return;
        }
        boolean json = contentType.startsWith(MediaType.APPLICATION_JSON_VALUE) || contentType.contains("+json");
        chain.doFilter(new LimitedRequest(request, limit, json), response);
    }

    static String tooLarge(long limit) {
        return "The request body is larger than this endpoint accepts (" + DataSize.ofBytes(limit).toKilobytes()
                + " KB).";
    }

    /** Read past its limit: answered 413. */
    static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(long limit) {
            super(tooLarge(limit));
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private final boolean json;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit, boolean json) {
            super(request);
            this.limit = limit;
            this.json = json;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream original = super.getInputStream();
                InputStream counted = new CountingInputStream(original, limit);
                InputStream checked = json ? new Utf8ValidatingInputStream(counted) : counted;
                stream = new DelegatingServletInputStream(original, checked);
            }
            return stream;
        }
    }

    private static final class CountingInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        CountingInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            int read = super.read(buffer, from, length);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        private void counted(int bytes) throws PayloadTooLargeException {
            count += bytes;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }
    }

    private static final class DelegatingServletInputStream extends ServletInputStream {

        private final ServletInputStream original;
        private final InputStream delegate;

        DelegatingServletInputStream(ServletInputStream original, InputStream delegate) {
            this.original = original;
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            return delegate.read();
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            return delegate.read(buffer, from, length);
        }

        @Override
        public boolean isFinished() {
            return original.isFinished();
        }

        @Override
        public boolean isReady() {
            return original.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            original.setReadListener(listener);
        }
    }
}
