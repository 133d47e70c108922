package org.campaignledger.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.campaignledger.platform.web.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** A caller who did not sign in gets 401, one who may not do this gets 403: both as RFC 9457 problems. */
final class ProblemAnswers {

    private final ObjectMapper json;

    ProblemAnswers(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Campaign Ledger\", Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in",
                    "Sign in: HTTP Basic with a configured user, or a Bearer JWT from the configured issuer"
                            + (exception == null || exception.getMessage() == null ? "." : " (" + exception.getMessage() + ")."));
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, "forbidden", "Not permitted",
                "Your role may not " + ("GET".equals(request.getMethod()) ? "read this." : "do this.")
                        + " See the access table in the README.");
    }

    private void write(HttpServletResponse response, HttpStatus status, String slug, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(slug));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
