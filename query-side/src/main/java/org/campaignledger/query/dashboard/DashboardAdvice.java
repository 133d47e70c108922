package org.campaignledger.query.dashboard;

import org.campaignledger.platform.security.LedgerUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.campaignledger.platform.web.ProblemException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every dashboard page has: the formatter for its language, the language switch, and an error page. */
@ControllerAdvice(basePackageClasses = DashboardAdvice.class)
class DashboardAdvice {

    @ModelAttribute
    void common(Model model, Locale locale, HttpServletRequest request) {
        model.addAttribute("fmt", new Formats(locale, Formats.DEFAULT_ZONE));
        model.addAttribute("lang", locale.getLanguage());
        LedgerUser user = LedgerUser.current().orElse(null);
        model.addAttribute("user", user);
        model.addAttribute("seesAudit", LedgerUser.currentReadsAuditTrail());
        for (String language : DashboardLanguage.SPOKEN) {
            model.addAttribute("switchTo_" + language, ServletUriComponentsBuilder.fromRequest(request)
                    .replaceQueryParam("lang", language).build().toUriString());
        }
    }

    /** A problem the read side reported (unknown campaign or unit, a date outside the campaign) as a page. */
    @ExceptionHandler(ProblemException.class)
    String problem(ProblemException problem, Model model, Locale locale, HttpServletRequest request,
                   HttpServletResponse response) {
        common(model, locale, request);
        response.setStatus(problem.status().value());
        model.addAttribute("problem", problem);
        model.addAttribute("problemKey", "problem." + problem.slug());
        return "dashboard/problem";
    }
}
