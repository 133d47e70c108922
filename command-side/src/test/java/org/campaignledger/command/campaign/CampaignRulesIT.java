package org.campaignledger.command.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.TestCampaigns;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The campaign rules every fact is checked against come from the campaign's committed events only: a launch or
 * a closing whose commit failed leaves this node's rules as they were. (The rules' cache used to learn them from
 * the event before the commit: a campaign whose launch was never recorded accepted facts, a closing never
 * recorded refused them, until a restart.) The failing commit is planted as a deferred constraint trigger, which
 * PostgreSQL runs at COMMIT: the events were appended and handed to the in-transaction subscribers, then the
 * commit failed, as a lost connection or a failed fsync would make it.
 */
@SpringBootTest
class CampaignRulesIT {

    private static final UnitCode BA_DINH = new UnitCode("00004");
    private static final LocalDate DAY_3 = TestCampaigns.START.plusDays(2);
    private static final LocalDate DAY_11 = TestCampaigns.START.plusDays(10);

    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLaunchThatWasNotStoredLaunchesNothing() {
        CampaignId campaign = new CampaignId("rules-" + UUID.randomUUID().toString().substring(0, 8));
        refusingEventsOf(campaign.value(), 0, () -> assertThatThrownBy(
                () -> gateway.sendAndWait(TestCampaigns.launch(campaign))).rootCause().hasMessageContaining("refused"));

        assertThatThrownBy(() -> gateway.sendAndWait(openPoint(campaign, "first")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.CAMPAIGN_NOT_FOUND));
        assertThat(events(campaign)).isZero();

        gateway.sendAndWait(TestCampaigns.launch(campaign));
        gateway.sendAndWait(openPoint(campaign, "second"));
        assertThat(events(campaign)).isEqualTo(2);
    }

    @Test
    void aClosingThatWasNotStoredClosesNothing() {
        CampaignId campaign = new CampaignId("rules-" + UUID.randomUUID().toString().substring(0, 8));
        gateway.sendAndWait(TestCampaigns.launch(campaign));
        gateway.sendAndWait(openPoint(campaign, "before"));
        CloseCampaignCommand close = new CloseCampaignCommand(campaign, TestCampaigns.START.plusDays(5));
        refusingEventsOf(campaign.value(), 1, () -> assertThatThrownBy(() -> gateway.sendAndWait(close))
                .rootCause().hasMessageContaining("refused"));

        // dated after the closing that was not recorded: the campaign is still open
        gateway.sendAndWait(openPoint(campaign, "after", DAY_11));

        gateway.sendAndWait(close);
        assertThatThrownBy(() -> gateway.sendAndWait(openPoint(campaign, "closed", DAY_11)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.DATE_AFTER_CAMPAIGN_CLOSED));
    }

    private static OpenSupportPointCommand openPoint(CampaignId campaign, String name) {
        return openPoint(campaign, name, DAY_3);
    }

    private static OpenSupportPointCommand openPoint(CampaignId campaign, String name, LocalDate day) {
        return new OpenSupportPointCommand(new SupportPointId(campaign + "-" + name), campaign, BA_DINH,
                "Nhà văn hoá " + name, day);
    }

    private long events(CampaignId campaign) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where campaign_id = ?", Long.class,
                campaign.value());
    }

    /** Runs {@code action} while commits with event {@code sequence} of aggregate {@code aggregate} fail. */
    private void refusingEventsOf(String aggregate, long sequence, Runnable action) {
        String function = "refuse_" + aggregate.replace('-', '_');
        jdbc.execute("create function " + function + "() returns trigger language plpgsql as $$ begin"
                + " if new.aggregate_identifier = '" + aggregate + "' and new.sequence_number = " + sequence
                + " then raise exception 'refused at commit'; end if; return new; end $$");
        jdbc.execute("create constraint trigger " + function + " after insert on domain_event_entry"
                + " deferrable initially deferred for each row execute function " + function + "()");
        try {
            action.run();
        } finally {
            jdbc.execute("drop trigger " + function + " on domain_event_entry");
            jdbc.execute("drop function " + function + "()");
        }
    }
}
