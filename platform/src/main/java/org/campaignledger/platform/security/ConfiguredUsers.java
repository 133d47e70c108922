package org.campaignledger.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The users defined in configuration, with their hashed passwords, as Spring Security users. */
final class ConfiguredUsers {

    private ConfiguredUsers() {
    }

    static InMemoryUserDetailsManager from(SecurityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        properties.getUsers().forEach((name, user) -> {
            if (user.getRole() == null) {
                throw new IllegalStateException("campaign-ledger.security.users." + name + ".role is missing");
            }
            if (user.getPassword() == null || !user.getPassword().startsWith("{")) {
                throw new IllegalStateException("campaign-ledger.security.users." + name
                        + ".password must be a hash with its algorithm, e.g. {bcrypt}$2a$10$...");
            }
            users.add(User.withUsername(name)
                    .password(user.getPassword())
                    .authorities(LedgerUser.authorities(user.getRole(), user.getUnits()))
                    .build());
        });
        return new InMemoryUserDetailsManager(users);
    }
}
