package org.campaignledger.query.training;

import org.campaignledger.platform.security.LedgerUser;
import org.campaignledger.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import io.swagger.v3.oas.annotations.Operation;
import static org.campaignledger.query.web.QueryProblems.campaignId;
import static org.campaignledger.query.web.QueryProblems.unitCode;

import org.axonframework.queryhandling.QueryHandler;
import org.campaignledger.api.query.EvaluationView;
import org.campaignledger.api.query.FindEvaluationQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/campaigns/{id}/evaluation?unit=CODE} (personal data), and the same report on the query bus. */
@RestController
class EvaluationController {

    private final EvaluationReport report;

    EvaluationController(EvaluationReport report) {
        this.report = report;
    }

    @GetMapping("/api/campaigns/{campaignId}/evaluation")
    @Operation(summary = "Per participant of a unit: required courses done and missing (R9; personal data)")
    EvaluationView evaluation(@PathVariable String campaignId, @RequestParam String unit) {
        FindEvaluationQuery query = new FindEvaluationQuery(campaignId(campaignId), unitCode(campaignId, unit));
        if (!LedgerUser.currentReadsPeopleOf(query.unitCode().value())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "unit-not-permitted", "Not permitted for this unit",
                    "You may read the people of your own units only, not of unit " + query.unitCode().value() + ".");
        }
        return report.find(query);
    }

    @QueryHandler
    EvaluationView handle(FindEvaluationQuery query) {
        return report.find(query);
    }
}
