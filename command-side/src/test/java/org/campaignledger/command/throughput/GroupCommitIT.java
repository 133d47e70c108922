package org.campaignledger.command.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.campaignledger.command.throughput.SupportPointsOnTheLog.BA_DINH;
import static org.campaignledger.command.throughput.SupportPointsOnTheLog.DAY_3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.PriorityGroup;
import org.campaignledger.api.support.RecordSupportSessionCommand;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.api.training.CompleteCourseCommand;
import org.campaignledger.api.training.EnrolParticipantCommand;
import org.campaignledger.api.training.ParticipantId;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.api.unit.UnitCode;
import org.campaignledger.api.campaign.CourseCode;
import org.campaignledger.command.TestCampaigns;
import org.campaignledger.command.rules.Rule;
import org.campaignledger.command.rules.RuleViolation;
import org.campaignledger.platform.eventstore.LedgerEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Group commit against the real PostgreSQL: commands that share a commit keep every guarantee of a
 * command alone. A lane waits up to 100 ms for company here, so commands sent together share a group.
 */
@SpringBootTest
@TestPropertySource(properties = {"campaign-ledger.command.group-commit.lanes=2",
        "campaign-ledger.command.group-commit.linger=100ms"})
class GroupCommitIT {

    @Autowired
    CommandGateway gateway;
    @Autowired
    CommandBus commandBus;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.config.Configuration axon;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier(ThroughputConfiguration.AGGREGATE_CACHE)
    Cache aggregateCache;

    private CampaignId campaign;
    private SupportPointsOnTheLog log;

    @BeforeEach
    void launchCampaign() {
        campaign = new CampaignId("gc-" + UUID.randomUUID().toString().substring(0, 8));
        gateway.sendAndWait(TestCampaigns.launch(campaign));
        log = new SupportPointsOnTheLog(gateway, jdbc, campaign);
    }

    @Test
    void runsOnTheGroupCommitBus() {
        assertThat(commandBus).isInstanceOf(GroupCommitCommandBus.class);
    }

    @Test
    void aggregatesAreMadeByTheirConstructorsAndTakeNothingFromSpring() {
        List<org.axonframework.config.AggregateConfiguration> aggregates =
                axon.findModules(org.axonframework.config.AggregateConfiguration.class);
        assertThat(aggregates).hasSize(5);
        for (org.axonframework.config.AggregateConfiguration<?> aggregate : aggregates) {
            assertThat(aggregate.aggregateFactory()).as(aggregate.aggregateType().getSimpleName())
                    .isInstanceOf(AggregateFactories.Constructed.class);
            for (Class<?> type = aggregate.aggregateType(); type != Object.class; type = type.getSuperclass()) {
                for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                    assertThat(java.util.Arrays.stream(field.getAnnotations())
                            .map(annotation -> annotation.annotationType().getName()))
                            .as("%s.%s is not injected by Spring", type.getSimpleName(), field.getName())
                            .noneMatch(name -> name.endsWith(".Autowired") || name.endsWith(".Inject")
                                    || name.endsWith(".Value") || name.endsWith(".Resource"));
                }
            }
        }
    }

    @Test
    void aggregatesFindTheirTargetsWithMembersLookedUpOnce() {
        // Axon's aggregate configuration takes the command target resolver from here (by type, else its own)
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CachedCommandTargetResolver.class);
    }

    @Test
    void thirtyTwoThreadsOnEightAggregatesLoseNothingAndDuplicateNothing() throws Exception {
        List<SupportPointId> points = log.open(8);
        Map<SupportPointId, ConcurrentLinkedQueue<Long>> versions = new ConcurrentHashMap<>();
        points.forEach(point -> versions.put(point, new ConcurrentLinkedQueue<>()));
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        SupportPointId point = points.get(ThreadLocalRandom.current().nextInt(points.size()));
                        long version = gateway.sendAndWait(log.session(point, 1 + i));
                        versions.get(point).add(version);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(versions.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum()).isEqualTo(32 * 25);
        for (SupportPointId point : points) {
            int sessions = versions.get(point).size();
            // every answered version was given once, and the stream holds exactly those events, in order
            assertThat(versions.get(point)).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, sessions).boxed().toList());
            assertThat(log.sequenceNumbers(point.toString()))
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, sessions).boxed().toList());
        }
    }

    @Test
    void aRejectedCommandLeavesTheOthersOfItsGroupCommittedEachWithItsOwnMetadata() {
        List<SupportPointId> points = log.open(6);
        SupportPointId neverOpened = new SupportPointId(campaign + "-never");
        List<CompletableFuture<Object>> accepted = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            accepted.add(gateway.send(GenericCommandMessage.asCommandMessage(log.session(points.get(i), 1 + i))
                    .andMetaData(Map.of("principal", "clerk-" + i, "correlationId", "corr-" + i))));
        }
        CompletableFuture<Object> notFound = gateway.send(log.session(neverOpened, 3));
        CompletableFuture<Object> nobodyServed = gateway.send(new RecordSupportSessionCommand(points.get(0), campaign,
                Map.of(PriorityGroup.ELDERLY, 0), List.of("VNeID"), DAY_3));

        assertThat(accepted).allSatisfy(future -> assertThat(future.join()).isEqualTo(1L));
        assertThatThrownBy(notFound::join).hasCauseInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e.getCause()).rule()).isEqualTo(Rule.SUPPORT_POINT_NOT_FOUND));
        assertThatThrownBy(nobodyServed::join).hasCauseInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e.getCause()).rule()).isEqualTo(Rule.SESSION_WITHOUT_PEOPLE));

        List<Map<String, Object>> sessions = jdbc.queryForList("select aggregate_identifier, xmin::text as tx, "
                + "convert_from(meta_data, 'UTF8') as meta from domain_event_entry where campaign_id = ? "
                + "and sequence_number = 1 order by aggregate_identifier", campaign.value());
        assertThat(sessions).hasSize(points.size());
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> row = sessions.get(i);
            assertThat(row.get("aggregate_identifier")).isEqualTo(points.get(i).toString());
            assertThat(row.get("meta").toString()).contains("\"principal\":\"clerk-" + i + "\"",
                    "\"correlationId\":\"corr-" + i + "\"");
        }
        assertThat(sessions.stream().map(row -> row.get("tx")).distinct().count())
                .as("transactions for %d commands", points.size()).isLessThan(points.size());
        assertThat(log.sequenceNumbers(neverOpened.toString())).isEmpty();
    }

    /**
     * A rejected command whose aggregate had to be read from the log must not take the others' writes with it.
     * Axon's unit-of-work-aware connection provider tied its commit and rollback to the unit of work that first
     * asked for a connection: here the rejected command's own, nested in the group's. Its rollback rolled back the
     * group's transaction so far (the other commands' Idempotency-Key rows) while the events, appended later, were
     * committed: ConcurrentWritersIT's retries then found no key and got a 409. Repeated, since which commands
     * share a group is up to the lanes.
     */
    @Test
    void aRejectedCommandReadFromTheLogKeepsTheIdempotencyKeysOfItsGroup() {
        List<SupportPointId> points = log.open(6);
        for (int round = 0; round < 5; round++) {
            // not in the aggregate cache, so its load is the group's first use of the event store's connection;
            // named to come last in the group's aggregate order, after the keyed commands
            SupportPointId neverOpened = new SupportPointId(campaign + "-zz-never-" + round);
            List<String> keys = new ArrayList<>();
            List<CompletableFuture<Object>> accepted = new ArrayList<>();
            for (SupportPointId point : points) {
                String key = "gc-key-" + UUID.randomUUID();
                keys.add(key);
                accepted.add(gateway.send(GenericCommandMessage.asCommandMessage(log.session(point, 1 + round))
                        .andMetaData(Map.of("principal", "clerk", "idempotencyKey", key,
                                "requestFingerprint", "fingerprint-" + key))));
            }
            CompletableFuture<Object> notFound = gateway.send(log.session(neverOpened, 3));

            accepted.forEach(CompletableFuture::join);
            assertThatThrownBy(notFound::join).hasCauseInstanceOf(RuleViolation.class);
            assertThat(jdbc.queryForList("select idempotency_key from idempotency_record where principal = 'clerk'"
                    + " and idempotency_key in (" + String.join(",", keys.stream().map(k -> "'" + k + "'").toList())
                    + ")", String.class)).as("round %d", round).containsExactlyInAnyOrderElementsOf(keys);
        }
    }

    /** The keys of a group's commands are each in the transaction of its command's event. */
    @Test
    void aGroupWritesTheIdempotencyKeysOfItsCommandsInTheTransactionOfTheirEvents() {
        List<SupportPointId> points = log.open(6);
        List<String> keys = new ArrayList<>();
        List<CompletableFuture<Object>> accepted = new ArrayList<>();
        for (SupportPointId point : points) {
            String key = "gc-together-" + UUID.randomUUID();
            keys.add(key);
            accepted.add(gateway.send(keyed(log.session(point, 2), key)));
        }

        assertThat(accepted).allSatisfy(future -> assertThat(future.join()).isEqualTo(1L));
        List<Map<String, Object>> rows = jdbc.queryForList("select idempotency_key, aggregate_version, "
                + "xmin::text as tx from idempotency_record where principal = 'clerk' and idempotency_key = any(?)",
                (Object) keys.toArray(String[]::new));
        assertThat(rows).extracting(row -> row.get("idempotency_key")).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("aggregate_version")).isEqualTo(1L));
        assertThat(rows.stream().map(row -> row.get("tx")).distinct().count())
                .as("transactions for %d keys", keys.size()).isLessThan(keys.size());
        // each key's row is in the transaction of its command's event
        for (int i = 0; i < points.size(); i++) {
            assertThat(jdbc.queryForObject("select xmin::text from domain_event_entry where aggregate_identifier = ? "
                    + "and sequence_number = 1", String.class, points.get(i).toString()))
                    .isEqualTo(jdbc.queryForObject("select xmin::text from idempotency_record where principal = "
                            + "'clerk' and idempotency_key = ?", String.class, keys.get(i)));
        }
    }

    /** A key already taken fails its own command only; the others of its group are recorded with their keys. */
    @Test
    void aKeyAlreadyTakenFailsOnlyItsOwnCommandOfTheGroup() {
        List<SupportPointId> points = log.open(6);
        String taken = "gc-taken-" + UUID.randomUUID();
        jdbc.update("insert into idempotency_record (principal, idempotency_key, request_fingerprint, "
                + "aggregate_version) values ('clerk', ?, 'fingerprint-earlier', 7)", taken);
        List<String> keys = new ArrayList<>();
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String key = i == 3 ? taken : "gc-fresh-" + UUID.randomUUID();
            keys.add(key);
            answers.add(gateway.send(keyed(log.session(points.get(i), 3), key)));
        }

        for (int i = 0; i < points.size(); i++) {
            if (i == 3) {
                assertThatThrownBy(answers.get(i)::join).rootCause().hasMessageContaining("already recorded");
                assertThat(log.sequenceNumbers(points.get(i).toString())).containsExactly(0L);
            } else {
                assertThat(answers.get(i).join()).isEqualTo(1L);
                assertThat(jdbc.queryForObject("select aggregate_version from idempotency_record where principal = "
                        + "'clerk' and idempotency_key = ?", Long.class, keys.get(i))).isEqualTo(1L);
            }
        }
        assertThat(jdbc.queryForObject("select request_fingerprint from idempotency_record where principal = 'clerk' "
                + "and idempotency_key = ?", String.class, taken)).isEqualTo("fingerprint-earlier");
    }

    @Test
    void aGroupWhoseCommitClashesRunsAgainOneByOneAndDecidesOnWhatAnotherNodeWrote() {
        List<SupportPointId> points = log.open(6);
        points.forEach(point -> gateway.sendAndWait(log.session(point, 1)));
        SupportPointId stale = points.get(2);
        // another node appends to one of them: this node's cached copy is now one event behind
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "payload_type, payload_revision, payload, meta_data, campaign_id, unit_code, occurred_on) "
                + "select gen_random_uuid()::text, aggregate_identifier, 2, type, payload_type, payload_revision, "
                + "payload, meta_data, campaign_id, unit_code, occurred_on from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = 1", stale.toString());
        long fallbacksBefore = bus().fallbacks();

        List<CompletableFuture<Long>> answers = points.stream()
                .map(point -> gateway.<Long>send(log.session(point, 2))).toList();

        for (int i = 0; i < points.size(); i++) {
            long expected = i == 2 ? 3 : 2;
            assertThat(answers.get(i).join()).isEqualTo(expected);
            assertThat(log.sequenceNumbers(points.get(i).toString()))
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, expected).boxed().toList());
        }
        // the stale copy clashed on (aggregate, sequence); the rollback evicted it, so alone it was read afresh
        assertThat(bus().fallbacks()).isGreaterThan(fallbacksBefore);
    }

    @Test
    void aCommandThatCannotBeStoredFailsAloneWhileTheRestOfItsGroupIsCommitted() {
        List<SupportPointId> points = log.open(5);
        SupportPointId poisoned = new SupportPointId(campaign + "-poisoned");
        // a row the database refuses, planted: the group's batch fails, and so does this command alone
        jdbc.execute("create or replace function refuse_poisoned() returns trigger language plpgsql as $$ "
                + "begin if new.aggregate_identifier = '" + poisoned + "' then raise exception 'refused'; end if; "
                + "return new; end $$");
        jdbc.execute("create trigger refuse_poisoned before insert on domain_event_entry "
                + "for each row execute function refuse_poisoned()");
        try {
            long fallbacksBefore = bus().fallbacks();
            List<CompletableFuture<Long>> answers = new ArrayList<>();
            points.forEach(point -> answers.add(gateway.send(log.session(point, 4))));
            CompletableFuture<Long> refused = gateway.send(
                    new OpenSupportPointCommand(poisoned, campaign, BA_DINH, "Nhà văn hoá", DAY_3));

            assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isEqualTo(1L));
            assertThatThrownBy(refused::join).rootCause().hasMessageContaining("refused");
            assertThat(log.sequenceNumbers(poisoned.toString())).isEmpty();
            assertThat(bus().fallbacks()).isGreaterThan(fallbacksBefore);
        } finally {
            jdbc.execute("drop trigger refuse_poisoned on domain_event_entry");
            jdbc.execute("drop function refuse_poisoned()");
        }
    }

    @Test
    void aGroupReadsTheStreamsItsCacheDoesNotHoldInOneQueryAndDecidesOnThem() {
        List<SupportPointId> points = log.open(6);
        for (int i = 0; i < 3; i++) {
            gateway.sendAndWait(log.session(points.get(i), 1));
        }
        // as after a restart, or for aggregates the cache evicted: every stream must come from the log
        aggregateCache.removeAll();
        SupportPointId neverOpened = new SupportPointId(campaign + "-never");
        long preloadsBefore = engine().preloads();
        long servedBefore = engine().preloadedStreamsServed();

        List<CompletableFuture<Long>> answers = points.stream()
                .map(point -> gateway.<Long>send(log.session(point, 2))).toList();
        CompletableFuture<Long> notFound = gateway.send(log.session(neverOpened, 2));

        for (int i = 0; i < points.size(); i++) {
            long expected = i < 3 ? 2 : 1;
            assertThat(answers.get(i).join()).as("point %d", i).isEqualTo(expected);
            assertThat(log.sequenceNumbers(points.get(i).toString()))
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, expected).boxed().toList());
        }
        assertThatThrownBy(notFound::join).hasCauseInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e.getCause()).rule()).isEqualTo(Rule.SUPPORT_POINT_NOT_FOUND));
        assertThat(log.sequenceNumbers(neverOpened.toString())).isEmpty();
        // the lanes linger 100 ms, so the seven commands share one group (two, if a lane took the first one alone)
        long preloads = engine().preloads() - preloadsBefore;
        assertThat(preloads).isBetween(1L, 2L);
        assertThat(engine().preloadedStreamsServed() - servedBefore).isGreaterThanOrEqualTo(6L);
    }

    @Test
    void enrolmentsTakeTheirParticipantsToBeNewUnreadAndTheLogsKeyCatchesOneThatWasNot() {
        List<ParticipantId> enrolled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ParticipantId participant = new ParticipantId(campaign + "-old" + i);
            gateway.sendAndWait(enrol(participant, BA_DINH));
            enrolled.add(participant);
        }
        aggregateCache.removeAll();
        List<ParticipantId> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fresh.add(new ParticipantId(campaign + "-new" + i));
        }
        long preloadsBefore = engine().preloads();
        long assumedBefore = bus().creationsAssumed();
        long rereadBefore = bus().creationsReread();
        long fallbacksBefore = bus().fallbacks();

        List<CompletableFuture<Long>> answers = fresh.stream().map(p -> gateway.<Long>send(enrol(p, BA_DINH))).toList();
        // enrolled already, not in the cache: taken to be new, its first event clashes with the one in the log
        CompletableFuture<Long> again = gateway.send(enrol(enrolled.get(0), BA_DINH));
        // enrolled already and, taken to be new, rejected for another reason: decided again on its stream
        CompletableFuture<Long> elsewhere = gateway.send(enrol(enrolled.get(1), new UnitCode("99999")));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isZero());
        fresh.forEach(p -> assertThat(log.sequenceNumbers(p.toString())).containsExactly(0L));
        assertThatThrownBy(again::join).hasCauseInstanceOf(RuleViolation.class).satisfies(e -> assertThat(
                ((RuleViolation) e.getCause()).rule()).isEqualTo(Rule.PARTICIPANT_ALREADY_ENROLLED));
        assertThatThrownBy(elsewhere::join).hasCauseInstanceOf(RuleViolation.class).satisfies(e -> assertThat(
                ((RuleViolation) e.getCause()).rule()).isEqualTo(Rule.PARTICIPANT_ALREADY_ENROLLED));
        enrolled.forEach(p -> assertThat(log.sequenceNumbers(p.toString())).containsExactly(0L));
        assertThat(bus().creationsAssumed() - assumedBefore).isGreaterThanOrEqualTo(7L);
        assertThat(bus().creationsReread() - rereadBefore).isPositive();
        assertThat(bus().fallbacks() - fallbacksBefore).as("the clash runs the group again one by one").isPositive();
        assertThat(engine().preloads()).as("creations read no stream in a group").isEqualTo(preloadsBefore);
        assertThat(meters.get("campaign.command.creations.assumed").functionCounter().count())
                .isEqualTo(bus().creationsAssumed());
        assertThat(meters.get("campaign.command.creations.reread").functionCounter().count())
                .isEqualTo(bus().creationsReread());
        assertThat(meters.get("campaign.command.group.fallbacks").functionCounter().count())
                .isEqualTo(bus().fallbacks());
        assertThat(meters.get("campaign.command.groups").functionCounter().count()).isEqualTo(bus().groups());
    }

    @Test
    void anEnrolmentAloneThatIsNotNewIsDecidedOnItsStream() {
        ParticipantId participant = new ParticipantId(campaign + "-alone");
        assertThat((Long) gateway.sendAndWait(enrol(participant, BA_DINH))).isZero();
        aggregateCache.removeAll();
        long fallbacksBefore = bus().fallbacks();

        assertThatThrownBy(() -> gateway.sendAndWait(enrol(participant, BA_DINH))).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).rule()).isEqualTo(Rule.PARTICIPANT_ALREADY_ENROLLED));
        assertThat(bus().fallbacks()).isGreaterThan(fallbacksBefore);
        assertThat(log.sequenceNumbers(participant.toString())).containsExactly(0L);
    }

    @Test
    void commandsForOneAggregateRunInTheOrderTheyWereSent() {
        SupportPointId point = log.open(1).get(0);
        List<CompletableFuture<Long>> answers = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            answers.add(gateway.send(log.session(point, i)));
        }
        for (int i = 1; i <= 20; i++) {
            assertThat(answers.get(i - 1).join()).isEqualTo((long) i);
        }
        assertThat(jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number > 0 order by sequence_number", String.class,
                point.toString()))
                .zipSatisfy(LongStream.rangeClosed(1, 20).boxed().toList(),
                        (payload, served) -> assertThat(payload).contains("\"ELDERLY\":" + served + ","));
    }

    @Test
    void createIfMissingHandlersWorkWithTheCacheAfterARejectedCreation() {
        ParticipantId participant = new ParticipantId(campaign + "-p1");
        CourseCode course = TestCampaigns.ONETOUCH;
        CompleteCourseCommand complete = new CompleteCourseCommand(participant, campaign, course, DAY_3.plusDays(1));
        assertThatThrownBy(() -> gateway.sendAndWait(complete)).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).rule()).isEqualTo(Rule.PARTICIPANT_NOT_ENROLLED));

        assertThat((Long) gateway.sendAndWait(new EnrolParticipantCommand(participant, campaign, BA_DINH,
                ParticipantRole.OFFICIAL, null, DAY_3))).isZero();
        assertThat((Long) gateway.sendAndWait(complete)).isEqualTo(1L);
        assertThatThrownBy(() -> gateway.sendAndWait(complete)).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).rule()).isEqualTo(Rule.COURSE_ALREADY_COMPLETED));
        assertThat(log.sequenceNumbers(participant.toString())).containsExactly(0L, 1L);
    }

    private LedgerEventStorageEngine engine() {
        return (LedgerEventStorageEngine) storageEngine;
    }

    private GroupCommitCommandBus bus() {
        return (GroupCommitCommandBus) commandBus;
    }

    private EnrolParticipantCommand enrol(ParticipantId participant, UnitCode unit) {
        return new EnrolParticipantCommand(participant, campaign, unit, ParticipantRole.OFFICIAL, null, DAY_3);
    }

    private static CommandMessage<?> keyed(Object command, String key) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of("principal", "clerk",
                "idempotencyKey", key, "requestFingerprint", "fingerprint-" + key));
    }
}
