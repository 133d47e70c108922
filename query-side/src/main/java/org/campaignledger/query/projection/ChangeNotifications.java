package org.campaignledger.query.projection;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The channel on which the projections tell every query node that a campaign's figures changed
 * ({@code NOTIFY campaign_ledger_progress, '<campaign id>'}), sent inside the transaction that wrote them:
 * PostgreSQL delivers it only after that transaction commits, so a reader woken by it sees the new rows.
 */
public final class ChangeNotifications {

    public static final String CHANNEL = "campaign_ledger_progress";

    private ChangeNotifications() {
    }

    /** In the current transaction: one notification per campaign, delivered when it commits. */
    public static void notifyChanged(JdbcTemplate jdbc, Collection<String> campaignIds) {
        campaignIds.forEach(campaign -> jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, campaign));
    }
}
