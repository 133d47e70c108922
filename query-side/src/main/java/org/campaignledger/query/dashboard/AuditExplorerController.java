package org.campaignledger.query.dashboard;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.campaignledger.api.query.AuditEventView;
import org.campaignledger.api.query.FindAuditEventsQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The event log for people: filters, a page at a time, each event's payload and metadata, and the
 * export as a download. A link cannot choose the export's media type, so the download addresses
 * forward to the audit API with the {@code Accept} header it needs.
 */
@Controller
class AuditExplorerController {

    static final int PAGE = 50;
    static final List<String> EVENT_TYPES = List.of("CampaignLaunchedEvent", "CampaignClosedEvent",
            "ITOfficerAssignedEvent", "ITOfficerReleasedEvent", "ParticipantEnrolledEvent", "CourseCompletedEvent",
            "CommunityDigitalTeamFormedEvent", "TechRescueTeamFormedEvent", "SupportPointOpenedEvent",
            "SupportSessionRecordedEvent", "SupportPointClosedEvent", "ConnectivityUpgradedEvent",
            "StudentVolunteersMobilisedEvent", "TelecomEngineersDeployedEvent", "ResidentialGroupAssessedEvent",
            "ModelPracticeNominatedEvent");

    private final Dashboard dashboard;

    AuditExplorerController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard/audit")
    String explore(@RequestParam(required = false) String campaign, @RequestParam(required = false) String unit,
                   @RequestParam(required = false) String aggregate, @RequestParam(required = false) String type,
                   @RequestParam(required = false) LocalDate occurredFrom,
                   @RequestParam(required = false) LocalDate occurredTo, @RequestParam(required = false) Long after,
                   Model model, HttpServletRequest request) {
        model.addAttribute("campaigns", dashboard.campaigns());
        if (campaign != null && !campaign.isBlank()) {
            CampaignPage.prepare(dashboard, campaign, model, "audit");
        } else {
            model.addAttribute("page", "audit");
        }
        AuditEventView.Page page = dashboard.events(new FindAuditEventsQuery(blank(campaign), blank(unit),
                blank(aggregate), blank(type), occurredFrom, occurredTo, null, null, after, PAGE));
        model.addAttribute("events", page.events());
        model.addAttribute("filter", new Filter(campaign, unit, aggregate, type, occurredFrom, occurredTo, after));
        model.addAttribute("eventTypes", EVENT_TYPES);
        ServletUriComponentsBuilder here = ServletUriComponentsBuilder.fromRequest(request);
        model.addAttribute("firstPage", after == null ? null
                : here.cloneBuilder().replaceQueryParam("after").build().toUriString());
        model.addAttribute("nextPage", page.nextCursor() == null ? null
                : here.cloneBuilder().replaceQueryParam("after", page.nextCursor()).build().toUriString());
        String filters = here.cloneBuilder().replaceQueryParam("after").replaceQueryParam("lang").build().getQuery();
        model.addAttribute("exportCsv", "/dashboard/audit/export.csv" + (filters == null ? "" : "?" + filters));
        model.addAttribute("exportNdjson", "/dashboard/audit/export.ndjson" + (filters == null ? "" : "?" + filters));
        return "dashboard/audit";
    }

    record Filter(String campaign, String unit, String aggregate, String type, LocalDate occurredFrom,
                  LocalDate occurredTo, Long after) {
    }

    @GetMapping("/dashboard/audit/export.{format}")
    void export(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String accept = switch (format) {
            case "csv" -> "text/csv";
            case "ndjson" -> "application/x-ndjson";
            default -> null;
        };
        if (accept == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (format.equals("ndjson")) {
            response.setHeader("Content-Disposition", "attachment; filename=\"campaign-ledger-events.ndjson\"");
        }
        request.getRequestDispatcher("/api/audit/events").forward(new AcceptOnly(request, accept), response);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The request as it came, but asking for one media type. */
    private static final class AcceptOnly extends HttpServletRequestWrapper {

        private final String accept;

        AcceptOnly(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept)) : super.getHeaders(name);
        }
    }
}
