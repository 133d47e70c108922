package org.campaignledger.command.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.junit.jupiter.api.Test;

/** The cached resolver answers exactly what Axon's own does, failures included, for each kind of command. */
class CachedCommandTargetResolverTest {

    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();
    private final CachedCommandTargetResolver cached = new CachedCommandTargetResolver();

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion Object version) {
    }

    record Unidentified(String id) {
    }

    static final class OnFieldAndMethod {
        @TargetAggregateIdentifier
        private final String field = "from-field";

        @TargetAggregateIdentifier
        String method() {
            return "from-method";
        }
    }

    static final class Throwing {
        @TargetAggregateIdentifier
        String id() {
            throw new IllegalStateException("planted");
        }
    }

    @Test
    void resolvesTheLedgersCommandsAsAxonDoes() {
        sameAnswer(new CloseCampaignCommand(new CampaignId("c-1"), LocalDate.of(2026, 1, 1)));
        assertThat(cached.resolveTarget(message(new CloseCampaignCommand(new CampaignId("c-1"), null))).getIdentifier())
                .isEqualTo(new CampaignId("c-1").toString());
    }

    @Test
    void readsVersionsAsNumbersOrNumericTextAsAxonDoes() {
        sameAnswer(new Versioned("a", 7));
        sameAnswer(new Versioned("a", "12"));
        sameAnswer(new Versioned("a", null));
        assertThat(cached.resolveTarget(message(new Versioned("a", "12"))).getVersion()).isEqualTo(12L);
    }

    @Test
    void prefersAnAnnotatedMethodToAnAnnotatedFieldAsAxonDoes() {
        sameAnswer(new OnFieldAndMethod());
        assertThat(cached.resolveTarget(message(new OnFieldAndMethod())).getIdentifier()).isEqualTo("from-method");
    }

    @Test
    void rejectsWhatAxonRejectsWithTheSameMessage() {
        sameFailure(new Unidentified("x"));
        sameFailure(new Versioned(null, 1));
        sameFailure(new Versioned("a", "not a number"));
        sameFailure(new Throwing());
    }

    @Test
    void answersTheSameOnEveryCallOfAClass() {
        for (int i = 0; i < 3; i++) {
            assertThat(cached.resolveTarget(message(new Versioned("id-" + i, i))).getIdentifier()).isEqualTo("id-" + i);
        }
    }

    private void sameAnswer(Object command) {
        VersionedAggregateIdentifier expected = axon.resolveTarget(message(command));
        VersionedAggregateIdentifier actual = cached.resolveTarget(message(command));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.getIdentifierValue()).isEqualTo(expected.getIdentifierValue());
        assertThat(actual.getVersion()).isEqualTo(expected.getVersion());
    }

    private void sameFailure(Object command) {
        Throwable expected = catchThrowable(() -> axon.resolveTarget(message(command)));
        Throwable actual = catchThrowable(() -> cached.resolveTarget(message(command)));
        assertThat(expected).isInstanceOf(IllegalArgumentException.class);
        assertThat(actual).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        assertThat(actual.getCause() == null ? null : actual.getCause().getClass())
                .isEqualTo(expected.getCause() == null ? null : expected.getCause().getClass());
    }

    private static GenericCommandMessage<?> message(Object payload) {
        return new GenericCommandMessage<>(payload);
    }
}
