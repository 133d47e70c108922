package org.campaignledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits how many API requests each client sends per second: a client is its authenticated principal if
 * there is one, else its remote address. Past its rate it gets a 429 problem with {@code Retry-After}
 * (whole seconds, at least 1) and the request is not handled.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final TokenBuckets buckets;
    private final String[] paths;

    RateLimitFilter(TokenBuckets buckets, String... paths) {
        this.buckets = buckets;
        this.paths = paths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        for (String path : paths) {
            if (uri.startsWith(path.trim())) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = buckets.take(client(request));
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS,
                "Too many requests", "This client sent more requests than it may per second; retry after "
                        + seconds + " s.", request.getRequestURI());
    }

    static String client(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return principal != null && principal.getName() != null ? "principal:" + principal.getName()
                : "address:" + request.getRemoteAddr();
    }
}
