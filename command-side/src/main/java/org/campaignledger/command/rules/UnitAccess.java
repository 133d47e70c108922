package org.campaignledger.command.rules;

import java.util.Arrays;
import java.util.Map;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.platform.eventstore.MetadataKeys;
import org.campaignledger.platform.security.Role;

/**
 * Whether a command's sender may record a fact for a unit. The roles are checked at the door (HTTP);
 * the unit can only be checked where it is known, which for a course completion or a support session
 * is the aggregate's state. Commands sent in-process carry no role, or the role {@code SYSTEM}: they come
 * from the application itself (the simulator, the launcher), not from a caller; HTTP callers always carry
 * their signed-in role (see {@code Principals}), so they cannot claim it.
 */
final class UnitAccess {

    /** The role in-process senders (the launcher's bootstrap, tests) put in their commands' metadata. */
    static final String SYSTEM = "SYSTEM";

    private UnitAccess() {
    }

    static void check(UnitCode unit, Map<String, ?> metaData) {
        Object role = metaData.get(MetadataKeys.ROLE);
        if (unit == null || role == null || SYSTEM.equals(role) || Role.DEPARTMENT.name().equals(role)) {
            return;
        }
        Object units = metaData.get(MetadataKeys.UNITS);
        boolean bound = Role.UNIT_OFFICER.name().equals(role) && units != null
                && Arrays.asList(units.toString().split(",")).contains(unit.value());
        if (!bound) {
            throw new RuleViolation(Rule.UNIT_NOT_PERMITTED, "As " + metaData.get(MetadataKeys.PRINCIPAL) + " (" + role
                    + (units == null || units.toString().isEmpty() ? "" : ", units " + units)
                    + ") you may not record facts for unit " + unit.value() + ".",
                    Map.of("unitCode", unit.value()));
        }
    }
}
