package org.campaignledger.query.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.campaignledger.api.campaign.UnitKind;
import org.campaignledger.api.query.UnitRankingView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ranking of all units. Sorting and filtering happen here (so the table works without JavaScript)
 * and again in the page's script while one types or clicks a column.
 */
@Controller
class RankingController {

    private final Dashboard dashboard;

    RankingController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    /** One table row: rank and score, then a value per column of {@link DashboardMetric#RANKING_COLUMNS}. */
    record Row(int rank, String code, String name, UnitKind kind, BigDecimal score, List<BigDecimal> values,
               String searchKey) {
    }

    @GetMapping("/dashboard/campaigns/{campaignId}/units")
    String ranking(@PathVariable String campaignId, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                   @RequestParam(required = false) String dir, Model model) {
        CampaignPage.prepare(dashboard, campaignId, model, "units");
        UnitRankingView ranking = dashboard.ranking(campaignId, null);
        List<Row> rows = new ArrayList<>(ranking.units().stream().map(RankingController::row)
                .filter(row -> kind == null || kind.isBlank() || row.kind().name().equalsIgnoreCase(kind))
                .filter(row -> q == null || row.searchKey().contains(SearchKey.of(q)))
                .toList());
        DashboardMetric sortBy = DashboardMetric.byKey(sort, null);
        int column = sortBy == null ? -1 : DashboardMetric.RANKING_COLUMNS.indexOf(sortBy);
        boolean ascending = "asc".equals(dir);
        if (column >= 0 || "name".equals(sort)) {
            Comparator<Row> order = column >= 0 ? Comparator.comparing((Row row) -> row.values().get(column))
                    : Comparator.comparing(Row::searchKey);
            rows.sort(ascending ? order : order.reversed());
        }
        model.addAttribute("ranking", ranking);
        model.addAttribute("rows", rows);
        model.addAttribute("columns", DashboardMetric.RANKING_COLUMNS);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("dir", ascending ? "asc" : "desc");
        return "dashboard/units";
    }

    private static Row row(UnitRankingView.RankedUnit unit) {
        return new Row(unit.rank(), unit.unitCode().value(), unit.name(), unit.kind(), unit.score(),
                DashboardMetric.RANKING_COLUMNS.stream().map(metric -> metric.of(unit.metrics())).toList(),
                SearchKey.of(unit.name() + " " + unit.unitCode().value()));
    }
}
