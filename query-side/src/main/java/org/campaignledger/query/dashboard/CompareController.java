package org.campaignledger.query.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.campaignledger.api.query.CampaignView;
import org.campaignledger.api.query.ComparisonView;
import org.campaignledger.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two business dates side by side, optionally as the log knew them at an instant (entered in the
 * campaign's time zone), city-wide and per unit, the units that moved most on the chosen metric first.
 */
@Controller
class CompareController {

    static final String DEFAULT_SORT = "staffTrained";
    /** The per-unit columns beside the chosen metric. */
    static final List<String> UNIT_COLUMNS = List.of("unitsWithItOfficer", "staffTrained", "teamMembersTrained",
            "communityTeams", "supportPointsOpen", "peopleServedTotal");

    /** A unit's row: the chosen metric's from, to and delta, then the deltas of {@link #UNIT_COLUMNS}. */
    record UnitRow(String code, String name, ComparisonView.Delta chosen, List<ComparisonView.Delta> columns) {
    }

    private final Dashboard dashboard;

    CompareController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/dashboard/campaigns/{campaignId}/compare")
    String compare(@PathVariable String campaignId, @RequestParam(required = false) LocalDate from,
                   @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String asKnownAt,
                   @RequestParam(required = false) String sort, Model model) {
        CampaignView campaign = CampaignPage.prepare(dashboard, campaignId, model, "compare");
        int day = CampaignDay.of(campaign).day();
        LocalDate toDate = to == null ? campaign.startDate().plusDays(day - 1L) : to;
        LocalDate fromDate = from == null ? campaign.startDate().plusDays(Math.max(0, day - 8L)) : from;
        String sortBy = sort == null || sort.isBlank() ? DEFAULT_SORT : sort;
        Instant knownAt = knownAt(asKnownAt, ZoneId.of(campaign.timeZone()));
        ComparisonView comparison = dashboard.compare(campaignId, fromDate, toDate, knownAt, sortBy);
        model.addAttribute("comparison", comparison);
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        model.addAttribute("asKnownAt", asKnownAt == null ? "" : asKnownAt);
        model.addAttribute("sort", sortBy);
        model.addAttribute("sortable", comparison.cityWide().stream().map(ComparisonView.Delta::metric).toList());
        model.addAttribute("unitColumns", UNIT_COLUMNS);
        model.addAttribute("rows", comparison.units().stream()
                .map(unit -> new UnitRow(unit.unitCode().value(), unit.name(), find(unit.metrics(), sortBy),
                        UNIT_COLUMNS.stream().map(column -> find(unit.metrics(), column)).toList()))
                .toList());
        return "dashboard/compare";
    }

    static ComparisonView.Delta find(List<ComparisonView.Delta> deltas, String metric) {
        return deltas.stream().filter(d -> d.metric().equals(metric)).findFirst()
                .orElse(new ComparisonView.Delta(metric, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** {@code 2025-08-10T18:00} from a date-time picker, read in the campaign's zone. */
    private static Instant knownAt(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "asKnownAt must be a date and time such as 2025-08-10T18:00: " + value);
        }
    }

}
