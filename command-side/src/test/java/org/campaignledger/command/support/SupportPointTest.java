package org.campaignledger.command.support;

import static org.campaignledger.command.TestCampaigns.BA_DINH;
import static org.campaignledger.command.TestCampaigns.CAMPAIGN;
import static org.campaignledger.command.TestCampaigns.day;
import static org.campaignledger.command.Violates.violates;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignledger.api.support.CloseSupportPointCommand;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.support.SupportPointClosedEvent;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.support.SupportPointOpenedEvent;
import org.campaignledger.api.support.SupportSessionRecordedEvent;
import org.campaignledger.command.TestCampaigns;
import org.campaignledger.command.rules.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupportPointTest {

    private static final SupportPointId POINT = new SupportPointId("point-1");
    private static final SupportPointOpenedEvent OPENED =
            new SupportPointOpenedEvent(POINT, CAMPAIGN, BA_DINH, "Nhà văn hoá tổ 5", day(5));

    private AggregateTestFixture<SupportPoint> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupportPoint.class);
        fixture.registerInjectableResource(new TestCampaigns());
    }

    private static Map<PriorityGroup, Integer> served(int elderly, int disabled) {
        Map<PriorityGroup, Integer> served = new EnumMap<>(PriorityGroup.class);
        for (PriorityGroup group : PriorityGroup.values()) {
            served.put(group, 0);
        }
        served.put(PriorityGroup.ELDERLY, elderly);
        served.put(PriorityGroup.DISABLED, disabled);
        return served;
    }

    @Test
    void opensASupportPoint() {
        fixture.givenNoPriorActivity()
                .when(new OpenSupportPointCommand(POINT, CAMPAIGN, BA_DINH, "Nhà văn hoá tổ 5", day(5)))
                .expectEvents(OPENED);
    }

    @Test
    void rejectsOpeningTheSamePointTwice() {
        fixture.given(OPENED)
                .when(new OpenSupportPointCommand(POINT, CAMPAIGN, BA_DINH, "Elsewhere", day(6)))
                .expectException(violates(Rule.SUPPORT_POINT_ALREADY_OPENED))
                .expectNoEvents();
    }

    @Test
    void recordsASessionWithEveryPriorityGroupCounted() {
        fixture.given(OPENED)
                .when(new RecordSupportSessionCommand(POINT, CAMPAIGN, Map.of(PriorityGroup.ELDERLY, 7,
                        PriorityGroup.DISABLED, 2), List.of("VNeID"), day(6)))
                .expectEvents(new SupportSessionRecordedEvent(POINT, CAMPAIGN, BA_DINH, served(7, 2), List.of("VNeID"),
                        day(6)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void rejectsASessionAtAnUnknownPoint() {
        fixture.givenNoPriorActivity()
                .when(new RecordSupportSessionCommand(POINT, CAMPAIGN, Map.of(PriorityGroup.ELDERLY, 7), List.of(),
                        day(6)))
                .expectException(violates(Rule.SUPPORT_POINT_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void rejectsASessionAfterThePointClosed() {
        fixture.given(OPENED, new SupportPointClosedEvent(POINT, CAMPAIGN, BA_DINH, day(10)))
                .when(new RecordSupportSessionCommand(POINT, CAMPAIGN, Map.of(PriorityGroup.ELDERLY, 7), List.of(),
                        day(11)))
                .expectException(violates(Rule.SUPPORT_POINT_CLOSED))
                .expectNoEvents();
    }

    @Test
    void acceptsALateReportOfASessionHeldBeforeThePointClosed() {
        fixture.given(OPENED, new SupportPointClosedEvent(POINT, CAMPAIGN, BA_DINH, day(10)))
                .when(new RecordSupportSessionCommand(POINT, CAMPAIGN, Map.of(PriorityGroup.ELDERLY, 3), List.of(),
                        day(9)))
                .expectEvents(new SupportSessionRecordedEvent(POINT, CAMPAIGN, BA_DINH, served(3, 0), List.of(),
                        day(9)));
    }

    @Test
    void rejectsASessionBeforeThePointOpened() {
        fixture.given(OPENED)
                .when(new RecordSupportSessionCommand(POINT, CAMPAIGN, Map.of(PriorityGroup.ELDERLY, 7), List.of(),
                        day(4)))
                .expectException(violates(Rule.SESSION_BEFORE_OPENING))
                .expectNoEvents();
    }

    @Test
    void rejectsASessionThatServedNobody() {
        fixture.given(OPENED)
                .when(new RecordSupportSessionCommand(POINT, CAMPAIGN, Map.of(PriorityGroup.ELDERLY, 0), List.of(),
                        day(6)))
                .expectException(violates(Rule.SESSION_WITHOUT_PEOPLE))
                .expectNoEvents();
    }

    @Test
    void closesAPointOnceAndNotBeforeItOpened() {
        fixture.given(OPENED)
                .when(new CloseSupportPointCommand(POINT, CAMPAIGN, day(20)))
                .expectEvents(new SupportPointClosedEvent(POINT, CAMPAIGN, BA_DINH, day(20)));
        fixture.given(OPENED, new SupportPointClosedEvent(POINT, CAMPAIGN, BA_DINH, day(20)))
                .when(new CloseSupportPointCommand(POINT, CAMPAIGN, day(21)))
                .expectException(violates(Rule.SUPPORT_POINT_CLOSED));
        fixture.given(OPENED)
                .when(new CloseSupportPointCommand(POINT, CAMPAIGN, day(3)))
                .expectException(violates(Rule.CLOSING_BEFORE_OPENING));
    }

    @Test
    void rejectsASessionDatedInTheFuture() {
        fixture.given(OPENED)
                .when(new RecordSupportSessionCommand(POINT, CAMPAIGN, Map.of(PriorityGroup.ELDERLY, 1), List.of(),
                        TestCampaigns.TODAY.plusDays(1)))
                .expectException(violates(Rule.DATE_IN_FUTURE));
    }
}
