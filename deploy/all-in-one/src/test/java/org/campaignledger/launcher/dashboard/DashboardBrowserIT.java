package org.campaignledger.launcher.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.campaignledger.api.campaign.CampaignId;
import org.campaignledger.api.campaign.CloseCampaignCommand;
import org.campaignledger.api.campaign.LaunchCampaignCommand;
import org.campaignledger.api.query.CampaignView;
import org.campaignledger.api.query.ComparisonView;
import org.campaignledger.api.query.MetricsView;
import org.campaignledger.api.query.SummaryView;
import org.campaignledger.api.query.TimelineView;
import org.campaignledger.api.query.UnitDetailView;
import org.campaignledger.simulator.plan.HanoiCampaignDefinition;
import org.campaignledger.launcher.CampaignLedgerApplication;
import org.campaignledger.simulator.plan.CampaignDefinition;
import org.campaignledger.simulator.plan.CampaignPlanner;
import org.campaignledger.simulator.plan.PlanSettings;
import org.campaignledger.simulator.run.Simulation;
import org.campaignledger.simulator.send.GatewayCommandSender;
import org.campaignledger.simulator.tally.ExpectedFigures;
import org.campaignledger.simulator.tally.Tally;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The dashboard as a person sees it, in headless Chromium, against the all-in-one application with a
 * campaign of Hanoi's 126 units under a fresh id (so whatever earlier runs left in the database does not
 * matter), filled by the simulator at a tiny scale. Each test leaves a screenshot in target/screenshots.
 */
@SpringBootTest(classes = CampaignLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIT {

    private static final PlanSettings SETTINGS = PlanSettings.of(0.001, 42).withoutClosing();
    private static final Duration PROJECTED = Duration.ofSeconds(120);

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway gateway;
    TestRestTemplate http;

    @Autowired
    void signIn(TestRestTemplate anonymous) {
        http = anonymous.withBasicAuth("department", "department");
    }

    private String campaign;
    private LaunchCampaignCommand launch;
    private ChromeDriver browser;

    @BeforeAll
    void simulateACampaignAndOpenABrowser() {
        campaign = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        LaunchCampaignCommand hanoi = HanoiCampaignDefinition.launchCommand();
        launch = new LaunchCampaignCommand(new CampaignId(campaign), hanoi.name(), hanoi.directive(),
                hanoi.startDate(), hanoi.durationDays(), hanoi.timeZone(), hanoi.targets(), hanoi.courses(),
                hanoi.requiredCourses(), hanoi.units());
        send(launch);
        Tally tally = Simulation.run(CampaignPlanner.plan(CampaignDefinition.of(launch), SETTINGS),
                new GatewayCommandSender(gateway), 2, progress -> { });
        assertThat(tally.asPlanned()).as(tally.summaryLine(Duration.ZERO)).isTrue();
        ExpectedFigures expected = tally.expectedFigures();
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            MetricsView city = summary().cityWide();
            assertThat(city.itOfficersStaff() + city.itOfficersContracted())
                    .isEqualTo(expected.city().itOfficersActive());
            assertThat(city.staffTrained()).isEqualTo(expected.city().staffTrained());
            assertThat(city.peopleServedTotal()).isEqualTo(expected.city().peopleServedTotal());
            assertThat(city.teamMembersTrained()).isEqualTo(expected.city().teamMembersTrained());
        });
        browser = Chromium.start();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void inEnglishUnlessSwitchedSignedInAsTheDepartment() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        signInAs("department");
    }

    /** Signs in on the login page (the demo's passwords are the user names). */
    private void signInAs(String user) {
        browser.get(url("/dashboard/campaigns/" + campaign));
        assertThat(browser.getCurrentUrl()).as("an anonymous visitor is sent to the login page").contains("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("login-submit")).click();
        // back where the visitor was going (Spring Security marks the replayed request with "?continue")
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains("/dashboard/campaigns/" + campaign)
                && !browser.getCurrentUrl().contains("/login"));
    }

    @Test
    void aWrongPasswordIsRefusedAndAViewerSeesNeitherTheAuditTrailNorWhoTheOfficersAre(TestInfo test) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("viewer");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-submit")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.id("login-error")).isEmpty());

        browser.manage().deleteAllCookies();
        signInAs("viewer");
        assertThat(browser.findElement(By.id("signed-in")).getText()).contains("viewer", "VIEWER");
        assertThat(browser.findElements(By.cssSelector("a[href*='/dashboard/audit']"))).isEmpty();
        String unitCode = assignOfficer("officer-seen-by-no-viewer");
        UnitDetailView unit = await().atMost(PROJECTED).until(
                () -> http.getForObject("/api/campaigns/{id}/units/{unit}", UnitDetailView.class, campaign, unitCode),
                seen -> seen.itOfficers().stream().anyMatch(o -> o.officerId().value().equals("officer-seen-by-no-viewer")));
        open("/dashboard/campaigns/" + campaign + "/units/" + unitCode);
        String officers = browser.findElement(By.id("officers")).getText();
        for (UnitDetailView.ItOfficer officer : unit.itOfficers()) {
            assertThat(officers).doesNotContain(officer.officerId().value());
        }
        screenshot(test);
        browser.findElement(By.id("sign-out")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.getCurrentUrl().contains("/units/"));
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(browser.findElements(By.id("login-out"))).as(browser.getPageSource()).isNotEmpty();
    }

    @Test
    void theOverviewsItOfficerCardShowsTheNumbersTheApiReturns(TestInfo test) {
        MetricsView city = summary().cityWide();
        open("/dashboard/campaigns/" + campaign);
        WebElement card = browser.findElement(By.id("card-itOfficerCoverage"));
        assertThat(card.findElement(By.className("value")).getText())
                .isEqualTo(english(city.itOfficerCoveragePercent()) + " %");
        assertThat(card.findElement(By.className("detail")).getText()).isEqualTo(
                city.unitsWithItOfficer() + " of 126 units · " + english(city.itOfficersStaff()
                        + city.itOfficersContracted()) + " officers (" + english(city.itOfficersContracted())
                        + " contracted)");
        assertThat(browser.findElement(By.id("campaign-day")).getText()).isEqualTo("Day 45 of 45");
        assertThat(browser.findElement(By.id("card-peopleServed")).findElement(By.className("value")).getText())
                .isEqualTo(english(city.peopleServedTotal()));
        assertThat(browser.findElements(By.cssSelector("#cards .card"))).hasSizeGreaterThanOrEqualTo(7);
        screenshot(test);
    }

    @Test
    void theTimelineChartHasAPointPerCampaignDayAndTheGoalLine(TestInfo test) {
        open("/dashboard/campaigns/" + campaign + "/timeline?metric=staffTrained");
        await().atMost(Duration.ofSeconds(10)).until(() -> chartPoints() != null);
        assertThat(chartPoints()).isEqualTo(45L);
        assertThat(browser.executeScript("return echarts.getInstanceByDom(document.getElementById('chart'))"
                + ".getOption().xAxis[0].data.length")).isEqualTo(45L);
        assertThat(browser.executeScript("return echarts.getInstanceByDom(document.getElementById('chart'))"
                + ".getOption().series[0].markLine.data[0].yAxis")).isEqualTo(100L);
        assertThat(browser.findElements(By.cssSelector("#chart-table tbody tr"))).hasSize(45);
        new org.openqa.selenium.interactions.Actions(browser)
                .moveToElement(browser.findElement(By.id("chart")), 100, 0).perform();
        screenshot(test);
    }

    @Test
    void sortingTheRankingByAMetricReordersItAndSearchIgnoresDiacritics(TestInfo test) {
        open("/dashboard/campaigns/" + campaign + "/units");
        List<String> byScore = rowCodes();
        assertThat(byScore).hasSize(126);
        WebElement header = browser.findElement(By.cssSelector("#ranking th[data-sort='peopleServed'] a"));
        header.click();
        await().atMost(Duration.ofSeconds(5)).until(() -> "descending".equals(
                browser.findElement(By.cssSelector("#ranking th[data-sort='peopleServed']")).getAttribute("aria-sort")));
        List<Double> served = columnValues("peopleServed");
        assertThat(served).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(served.get(0)).isGreaterThan(served.get(served.size() - 1));
        assertThat(rowCodes()).isNotEqualTo(byScore).containsExactlyInAnyOrderElementsOf(byScore);
        // a live update replaces the table while the heading has the focus: the new heading gets it, in the same order
        await().atMost(Duration.ofSeconds(10)).until(() -> "on".equals(
                browser.findElement(By.tagName("body")).getAttribute("data-live")));
        long refreshes = liveRefreshes();
        assignOfficer("focus-" + UUID.randomUUID().toString().substring(0, 8));
        await().atMost(Duration.ofSeconds(10)).until(() -> liveRefreshes() > refreshes);
        assertThat(browser.executeScript("return document.activeElement"
                + " === document.querySelector(\"#ranking th[data-sort='peopleServed'] a\")")).isEqualTo(true);
        assertThat(columnValues("peopleServed")).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // the keyboard does what the click did: Enter on the focused heading turns the order round
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.ENTER).perform();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(columnValues("peopleServed")).isSortedAccordingTo(Double::compare));
        screenshot(test);

        WebElement search = browser.findElement(By.id("q"));
        search.sendKeys("hoan kiem");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(visibleNames())
                .isNotEmpty().allSatisfy(name -> assertThat(name).contains("Hoàn Kiếm")));
        search.clear();
        search.sendKeys("Hoàn Kiếm");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(visibleNames())
                .isNotEmpty().allSatisfy(name -> assertThat(name).contains("Hoàn Kiếm")));
    }

    @Test
    void theComparisonShowsTheDeltaOfAKnownUnit(TestInfo test) {
        LocalDate from = launch.startDate().plusDays(9);
        LocalDate to = launch.startDate().plusDays(29);
        ComparisonView api = http.getForObject("/api/campaigns/{id}/compare?from={f}&to={t}&sort=staffTrained",
                ComparisonView.class, campaign, from, to);
        String mostMoved = api.units().get(0).unitCode().value();
        // a unit that moved, checked against its own timeline rather than the comparison
        String unit = api.units().get(2).unitCode().value();
        TimelineView timeline = http.getForObject("/api/campaigns/{id}/timeline?unit={unit}", TimelineView.class,
                campaign, unit);
        long expected = timeline.days().get(29).metrics().staffTrained()
                - timeline.days().get(9).metrics().staffTrained();
        assertThat(expected).as("the unit trained officials between day 10 and day 30").isPositive();
        open("/dashboard/campaigns/" + campaign + "/compare?from=" + from + "&to=" + to + "&sort=staffTrained");
        WebElement row = browser.findElement(By.cssSelector("#compare-units tr[data-code='" + unit + "']"));
        assertThat(row.findElement(By.cssSelector("td.chosen")).getText()).isEqualTo("+" + english(expected));
        assertThat(browser.findElement(By.cssSelector("#compare-units tbody tr")).getAttribute("data-code"))
                .isEqualTo(mostMoved);
        screenshot(test);
    }

    @Test
    void aCommandAcceptedDuringTheVisitAppearsOnTheOpenOverviewWithinTwoSeconds(TestInfo test) {
        open("/dashboard/campaigns/" + campaign);
        await().atMost(Duration.ofSeconds(10)).until(() -> "on".equals(
                browser.findElement(By.tagName("body")).getAttribute("data-live")));
        browser.executeScript("window.sameVisit = 'yes'");
        MetricsView before = summary().cityWide();
        long officers = officers(before);
        String detail = browser.findElement(By.cssSelector("#card-itOfficerCoverage .detail")).getText();
        assertThat(detail).contains(english(officers) + " officers");

        assignOfficer("live-" + UUID.randomUUID().toString().substring(0, 8));
        long accepted = System.nanoTime();
        Object sentAt = browser.executeScript("return Date.now()");
        try {
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .alias("the IT-officer card shows the new officer")
                    // read by script: the live update swaps the card out from under any element reference
                    .until(() -> String.valueOf(browser.executeScript("return document.querySelector("
                            + "'#card-itOfficerCoverage .detail').textContent"))
                            .contains(english(officers + 1) + " officers"));
        } finally {
            System.out.printf("live update: sent at %s, the page got 'progress' at %s and re-read at %s%n", sentAt,
                    browser.executeScript("return document.body.dataset.lastProgress"),
                    browser.executeScript("return document.body.dataset.lastRefresh"));
        }
        long millis = (System.nanoTime() - accepted) / 1_000_000;
        assertThat(browser.executeScript("return window.sameVisit")).as("not reloaded").isEqualTo("yes");
        assertThat(millis).isLessThan(2000);
        screenshot(test);
    }

    @Test
    void theAuditExplorerFindsAKnownEventWithItsPayloadAndMetadata(TestInfo test) {
        String officer = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        String unit = assignOfficer(officer);
        LocalDate day = launch.startDate().plusDays(44);
        open("/dashboard/audit?campaign=" + campaign + "&unit=" + unit + "&type=ITOfficerAssignedEvent"
                + "&occurredFrom=" + day + "&occurredTo=" + day);
        await().atMost(PROJECTED).ignoreExceptions().until(() -> {
            browser.navigate().refresh();
            return browser.findElements(By.cssSelector("#audit-events tbody tr")).stream()
                    .anyMatch(row -> row.getAttribute("innerHTML").contains(officer));
        });
        WebElement row = browser.findElements(By.cssSelector("#audit-events tbody tr")).stream()
                .filter(r -> r.getAttribute("innerHTML").contains(officer)).findFirst().orElseThrow();
        assertThat(row.getText()).contains("IT officer assigned", unit);
        row.findElement(By.tagName("summary")).click();
        assertThat(row.findElement(By.className("payload")).getText()).contains("\"officerId\"", officer);
        assertThat(row.findElement(By.className("metadata")).getText()).contains("\"principal\"");
        screenshot(test);

        String csv = http.getForObject(browser.findElement(By.id("export-csv")).getAttribute("href"), String.class);
        assertThat(csv).startsWith("global_index,").contains(officer);
    }

    @Test
    void switchingTheLanguageChangesEveryLabel(TestInfo test) {
        open("/dashboard/campaigns/" + campaign);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("City overview");
        browser.findElement(By.id("lang-vi")).click();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                browser.findElement(By.tagName("h1")).getText().equals("Tổng quan toàn thành phố"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.findElement(By.id("campaign-day")).getText()).isEqualTo("Ngày 45 / 45");
        assertThat(browser.findElement(By.cssSelector("#card-staffTrained h2")).getText())
                .isEqualTo("Cán bộ, công chức được tập huấn");
        screenshot(test);
        for (String page : List.of("", "/timeline", "/map", "/units", "/compare")) {
            open("/dashboard/campaigns/" + campaign + page);
            assertThat(browser.getPageSource()).as(page).doesNotContain("??");
            assertThat(browser.findElement(By.cssSelector("nav a[aria-current='page']")).getText())
                    .isNotBlank().doesNotMatch("Overview|Timeline|Map|Units|Compare");
        }
        browser.findElement(By.id("lang-en")).click();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                browser.findElement(By.tagName("h1")).getText().equals("Compare two dates"));
    }

    @Test
    void theMapDrawsEveryUnitAndADotOpensItsPage(TestInfo test) {
        open("/dashboard/campaigns/" + campaign + "/map?metric=staffTrained");
        List<WebElement> dots = browser.findElements(By.cssSelector("#unit-map a.dot"));
        assertThat(dots).hasSize(126);
        assertThat(dots.stream().map(dot -> dot.getAttribute("data-band")).distinct().count())
                .as("coloured by progress, not all alike").isGreaterThan(1);
        screenshot(test);
        String code = dots.get(0).getAttribute("data-code");
        String label = dots.get(0).getAttribute("aria-label");
        browser.get(url("/dashboard/campaigns/" + campaign + "/units/" + code));
        assertThat(label).startsWith(browser.findElement(By.id("unit-name")).getText());
        assertThat(browser.findElements(By.cssSelector("#officers tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#recent tbody tr"))).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> chartPoints() != null);
        assertThat(chartPoints()).isEqualTo(45L);
        Chromium.screenshot(browser, "unitPage");
    }

    @Test
    void aClosedCampaignShowsItsClosingSummary(TestInfo test) {
        String closed = "dash-closed-" + UUID.randomUUID().toString().substring(0, 6);
        send(new LaunchCampaignCommand(new CampaignId(closed), "Closed " + closed, launch.directive(),
                launch.startDate(), launch.durationDays(), launch.timeZone(), launch.targets(), launch.courses(),
                launch.requiredCourses(), launch.units().subList(0, 3)));
        send(new CloseCampaignCommand(new CampaignId(closed), launch.startDate().plusDays(44)));
        await().atMost(PROJECTED).until(() -> http.getForEntity("/api/campaigns/{id}/summary?at=closing",
                String.class, closed).getStatusCode() == HttpStatus.OK && campaignClosed(closed));
        open("/dashboard/campaigns/" + closed);
        WebElement closing = browser.findElement(By.id("closing"));
        assertThat(closing.getText()).contains("Closing summary", "Not every target was met.", "Lagging units (3)");
        screenshot(test);
    }

    private boolean campaignClosed(String id) {
        CampaignView[] campaigns = http.getForObject("/api/campaigns", CampaignView[].class);
        return java.util.Arrays.stream(campaigns).anyMatch(c -> c.campaignId().value().equals(id)
                && c.status() == CampaignView.Status.CLOSED);
    }

    /** Assigns an officer over the command API on the campaign's last day; @return the unit */
    private String assignOfficer(String officer) {
        String unit = launch.units().get(7).code().value();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> answer = http.postForEntity("/api/campaigns/{id}/units/{unit}/it-officers",
                new HttpEntity<>(Map.of("officerId", officer, "employment", "CONTRACTED",
                        "occurredOn", launch.startDate().plusDays(44).toString()), headers),
                String.class, campaign, unit);
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return unit;
    }

    private void send(Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("principal", "dashboard-test", "role", "SYSTEM")));
    }

    private static long officers(MetricsView metrics) {
        return metrics.itOfficersStaff() + metrics.itOfficersContracted();
    }

    private SummaryView summary() {
        return http.getForObject("/api/campaigns/{id}/summary", SummaryView.class, campaign);
    }

    private Long chartPoints() {
        Object points = browser.executeScript("var c = window.echarts && echarts.getInstanceByDom("
                + "document.getElementById('chart')); return c ? c.getOption().series[0].data.length : null");
        return points == null ? null : ((Number) points).longValue();
    }

    // read by script, in one go: a live update may replace the table between two WebDriver calls
    @SuppressWarnings("unchecked")
    private List<String> rowCodes() {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'#ranking tbody tr'), function (row) { return row.dataset.code; })");
    }

    @SuppressWarnings("unchecked")
    private List<Double> columnValues(String metric) {
        List<Object> values = (List<Object>) browser.executeScript("var metric = arguments[0];"
                + " var column = Array.from(document.querySelectorAll('#ranking thead th'))"
                + ".findIndex(function (th) { return th.dataset.sort === metric; });"
                + " return Array.from(document.querySelectorAll('#ranking tbody tr'),"
                + " function (row) { return row.cells[column].dataset.value; })", metric);
        return values.stream().map(value -> Double.parseDouble(String.valueOf(value))).toList();
    }

    private long liveRefreshes() {
        Object count = browser.executeScript("return document.body.dataset.liveRefreshes || '0'");
        return Long.parseLong(String.valueOf(count));
    }

    @SuppressWarnings("unchecked")
    private List<String> visibleNames() {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll("
                + "'#ranking tbody tr:not([hidden]) th'), function (name) { return name.innerText.trim(); })");
    }

    private void open(String path) {
        browser.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(TestInfo test) {
        Chromium.screenshot(browser, test.getTestMethod().orElseThrow().getName());
    }

    private static String english(Object number) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMaximumFractionDigits(1);
        return format.format(number instanceof BigDecimal decimal ? decimal : ((Number) number).doubleValue());
    }
}
