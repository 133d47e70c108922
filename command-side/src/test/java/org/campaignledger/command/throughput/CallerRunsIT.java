package org.campaignledger.command.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignledger.command.throughput.SupportPointsOnTheLog.BA_DINH;
import static org.campaignledger.command.throughput.SupportPointsOnTheLog.DAY_3;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.support.OpenSupportPointCommand;
import org.campaignledger.api.support.SupportPointId;
import org.campaignledger.command.TestCampaigns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group commit bus with no linger and {@code caller-runs-when-idle} on, against the real PostgreSQL: a command that finds the bus idle
 * runs on its caller's thread, commands under load still wait for the lanes and share their commits, and a mix of
 * both loses nothing and duplicates nothing.
 */
@SpringBootTest
@TestPropertySource(properties = "campaign-ledger.command.group-commit.caller-runs-when-idle=true")
class CallerRunsIT {

    @Autowired
    CommandGateway gateway;
    @Autowired
    CommandBus commandBus;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private CampaignId campaign;
    private SupportPointsOnTheLog log;

    @BeforeEach
    void launchCampaign() {
        campaign = new CampaignId("cr-" + UUID.randomUUID().toString().substring(0, 8));
        gateway.sendAndWait(TestCampaigns.launch(campaign));
        log = new SupportPointsOnTheLog(gateway, jdbc, campaign);
    }

    @Test
    void aCommandOnAnIdleBusRunsOnItsCallersThreadAndIsCommitted() {
        long before = bus().ranOnCaller();
        long groupsBefore = bus().groups();

        SupportPointId point = log.open(1).get(0);

        assertThat(bus().ranOnCaller() - before).isEqualTo(1);
        assertThat(bus().groups() - groupsBefore).isEqualTo(1);
        assertThat(log.sequenceNumbers(point.toString())).containsExactly(0L);
    }

    @Test
    void aCallerInsideATransactionOfItsOwnGetsTheCommandCommittedApartFromIt() {
        long before = bus().ranOnCaller();
        SupportPointId point = new SupportPointId(campaign + "-in-tx");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            gateway.sendAndWait(new OpenSupportPointCommand(point, campaign, BA_DINH, "Nhà văn hoá", DAY_3));
            status.setRollbackOnly();
        });

        // run on the caller, it would have joined the caller's transaction and been rolled back with it
        assertThat(bus().ranOnCaller()).isEqualTo(before);
        assertThat(log.sequenceNumbers(point.toString())).containsExactly(0L);
    }

    @Test
    void thirtyTwoThreadsOnEightAggregatesShareLanesAndCallersAndLoseNothing() throws Exception {
        List<SupportPointId> points = log.open(8);
        Map<SupportPointId, ConcurrentLinkedQueue<Long>> versions = new ConcurrentHashMap<>();
        points.forEach(point -> versions.put(point, new ConcurrentLinkedQueue<>()));
        long onCallerBefore = bus().ranOnCaller();
        long groupsBefore = bus().groups();
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        SupportPointId point = points.get(ThreadLocalRandom.current().nextInt(points.size()));
                        versions.get(point).add(gateway.sendAndWait(log.session(point, 1 + i)));
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
        long onLanes = 32 * 25 - (bus().ranOnCaller() - onCallerBefore);
        long laneGroups = bus().groups() - groupsBefore - (bus().ranOnCaller() - onCallerBefore);
        assertThat(onLanes).as("commands that waited for a lane").isPositive();
        assertThat(laneGroups).as("the lanes' groups, fewer than their commands").isPositive().isLessThan(onLanes);
        for (SupportPointId point : points) {
            int sessions = versions.get(point).size();
            assertThat(versions.get(point)).containsExactlyInAnyOrderElementsOf(
                    LongStream.rangeClosed(1, sessions).boxed().toList());
            assertThat(log.sequenceNumbers(point.toString()))
                    .containsExactlyElementsOf(LongStream.rangeClosed(0, sessions).boxed().toList());
        }
        assertThat(versions.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum()).isEqualTo(32 * 25);
    }

    private GroupCommitCommandBus bus() {
        return (GroupCommitCommandBus) commandBus;
    }
}
