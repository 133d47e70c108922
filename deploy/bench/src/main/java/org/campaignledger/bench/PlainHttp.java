package org.campaignledger.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection that sends a request and reads its answer to the last byte, on the calling
 * thread: what wrk does, in Java. B1 and B5 measure the server's answers; the JDK's {@code HttpClient} hands every
 * exchange between the caller, its selector thread and its executor, and on this 2-core machine that
 * client-side work took about as much CPU as the server's answer (a warm server: 4,200 answers/s to wrk,
 * 1,700/s to 8 {@code HttpClient} threads in another JVM, docs/PERFORMANCE.md). A connection that failed is
 * closed, and the next request opens a new one.
 */
final class PlainHttp implements Closeable {

    /** An answer: its status, and its body only when the status is not 2xx (for the error message). */
    record Answer(int status, String errorBody) {
    }

    private final URI base;
    private final byte[] discard = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    PlainHttp(URI base) {
        this.base = base;
    }

    Answer get(String pathAndQuery, String authorization) throws IOException {
        return exchange("GET " + pathAndQuery + " HTTP/1.1\r\nAuthorization: " + authorization
                + "\r\nAccept: application/json\r\n", null);
    }

    /** @param headers each as {@code Name: value}, Content-Type among them; Content-Length is added */
    Answer post(String path, List<String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        return exchange(head.toString(), body);
    }

    private Answer exchange(String requestLineAndHeaders, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            return answer(requestLineAndHeaders, body);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Answer answer(String requestLineAndHeaders, byte[] body) throws IOException {
        String head = requestLineAndHeaders + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        ByteArrayOutputStream errorBody = status / 100 == 2 ? null : new ByteArrayOutputStream();
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size, errorBody);
                line(); // the CRLF after the chunk
            }
            while (!line().isEmpty()) {
                // past any trailers, to the empty line that ends the answer
            }
        } else if (length >= 0) {
            skip(length, errorBody);
        } else {
            close = true; // a body ended by the connection's close
            skip(Long.MAX_VALUE, errorBody);
        }
        if (close) {
            close();
        }
        return new Answer(status, errorBody == null ? null : errorBody.toString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        // a request's head and body leave in one segment (with TCP_NODELAY, two writes would be two)
        out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    private long chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    /** Reads {@code count} bytes (to the end of the stream for {@code Long.MAX_VALUE}), kept only into {@code body}. */
    private void skip(long count, ByteArrayOutputStream body) throws IOException {
        long left = count;
        while (left > 0) {
            int read = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (read < 0) {
                if (count == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("answer ended " + left + " bytes early");
            }
            if (body != null) {
                body.write(discard, 0, read);
            }
            left -= read;
        }
    }

    /** A line without its CRLF, as ISO-8859-1 (headers are ASCII). */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); ; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed mid-answer");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
        }
    }
}
