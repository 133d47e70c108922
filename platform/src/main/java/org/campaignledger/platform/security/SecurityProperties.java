package org.campaignledger.platform.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code campaign-ledger.security.*}: the users defined in configuration, how JWT claims map to roles
 * and units, and whether the public overview is open to anonymous visitors.
 *
 * <pre>
 * campaign-ledger.security.users.lan.password={bcrypt}$2a$10$...
 * campaign-ledger.security.users.lan.role=UNIT_OFFICER
 * campaign-ledger.security.users.lan.units=00004,00008
 * </pre>
 */
@ConfigurationProperties("campaign-ledger.security")
public class SecurityProperties {

    /** Users by name. Passwords are stored hashed, with their algorithm as prefix ({@code {bcrypt}...}). */
    private Map<String, ConfiguredUser> users = new LinkedHashMap<>();
    /** Whether anonymous visitors may see the dashboard's campaign overview (aggregated figures only). */
    private boolean publicOverview = false;
    /** The dashboard's own login page, if the application serves one; else Spring's generated page. */
    private String loginPage;
    /**
     * How long a verified Basic/login credential or Bearer token is remembered, so a client's every request does not
     * re-check its hash or signature (a token never past its own expiry).
     */
    private java.time.Duration verifiedCredentialsTtl = java.time.Duration.ofMinutes(5);
    private final Jwt jwt = new Jwt();

    public Map<String, ConfiguredUser> getUsers() {
        return users;
    }

    public void setUsers(Map<String, ConfiguredUser> users) {
        this.users = users;
    }

    public boolean isPublicOverview() {
        return publicOverview;
    }

    public void setPublicOverview(boolean publicOverview) {
        this.publicOverview = publicOverview;
    }

    public String getLoginPage() {
        return loginPage;
    }

    public void setLoginPage(String loginPage) {
        this.loginPage = loginPage;
    }

    public java.time.Duration getVerifiedCredentialsTtl() {
        return verifiedCredentialsTtl;
    }

    public void setVerifiedCredentialsTtl(java.time.Duration verifiedCredentialsTtl) {
        this.verifiedCredentialsTtl = verifiedCredentialsTtl;
    }

    public Jwt getJwt() {
        return jwt;
    }

    /** One user from configuration. */
    public static class ConfiguredUser {
        private String password;
        private Role role;
        private List<String> units = List.of();

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public Role getRole() {
            return role;
        }

        public void setRole(Role role) {
            this.role = role;
        }

        public List<String> getUnits() {
            return units;
        }

        public void setUnits(List<String> units) {
            this.units = units;
        }
    }

    /**
     * Which claims of a JWT name the caller, their role and their units. Dotted names reach into
     * objects: Keycloak puts realm roles under {@code realm_access.roles}.
     */
    public static class Jwt {
        private String nameClaim = "preferred_username";
        private String rolesClaim = "roles";
        private String unitsClaim = "units";

        public String getNameClaim() {
            return nameClaim;
        }

        public void setNameClaim(String nameClaim) {
            this.nameClaim = nameClaim;
        }

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getUnitsClaim() {
            return unitsClaim;
        }

        public void setUnitsClaim(String unitsClaim) {
            this.unitsClaim = unitsClaim;
        }
    }
}
