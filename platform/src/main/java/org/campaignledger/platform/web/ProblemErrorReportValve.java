package org.campaignledger.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's answer to a request it refuses before any servlet sees it (e.g. {@code %00} or an invalid UTF-8
 * byte in the path): an RFC 9457 problem instead of Tomcat's HTML page (found by the bad-input properties in
 * deploy/reliability). Errors the application answered itself already have a body and pass untouched.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String slug = status == 400 ? ProblemTypes.MALFORMED_REQUEST
                : status >= 500 ? ProblemTypes.INTERNAL : "http-" + status;
        String body = "{\"type\":\"" + ProblemTypes.uri(slug) + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"The request was refused before it reached the application (" + title
                + "): check the URL's encoding and the request's headers.\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
