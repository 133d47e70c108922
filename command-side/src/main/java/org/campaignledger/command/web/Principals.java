package org.campaignledger.command.web;

import java.util.HashMap;
import java.util.Map;
import org.campaignledger.platform.eventstore.MetadataKeys;
import org.campaignledger.platform.security.LedgerUser;
import org.campaignledger.platform.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who is sending the current request, as the metadata every command carries: the signed-in user's
 * name and role (kept in each event for the audit trail) and, for a unit officer, the units they may
 * record for (checked by the aggregate, not kept).
 */
@Component
public class Principals {

    /** The name recorded when no one signed in (only reachable where access control lets anonymous in). */
    public static final String ANONYMOUS = "anonymous";

    public String name() {
        return LedgerUser.current().map(LedgerUser::name).orElse(ANONYMOUS);
    }

    /** The metadata that says who sent a command. */
    public Map<String, Object> metaData() {
        Map<String, Object> metaData = new HashMap<>();
        LedgerUser user = LedgerUser.current().orElse(null);
        if (user == null) {
            metaData.put(MetadataKeys.PRINCIPAL, ANONYMOUS);
            metaData.put(MetadataKeys.ROLE, "ANONYMOUS");
            return metaData;
        }
        metaData.put(MetadataKeys.PRINCIPAL, user.name());
        metaData.put(MetadataKeys.ROLE, user.role().name());
        if (user.role() == Role.UNIT_OFFICER) {
            metaData.put(MetadataKeys.UNITS, String.join(",", user.unitCodes()));
        }
        return metaData;
    }
}
