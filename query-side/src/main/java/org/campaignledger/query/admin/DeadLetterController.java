package org.campaignledger.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** See and retry the events the projections could not apply (each processing group's dead-letter queue). */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    record DeadLetterList(Map<String, Long> countsByProcessingGroup, List<DeadLetterView> deadLetters) {
    }

    @GetMapping("/api/admin/dead-letters")
    @Operation(summary = "Events a projection could not apply, oldest first, with the cause; counts per group")
    DeadLetterList list(
            @Parameter(description = "only this processing group (campaigns, progress, unit-details)")
            @RequestParam(required = false) String processingGroup,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return new DeadLetterList(deadLetters.counts(), deadLetters.list(processingGroup, limit));
    }

    @PostMapping("/api/admin/dead-letters/{processingGroup}/retry")
    @Operation(summary = "Apply a group's parked events again, in order, after the cause was fixed")
    DeadLetterRetry retry(@PathVariable String processingGroup) {
        return deadLetters.retry(processingGroup);
    }
}
