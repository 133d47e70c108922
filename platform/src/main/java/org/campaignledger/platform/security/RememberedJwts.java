package org.campaignledger.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Decodes Bearer tokens, remembering each token that verified until it expires or for {@code ttl}, whichever
 * comes first. A dashboard or API client sends the same token with every request, and checking its RS256
 * signature (with the claims' validation) was the largest part of a cached query's cost (B5 in
 * docs/PERFORMANCE.md: 9 ms p50 with a JWT against 5 ms with a remembered Basic credential). A token that
 * fails is checked in full every time; a token is never remembered past its {@code exp}, so an expired token
 * is refused as before. What is kept is the token's SHA-256, not the token. A token stands for the same claims
 * as long as it is valid; what remembering delays is the effect of an issuer withdrawing a signing key from its
 * JWK set: a token already verified with it is still accepted for at most {@code ttl}.
 */
final class RememberedJwts implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Duration ttl;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Jwt jwt, Instant until) {
    }

    RememberedJwts(JwtDecoder decoder, Duration ttl, int capacity, Clock clock) {
        this.decoder = decoder;
        this.ttl = ttl;
        this.capacity = capacity;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String digest = digest(token);
        Instant now = clock.instant();
        Remembered known = remembered.get(digest);
        if (known != null && now.isBefore(known.until())) {
            return known.jwt();
        }
        Jwt verified = decoder.decode(token);
        Instant until = now.plus(ttl);
        if (verified.getExpiresAt() != null && verified.getExpiresAt().isBefore(until)) {
            until = verified.getExpiresAt();
        }
        if (now.isBefore(until)) {
            if (remembered.size() >= capacity) {
                remembered.clear();
            }
            remembered.put(digest, new Remembered(verified, until));
        } else if (known != null) {
            remembered.remove(digest);
        }
        return verified;
    }

    int remembered() {
        return remembered.size();
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
