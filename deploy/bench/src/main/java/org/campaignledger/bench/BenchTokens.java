package org.campaignledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The bench as its own JWT issuer: a key made for the run, its public key given to the application as an
 * operator configures one ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), and RS256
 * tokens for the department role. B5's clients send these, as API clients do in production: HTTP Basic
 * checks a BCrypt hash on every stateless request, which costs more CPU than any query (see PERFORMANCE.md, B5).
 */
final class BenchTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair key;
    private final Path publicKey;

    BenchTokens() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
            publicKey = Files.createTempFile("bench-issuer", ".pem");
            publicKey.toFile().deleteOnExit();
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The application argument that makes it accept the bench's tokens (HTTP Basic keeps working). */
    String applicationArgument() {
        return "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey;
    }

    /** {@code Bearer ...} for the department role, valid for {@code validity}. */
    String departmentBearer(Duration validity) {
        Instant now = Instant.now();
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = encode("{\"sub\":\"bench\",\"preferred_username\":\"bench\",\"roles\":[\"DEPARTMENT\"],"
                + "\"iat\":" + now.getEpochSecond() + ",\"exp\":" + now.plus(validity).getEpochSecond() + "}");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return "Bearer " + header + "." + claims + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
