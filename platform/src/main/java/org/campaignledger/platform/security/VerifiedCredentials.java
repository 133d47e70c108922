package org.campaignledger.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs in the configured users (HTTP Basic and the login page), remembering each credential that verified
 * for a short while. A stateless API client sends its password with every request, and checking a bcrypt
 * hash costs about 1 ms at cost 4 and about 80 ms at cost 10: on two cores a cost-10 user would cap the API
 * at a few dozen requests per second. What is remembered is an HMAC of the name and password under a key
 * made at start-up, never the password; only credentials that verified, for {@code ttl}, at most
 * {@code capacity} of them. A wrong password is always checked in full. Stored hashes are never re-hashed
 * (Spring's password upgrade would have turned the demo's cost-4 hashes into cost-10 ones at the first sign-in).
 * Users come from configuration, so nothing a remembered credential stands for can change before a restart.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final long ttlNanos;
    private final int capacity;
    private final SecretKeySpec key;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** One keyed Mac per request thread: making and keying one took a few per cent of a request's CPU (B1). */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private record Remembered(Authentication authentication, long until) {
    }

    VerifiedCredentials(UserDetailsService users, PasswordEncoder encoder, Duration ttl, int capacity) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.ttlNanos = ttl.toNanos();
        this.capacity = capacity;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        if (!(attempt.getCredentials() instanceof String password) || attempt.getName() == null) {
            return passwords.authenticate(attempt);
        }
        String fingerprint = fingerprint(attempt.getName(), password);
        long now = System.nanoTime();
        Remembered known = remembered.get(fingerprint);
        if (known != null && now - known.until() < 0) {
            return known.authentication();
        }
        Authentication verified = passwords.authenticate(attempt);
        if (remembered.size() >= capacity) {
            remembered.clear();
        }
        remembered.put(fingerprint, new Remembered(verified, now + ttlNanos));
        return verified;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    int remembered() {
        return remembered.size();
    }

    private String fingerprint(String name, String password) {
        Mac mac = macs.get();
        mac.update(name.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    }
}
