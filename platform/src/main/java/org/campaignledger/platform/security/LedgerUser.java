package org.campaignledger.platform.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated caller as the ledger sees them, whichever way they signed in: a name, one role,
 * and for a unit officer the unit codes they are bound to. Carried as authorities
 * ({@code ROLE_X}, {@code UNIT_code}) so that config users and JWTs end up alike.
 */
public record LedgerUser(String name, Role role, Set<String> unitCodes) {

    static final String UNIT_PREFIX = "UNIT_";

    public LedgerUser {
        unitCodes = Set.copyOf(unitCodes);
    }

    /** The caller of the current request, if one signed in. */
    public static Optional<LedgerUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        return from(authentication.getName(), authentication.getAuthorities());
    }

    static Optional<LedgerUser> from(String name, Collection<? extends GrantedAuthority> authorities) {
        Role role = null;
        Set<String> units = new TreeSet<>();
        for (GrantedAuthority granted : authorities) {
            String authority = granted.getAuthority();
            for (Role candidate : Role.values()) {
                if (candidate.authority().equals(authority)) {
                    role = candidate;
                }
            }
            if (authority.startsWith(UNIT_PREFIX)) {
                units.add(authority.substring(UNIT_PREFIX.length()));
            }
        }
        return role == null ? Optional.empty() : Optional.of(new LedgerUser(name, role, units));
    }

    /** The authorities that carry a role and units. */
    static Set<GrantedAuthority> authorities(Role role, Collection<String> unitCodes) {
        Set<GrantedAuthority> authorities = unitCodes.stream()
                .map(unit -> new SimpleGrantedAuthority(UNIT_PREFIX + unit))
                .collect(Collectors.toSet());
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        return authorities;
    }

    /** Whether this caller may record facts for, and read the people of, the unit. */
    public boolean actsFor(String unitCode) {
        return role == Role.DEPARTMENT || role == Role.UNIT_OFFICER && unitCodes.contains(unitCode);
    }

    /** Whether the current request's caller may read the audit trail (who recorded what, about whom). */
    public static boolean currentReadsAuditTrail() {
        return current().map(user -> user.role() == Role.DEPARTMENT || user.role() == Role.AUDITOR).orElse(false);
    }

    /** Whether the current request's caller may read the personal data of the unit's people. */
    public static boolean currentReadsPeopleOf(String unitCode) {
        return current().map(user -> user.readsPeopleOf(unitCode)).orElse(false);
    }

    /** Whether this caller may read the personal data (names, person ids) of the unit's people. */
    public boolean readsPeopleOf(String unitCode) {
        return role == Role.DEPARTMENT || role == Role.AUDITOR
                || role == Role.UNIT_OFFICER && unitCodes.contains(unitCode);
    }
}
