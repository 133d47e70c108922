package org.campaignledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.core.userdetails.User;

class VerifiedCredentialsTest {

    private static final String COST_4_HASH_OF_SECRET = "{bcrypt}"
            + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode("secret");

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(User.withUsername("officer")
            .password(COST_4_HASH_OF_SECRET).authorities("ROLE_UNIT_OFFICER", "UNIT_00070").build());
    private final AtomicInteger lookups = new AtomicInteger();
    private final UserDetailsService counted = name -> {
        lookups.incrementAndGet();
        return users.loadUserByUsername(name);
    };

    @Test
    void aVerifiedCredentialIsRememberedSoItsHashIsCheckedOnce() {
        VerifiedCredentials credentials = new VerifiedCredentials(counted, encoder, Duration.ofMinutes(5), 100);

        Authentication first = credentials.authenticate(attempt("officer", "secret"));
        Authentication second = credentials.authenticate(attempt("officer", "secret"));

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(first.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_UNIT_OFFICER", "UNIT_00070");
        assertThat(second).isSameAs(first);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedEveryTimeEvenRightAfterTheRightOne() {
        VerifiedCredentials credentials = new VerifiedCredentials(counted, encoder, Duration.ofMinutes(5), 100);
        credentials.authenticate(attempt("officer", "secret"));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> credentials.authenticate(attempt("officer", "secreT")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> credentials.authenticate(attempt("nobody", "secret")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(lookups).hasValue(5);
        assertThat(credentials.remembered()).isEqualTo(1);
    }

    @Test
    void afterItsTimeACredentialIsCheckedAgain() {
        VerifiedCredentials credentials = new VerifiedCredentials(counted, encoder, Duration.ZERO, 100);

        credentials.authenticate(attempt("officer", "secret"));
        credentials.authenticate(attempt("officer", "secret"));

        assertThat(lookups).hasValue(2);
    }

    @Test
    void theStoredHashIsNeverUpgraded() {
        VerifiedCredentials credentials = new VerifiedCredentials(users, encoder, Duration.ZERO, 100);

        credentials.authenticate(attempt("officer", "secret"));

        UserDetails stored = users.loadUserByUsername("officer");
        assertThat(stored.getPassword()).isEqualTo(COST_4_HASH_OF_SECRET).startsWith("{bcrypt}$2a$04$");
    }

    @Test
    void rememberedCredentialsStayBounded() {
        users.createUser(User.withUsername("viewer").password(COST_4_HASH_OF_SECRET).authorities("ROLE_VIEWER").build());
        VerifiedCredentials credentials = new VerifiedCredentials(counted, encoder, Duration.ofMinutes(5), 1);

        credentials.authenticate(attempt("officer", "secret"));
        credentials.authenticate(attempt("viewer", "secret"));

        assertThat(credentials.remembered()).isEqualTo(1);
    }

    private static UsernamePasswordAuthenticationToken attempt(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
