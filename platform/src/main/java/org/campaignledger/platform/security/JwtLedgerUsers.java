package org.campaignledger.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads a ledger user from a JWT: the name, role and units claims named in
 * {@link SecurityProperties.Jwt}. A token naming several ledger roles gets the first of
 * DEPARTMENT, UNIT_OFFICER, AUDITOR, VIEWER; a token naming none is authenticated but may do nothing.
 */
class JwtLedgerUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final List<Role> PRECEDENCE = List.of(Role.DEPARTMENT, Role.UNIT_OFFICER, Role.AUDITOR, Role.VIEWER);

    private final SecurityProperties.Jwt claims;

    JwtLedgerUsers(SecurityProperties.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object nameClaim = claim(jwt, claims.getNameClaim());
        String name = nameClaim == null ? jwt.getSubject() : nameClaim.toString();
        Collection<String> roles = strings(claim(jwt, claims.getRolesClaim()));
        Collection<String> units = strings(claim(jwt, claims.getUnitsClaim()));
        Collection<GrantedAuthority> authorities = PRECEDENCE.stream()
                .filter(role -> roles.contains(role.name()))
                .findFirst()
                .map(role -> (Collection<GrantedAuthority>) LedgerUser.authorities(role, units))
                .orElse(Set.of());
        return new JwtAuthenticationToken(jwt, authorities, name);
    }

    private static Object claim(Jwt jwt, String dottedName) {
        Object value = jwt.getClaims();
        for (String part : dottedName.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static Collection<String> strings(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text && !text.isBlank()) {
            for (String value : text.split("[,\\s]+")) {
                values.add(value);
            }
        }
        return values;
    }
}
