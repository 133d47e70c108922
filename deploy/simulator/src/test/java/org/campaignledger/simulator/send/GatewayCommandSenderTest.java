package org.campaignledger.simulator.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewayCommandSenderTest {

    private static final CloseCampaignCommand CLOSE = new CloseCampaignCommand(new CampaignId("hanoi-2025"),
            LocalDate.of(2025, 9, 6));

    /** Shaped like command-side's RuleViolation, which the simulator does not link to. */
    public static final class RuleViolation extends RuntimeException {
        private final Rule rule;

        public RuleViolation(Rule rule) {
            super("broken: " + rule.slug());
            this.rule = rule;
        }

        public Rule rule() {
            return rule;
        }
    }

    public enum Rule {
        CAMPAIGN_ALREADY_CLOSED("campaign-already-closed");

        private final String slug;

        Rule(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final List<CommandMessage<?>> handled = new CopyOnWriteArrayList<>();
    private GatewayCommandSender sender;

    @BeforeEach
    void gateway() {
        sender = new GatewayCommandSender(DefaultCommandGateway.builder().commandBus(bus).build());
    }

    @Test
    void acceptsWhatTheHandlerAcceptsAndNamesTheSimulatorInTheMetadata() {
        bus.subscribe(CloseCampaignCommand.class.getName(), message -> {
            handled.add(message);
            return 3L;
        });

        Outcome outcome = sender.send(CLOSE, "sim-1-0.01-9");

        assertThat(outcome.isAccepted()).isTrue();
        assertThat(handled).singleElement().satisfies(message -> {
            assertThat(message.getPayload()).isEqualTo(CLOSE);
            assertThat(message.getMetaData()).containsEntry("principal", "simulator")
                    .containsEntry("correlationId", "sim-1-0.01-9");
        });
    }

    @Test
    void answersARuleViolationAsARejectionWithItsSlug() {
        bus.subscribe(CloseCampaignCommand.class.getName(), message -> {
            throw new RuleViolation(Rule.CAMPAIGN_ALREADY_CLOSED);
        });

        Outcome outcome = sender.send(CLOSE, "k");

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.REJECTED);
        assertThat(outcome.problemType()).isEqualTo("campaign-already-closed");
    }

    @Test
    void answersAnyOtherExceptionAsAFailure() {
        bus.subscribe(CloseCampaignCommand.class.getName(), message -> {
            throw new IllegalStateException("database down");
        });

        Outcome outcome = sender.send(CLOSE, "k");

        assertThat(outcome.kind()).isEqualTo(Outcome.Kind.FAILED);
        assertThat(outcome.detail()).contains("database down");
    }

    @Test
    void retriesWhenAnotherWriterAppendedToTheAggregateFirst() {
        AtomicInteger attempts = new AtomicInteger();
        bus.subscribe(CloseCampaignCommand.class.getName(), message -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("someone else appended");
            }
            return 4L;
        });

        assertThat(sender.send(CLOSE, "k").isAccepted()).isTrue();
        assertThat(attempts).hasValue(3);
    }
}
