package org.campaignledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.campaignledger.platform.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberedJwtsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T16:00:00Z");

    private final Map<String, Instant> issued = new HashMap<>();
    private final AtomicInteger checks = new AtomicInteger();
    private final MovableClock clock = new MovableClock(NOW);
    /** The issuer's decoder as far as remembering goes: a token it issued verifies until its expiry. */
    private final JwtDecoder issuer = token -> {
        checks.incrementAndGet();
        Instant expiresAt = issued.get(token);
        if (expiresAt == null || !clock.instant().isBefore(expiresAt)) {
            throw new BadJwtException("not a valid token");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("department")
                .issuedAt(NOW.minusSeconds(1)).expiresAt(expiresAt).build();
    };

    private RememberedJwts remembering(Duration ttl, int capacity) {
        return new RememberedJwts(issuer, ttl, capacity, clock);
    }

    @Test
    void aVerifiedTokenIsCheckedOnceAndGivesTheSameClaims() {
        issued.put("a.b.c", NOW.plusSeconds(3600));
        RememberedJwts tokens = remembering(Duration.ofMinutes(5), 100);

        Jwt first = tokens.decode("a.b.c");
        Jwt second = tokens.decode("a.b.c");

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("department");
        assertThat(checks).hasValue(1);
    }

    @Test
    void aTokenThatFailsIsCheckedInFullEveryTimeEvenRightAfterAGoodOne() {
        issued.put("a.b.c", NOW.plusSeconds(3600));
        RememberedJwts tokens = remembering(Duration.ofMinutes(5), 100);
        tokens.decode("a.b.c");

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("a.b.forged")).isInstanceOf(BadJwtException.class);
        }
        assertThat(checks).hasValue(4);
        assertThat(tokens.remembered()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        issued.put("short.lived.token", NOW.plusSeconds(30));
        RememberedJwts tokens = remembering(Duration.ofMinutes(5), 100);
        tokens.decode("short.lived.token");

        clock.set(NOW.plusSeconds(29));
        tokens.decode("short.lived.token");
        assertThat(checks).hasValue(1);

        clock.set(NOW.plusSeconds(30));
        assertThatThrownBy(() -> tokens.decode("short.lived.token")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void afterItsTimeATokenIsCheckedAgainAndAFullMemoryStartsOver() {
        issued.put("one", NOW.plusSeconds(3600));
        issued.put("two", NOW.plusSeconds(3600));
        issued.put("three", NOW.plusSeconds(3600));
        RememberedJwts tokens = remembering(Duration.ofMinutes(5), 2);
        tokens.decode("one");
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        tokens.decode("one");
        assertThat(checks).hasValue(2);

        tokens.decode("two");
        tokens.decode("three");
        assertThat(tokens.remembered()).isEqualTo(1);
        tokens.decode("three");
        assertThat(checks).hasValue(4);
    }
}
