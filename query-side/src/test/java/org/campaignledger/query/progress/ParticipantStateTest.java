package org.campaignledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.TreeMap;
import org.campaignledger.api.training.ParticipantRole;
import org.campaignledger.platform.serialization.LedgerJson;
import org.junit.jupiter.api.Test;

class ParticipantStateTest {

    @Test
    void writesCompletionsAsJacksonWouldAndReadsThemBack() throws Exception {
        TreeMap<String, LocalDate> completions = new TreeMap<>();
        completions.put("DIGITAL-101", LocalDate.of(2026, 3, 1));
        completions.put("SAFE\"ONLINE\\2", LocalDate.of(2025, 12, 31));
        completions.put("tab\there\nnew\u0001line\u001f\b\f\r", LocalDate.of(10_000, 1, 2));
        completions.put("ĐÀO-TẠO/é", LocalDate.of(1, 1, 1));

        for (TreeMap<String, LocalDate> some : java.util.List.of(new TreeMap<String, LocalDate>(), completions)) {
            String json = state(some).completionsJson();

            assertThat(json).isEqualTo(LedgerJson.eventMapper().writeValueAsString(some));
            assertThat(ParticipantState.completionsFrom(json)).isEqualTo(some);
        }
    }

    private static ParticipantState state(TreeMap<String, LocalDate> completions) {
        return new ParticipantState("C", "P", "U", ParticipantRole.values()[0], null, null, completions, null);
    }
}
