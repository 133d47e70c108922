package org.campaignledger.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an error that never reached a controller (rejected by the servlet container or a filter, e.g.
 * an encoded slash in a path or a body over the size limit): an RFC 9457 problem like every other error, where
 * Spring Boot would answer its own JSON shape. Browsers asking for HTML still get the HTML error page.
 */
public class ProblemErrorController extends BasicErrorController {

    public ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
                                  List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, errorProperties, errorViewResolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.uri(slug(status)).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", status.is5xxServerError()
                ? "The request failed unexpectedly; it has been logged."
                : "The request was refused before it reached the application: " + status.getReasonPhrase() + ".");
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.put("instance", uri.toString());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String slug(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> ProblemTypes.MALFORMED_REQUEST;
            case NOT_FOUND -> ProblemTypes.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemTypes.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case PAYLOAD_TOO_LARGE -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case TOO_MANY_REQUESTS -> ProblemTypes.TOO_MANY_REQUESTS;
            case SERVICE_UNAVAILABLE -> ProblemTypes.SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? ProblemTypes.INTERNAL : "http-" + status.value();
        };
    }
}
