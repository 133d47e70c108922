package org.campaignledger.command.support;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.support.CloseSupportPointCommand;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.support.SupportPointClosedEvent;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.support.SupportPointOpenedEvent;
import org.campaignledger.api.support.SupportSessionRecordedEvent;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.command.campaign.CampaignRules;
import org.campaignledger.command.campaign.Campaigns;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.command.rules.VersionedAggregate;

/** A mobile support point of a unit: opened, holding sessions, closed. */
@Aggregate(cache = "aggregateCache")
public class SupportPoint extends VersionedAggregate {

    @AggregateIdentifier
    private SupportPointId pointId;
    private CampaignId campaignId;
    private UnitCode unitCode;
    private LocalDate openedOn;
    private LocalDate closedOn;

    protected SupportPoint() {
        // for Axon
    }

    @Override
    protected UnitCode unitOf(Object command) {
        return command instanceof OpenSupportPointCommand open ? open.unitCode() : unitCode;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(OpenSupportPointCommand command, Campaigns campaigns) {
        if (pointId != null) {
            throw new RuleViolation(Rule.SUPPORT_POINT_ALREADY_OPENED,
                    "Support point " + command.pointId() + " was already opened on " + openedOn + ".");
        }
        CampaignRules rules = campaigns.rulesFor(command.campaignId());
        rules.checkUnit(command.unitCode());
        rules.checkFactDate(command.occurredOn());
        apply(new SupportPointOpenedEvent(command.pointId(), command.campaignId(), command.unitCode(),
                command.location(), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordSupportSessionCommand command, Campaigns campaigns) {
        checkExistsIn(command.campaignId(), command.pointId());
        campaigns.rulesFor(campaignId).checkFactDate(command.occurredOn());
        if (command.occurredOn().isBefore(openedOn)) {
            throw new RuleViolation(Rule.SESSION_BEFORE_OPENING, "Support point " + pointId + " opened on "
                    + openedOn + "; a session on " + command.occurredOn() + " comes before it.");
        }
        // a session held before the point closed may still be reported late; one after it may not
        if (closedOn != null && command.occurredOn().isAfter(closedOn)) {
            throw new RuleViolation(Rule.SUPPORT_POINT_CLOSED, "Support point " + pointId + " was closed on "
                    + closedOn + "; it held no session on " + command.occurredOn() + ".");
        }
        Map<PriorityGroup, Integer> served = new EnumMap<>(PriorityGroup.class);
        for (PriorityGroup group : PriorityGroup.values()) {
            served.put(group, command.peopleServed().getOrDefault(group, 0));
        }
        if (served.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw new RuleViolation(Rule.SESSION_WITHOUT_PEOPLE,
                    "A session must serve at least one person: every count in peopleServed is zero.");
        }
        apply(new SupportSessionRecordedEvent(pointId, campaignId, unitCode, served,
                List.copyOf(command.services()), command.occurredOn()));
        return currentVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CloseSupportPointCommand command, Campaigns campaigns) {
        checkExistsIn(command.campaignId(), command.pointId());
        if (closedOn != null) {
            throw new RuleViolation(Rule.SUPPORT_POINT_CLOSED,
                    "Support point " + pointId + " was already closed on " + closedOn + ".");
        }
        campaigns.rulesFor(campaignId).checkFactDate(command.occurredOn());
        if (command.occurredOn().isBefore(openedOn)) {
            throw new RuleViolation(Rule.CLOSING_BEFORE_OPENING, "Support point " + pointId + " opened on "
                    + openedOn + " and cannot close on " + command.occurredOn() + ".");
        }
        apply(new SupportPointClosedEvent(pointId, campaignId, unitCode, command.occurredOn()));
        return currentVersion();
    }

    private void checkExistsIn(CampaignId campaign, SupportPointId requested) {
        if (pointId == null || !campaignId.equals(campaign)) {
            throw new RuleViolation(Rule.SUPPORT_POINT_NOT_FOUND,
                    "No support point " + requested + " was opened in campaign " + campaign + ".");
        }
    }

    @EventSourcingHandler
    void on(SupportPointOpenedEvent event) {
        pointId = event.pointId();
        campaignId = event.campaignId();
        unitCode = event.unitCode();
        openedOn = event.occurredOn();
    }

    @EventSourcingHandler
    void on(SupportPointClosedEvent event) {
        closedOn = event.occurredOn();
    }
}
