package org.campaignledger.query.unit;

import org.campaignledger.platform.security.LedgerUser;
import io.swagger.v3.oas.annotations.Operation;
import static org.campaignledger.query.web.QueryProblems.campaignId;
import static org.campaignledger.query.web.QueryProblems.unitCode;

import org.axonframework.queryhandling.QueryHandler;
import org.campaignledger.api.query.FindUnitDetailQuery;
import org.campaignledger.api.query.UnitDetailView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/campaigns/{id}/units/{code}}, and the same page on the query bus. */
@RestController
class UnitDetailController {

    private final UnitDetails details;

    UnitDetailController(UnitDetails details) {
        this.details = details;
    }

    @GetMapping("/api/campaigns/{campaignId}/units/{unitCode}")
    @Operation(summary = "One unit: its figures, IT officers, teams, support points and model practices; "
            + "IT officers' ids and names only for callers who may read the unit's people")
    UnitDetailView unit(@PathVariable String campaignId, @PathVariable String unitCode) {
        UnitDetailView view = details.find(new FindUnitDetailQuery(campaignId(campaignId), unitCode(campaignId, unitCode)));
        return LedgerUser.currentReadsPeopleOf(view.unitCode().value()) ? view : view.withoutPersonalData();
    }

    @QueryHandler
    UnitDetailView handle(FindUnitDetailQuery query) {
        return details.find(query);
    }
}
