package org.campaignledger.command.training;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.command.campaign.Campaigns;
import org.campaignledger.command.web.FactRecorder;
import org.campaignledger.command.web.Principals;
import org.campaignledger.platform.eventstore.MetadataKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/campaigns/{id}/imports/course-completions} with a {@code text/csv} body (see
 * {@link CompletionCsv} for the columns). Answers 200 with an {@link ImportReport}: valid rows are
 * applied, each bad row is listed with its line number and reason, and importing the same file
 * again adds nothing.
 */
@RestController
class CourseCompletionImportController {

    private final CourseCompletionImporter importer;
    private final Campaigns campaigns;
    private final Principals principals;

    CourseCompletionImportController(CourseCompletionImporter importer, Campaigns campaigns, Principals principals) {
        this.importer = importer;
        this.campaigns = campaigns;
        this.principals = principals;
    }

    @PostMapping(path = "/api/campaigns/{campaignId}/imports/course-completions", consumes = "text/csv",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import course completions from a course platform's CSV export")
    @ApiResponse(responseCode = "200", description = "The import report: applied, already recorded and rejected "
            + "rows, each rejected row with its line and reason")
    ImportReport importCompletions(@PathVariable CampaignId campaignId, HttpServletRequest request)
            throws IOException {
        campaigns.rulesFor(campaignId);
        String correlationId = request.getHeader(FactRecorder.CORRELATION_ID_HEADER);
        Map<String, Object> metaData = new HashMap<>(principals.metaData());
        metaData.put(MetadataKeys.CORRELATION_ID, correlationId == null || correlationId.isBlank()
                || correlationId.length() > 100 ? UUID.randomUUID().toString() : correlationId);
        metaData.put(MetadataKeys.RECEIVED_AT, Instant.now().toString());
        return importer.importFile(campaignId, request.getInputStream(), metaData);
    }
}
