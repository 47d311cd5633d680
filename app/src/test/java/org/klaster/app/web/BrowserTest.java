package org.klaster.app.web;

import org.klaster.app.analysis.Reference;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian chromium + chromedriver, headless) walks the workbench: overview, metric
 * switch (htmx), language switch, region profile, valid and invalid uploads, boundaries import; and the
 * Sovereignty section: multipliers, a shock with two scenarios, an invalid rate, extraction, the dependency screen.
 * Screenshots go to target/screenshots/. Without chromium the test is skipped, except on CI (CI=true).
 */
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");

    static TestServer server;
    static WebDriver driver;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but chromium/chromedriver are missing at " + CHROMIUM + " / " + DRIVER);
        }
        Assumptions.assumeTrue(present, "chromium and chromedriver not installed (apt-get install chromium chromium-driver); browser test skipped");
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("klaster-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toString());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        server = new TestServer(true, store -> OpportunitiesFixtures.installDemoFirms(store, OpportunitiesFixtures.REGION));
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    static WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static void shot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    @Test
    void analystWalksThroughTheWorkbench() throws IOException {
        driver.get(server.base() + "/?lang=en");
        assertThat(driver.findElement(By.id("synthetic-badge")).getText()).contains("Synthetic demo data");
        assertThat(driver.findElements(By.cssSelector("svg a.region"))).hasSize(83);
        shot("01-overview-en");

        // metric switch: htmx replaces the panel, not the page
        driver.findElement(By.tagName("body")).getAttribute("data-marker");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.body.dataset.marker='kept'");
        new Select(driver.findElement(By.id("metric"))).selectByValue("lq");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-title"), "Location quotient"));
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-marker")).isEqualTo("kept");
        assertThat(driver.getCurrentUrl()).contains("metric=lq");
        shot("02-overview-lq");

        // language switch
        driver.findElement(By.cssSelector(".lang a[hreflang=ru]")).click();
        waiting().until(d -> "ru".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.id("synthetic-badge")).getText()).contains("Синтетические");
        shot("03-overview-ru");

        // region profile from the map
        driver.findElement(By.cssSelector("svg a.region[data-iso='RU-SAM']")).click();
        waiting().until(ExpectedConditions.urlContains("/mapping/regions/RU-SAM"));
        waiting().until(d -> !d.findElements(By.cssSelector(".chart[data-ready] svg")).isEmpty());
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Самарская");
        shot("04-region-ru");

        // sort the table by LQ via htmx
        driver.get(server.base() + "/mapping/regions/RU-SAM?lang=en");
        WebElement lqHeader = driver.findElement(By.cssSelector("#tbl-profile th a[href*='sort=lq']"));
        lqHeader.click();
        waiting().until(d -> d.findElement(By.cssSelector("#tbl-profile th[aria-sort=descending] a")).getText().startsWith("LQ"));
        shot("05-region-en-sorted");

        // category profile
        driver.findElement(By.cssSelector("#tbl-profile tbody th a")).click();
        waiting().until(ExpectedConditions.urlContains("/mapping/categories/"));
        waiting().until(d -> d.findElements(By.cssSelector(".chart[data-ready] svg")).size() >= 2);
        shot("06-category-en");

        // uploads: a valid file becomes a dataset, an invalid one is rejected inline with line and column
        Path dir = Files.createTempDirectory("klaster-upload-test");
        Path good = dir.resolve("my_regions.csv");
        StringBuilder csv = new StringBuilder("region,industry,year,employment\n");
        String[] regions = {"RU-SAM", "RU-TA", "RU-MOW", "RU-SPE", "RU-NIZ"};
        String[] industries = {"29", "26", "10", "62"};
        for (String r : regions) for (String i : industries) for (int y = 2022; y <= 2023; y++) {
            csv.append(r).append(',').append(i).append(',').append(y).append(',').append(100 + r.length() * 37 + i.hashCode() % 50 + y - 2022).append('\n');
        }
        Files.writeString(good, csv);
        Path bad = dir.resolve("broken.csv");
        Files.writeString(bad, "region,industry,year,employment\nRU-SAM,29,2023,120\nRU-TA,29,2023,twelve\n");

        // uploads are for administrators and ministry analysts: sign in as one through the form, and come back
        String password = org.klaster.app.auth.Tokens.newId();
        var analyst = server.account(org.klaster.data.store.Role.MINISTRY_ANALYST, null, java.util.Set.of(), password);
        driver.get(server.base() + "/datasets?lang=en");
        driver.findElement(By.id("signin-link")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-form")));
        driver.findElement(By.id("login")).sendKeys(analyst.login());
        driver.findElement(By.id("password")).sendKeys(password);
        shot("07a-signin");
        driver.findElement(By.id("signin-submit")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
        assertThat(driver.getCurrentUrl()).contains("/datasets");
        assertThat(driver.findElement(By.id("who")).getText()).contains("Ministry analyst");
        shot("07b-signed-in");
        // htmx sends the form's CSRF token as a header too (app.js): recorded here after app.js has set it
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.addEventListener('htmx:configRequest',"
                + " function (e) { window.sentToken = e.detail.headers['" + Security.TOKEN_HEADER + "']; });");
        driver.findElement(By.id("file")).sendKeys(bad.toString());
        driver.findElement(By.id("upload-submit")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-error")));
        assertThat(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return window.sentToken")).isNotNull()
                .isEqualTo(driver.findElement(By.cssSelector("#upload-form input[name=_csrf]")).getDomProperty("value"));
        assertThat(error.getText()).contains("broken.csv").contains("line 3").contains("employment");
        // the datasets table is long now (every kind of the fixtures): bring the form and its verdict into view
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('upload-error').scrollIntoView({block: 'center'})");
        shot("07-upload-invalid");

        driver.findElement(By.id("file")).sendKeys(good.toString());
        driver.findElement(By.id("upload-submit")).click();
        WebElement ok = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-ok")));
        assertThat(ok.getText()).contains("activity-");
        shot("08-upload-valid");
        ok.findElement(By.cssSelector("a.button")).click();
        waiting().until(ExpectedConditions.urlContains("/mapping?dataset=activity-"));
        assertThat(driver.findElements(By.id("synthetic-badge"))).isEmpty();
        assertThat(new Select(driver.findElement(By.id("dataset-picker"))).getFirstSelectedOption().getText()).startsWith("activity-");
        shot("09-uploaded-dataset");

        // boundaries: the same maps become a geographic choropleth
        Path geo = Path.of(System.getProperty("klaster.shared.data", "../../shared/data"), "regions",
                "russia_adm1_geoboundaries_simplified.geojson");
        if (Files.exists(geo)) {
            driver.get(server.base() + "/datasets?dataset=demo&lang=en");
            driver.findElement(By.id("bfile")).sendKeys(geo.toRealPath().toString());
            driver.findElement(By.id("boundaries-submit")).click();
            waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#boundaries-result .alert.ok")));
            driver.get(server.base() + "/mapping?dataset=demo&metric=lq&lang=en");
            assertThat(driver.findElements(By.cssSelector(".map-geo svg a.region path"))).hasSizeGreaterThan(80);
            shot("10-overview-geographic");

            // issue 10, probe 4: another site's page posts a one-region GeoJSON to the workbench in this browser: refused
            Path one = dir.resolve("one.geojson");
            Files.writeString(one, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                    + "{\"shapeISO\":\"RU-SAM\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[49,53],[51,53],[51,54.5],[49,53]]]}}]}");
            driver.get("data:text/html;charset=utf-8," + java.net.URLEncoder.encode("<form id=f method=post enctype=multipart/form-data action='"
                    + server.base() + "/datasets/boundaries?lang=en'><input type=hidden name=_csrf value=guess>"
                    + "<input type=file id=x name=file><button id=go>go</button></form>", java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
            driver.findElement(By.id("x")).sendKeys(one.toString());
            driver.findElement(By.id("go")).click();
            waiting().until(d -> d.getPageSource().contains("another site"));
            driver.get(server.base() + "/mapping?dataset=demo&metric=lq&lang=en");
            assertThat(driver.findElements(By.cssSelector(".map-geo svg a.region path"))).hasSizeGreaterThan(80);
        }
        driver.get(server.base() + "/api/docs");
        waiting().until(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
        shot("11-swagger");
    }

    static void waitForCharts(int n) {
        waiting().until(d -> d.findElements(By.cssSelector(".chart[data-ready] svg")).size() >= n);
    }

    @Test
    void analystExploresSovereignty() throws IOException {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        driver.get(server.base() + "/sovereignty?lang=en");
        assertThat(driver.findElement(By.id("synthetic-badge")).getText()).contains("Synthetic demo data");
        waitForCharts(2);
        assertThat(driver.findElements(By.cssSelector("#quadrant-chart svg path")).size()).isGreaterThan(20);
        assertThat(new Select(driver.findElement(By.id("dataset-picker"))).getFirstSelectedOption().getText()).startsWith("demo-io");
        shot("12-sovereignty-multipliers");

        // the shock simulator: the first visit shows a result; then scenario A (demand) vs B (input cut), via htmx
        driver.findElement(By.cssSelector(".tabs a[href*='/sovereignty/shock']")).click();
        waiting().until(ExpectedConditions.urlContains("/sovereignty/shock"));
        waitForCharts(1);
        js.executeScript("document.body.dataset.marker='kept'");
        new Select(driver.findElement(By.id("a_type"))).selectByValue("demand");
        new Select(driver.findElement(By.id("a_sector_0"))).selectByValue("26");
        driver.findElement(By.id("a_rate_0")).clear();
        driver.findElement(By.id("a_rate_0")).sendKeys("-0.3");
        new Select(driver.findElement(By.id("b_type"))).selectByValue("input-cut");
        new Select(driver.findElement(By.id("b_sector_0"))).selectByValue("26");
        driver.findElement(By.id("b_rate_0")).sendKeys("0.3");
        new Select(driver.findElement(By.id("b_sector_1"))).selectByValue("29");
        driver.findElement(By.id("b_rate_1")).sendKeys("0.5");
        WebElement old = driver.findElement(By.id("shock-result"));
        driver.findElement(By.id("shock-run")).click();
        waiting().until(ExpectedConditions.stalenessOf(old));
        waiting().until(d -> !d.findElements(By.cssSelector("#shock-chart[data-ready] svg")).isEmpty());
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-marker")).isEqualTo("kept");
        assertThat(driver.getCurrentUrl()).contains("b_type=input-cut");
        assertThat(driver.findElement(By.cssSelector("#tbl-shock tfoot")).getText()).contains("TOTAL");
        assertThat(driver.findElement(By.id("tbl-shock")).getAttribute("textContent")).contains("Difference B");
        js.executeScript("document.getElementById('shock-result').scrollIntoView()");
        shot("13-sovereignty-shock-compare");

        // an invalid rate: an inline message, the form stays
        driver.findElement(By.id("a_rate_0")).clear();
        driver.findElement(By.id("a_rate_0")).sendKeys("minus ten");
        driver.findElement(By.id("shock-run")).click();
        WebElement err = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("shock-error")));
        assertThat(err.getText()).contains("“minus ten” is not a number");
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-marker")).isEqualTo("kept");
        js.executeScript("window.scrollTo(0, 0)");
        shot("14-sovereignty-shock-invalid");

        driver.findElement(By.cssSelector(".tabs a[href*='/sovereignty/extraction']")).click();
        waiting().until(ExpectedConditions.urlContains("/sovereignty/extraction"));
        waitForCharts(1);
        shot("15-sovereignty-extraction");

        // dependency: filter persistent via htmx, then a product's partner concentration
        driver.findElement(By.cssSelector(".tabs a[href*='/sovereignty/dependency']")).click();
        waiting().until(ExpectedConditions.urlContains("/sovereignty/dependency"));
        waitForCharts(1);
        int all = driver.findElements(By.cssSelector("#tbl-dependency tbody tr")).size();
        new Select(driver.findElement(By.id("only"))).selectByValue("persistent");
        waiting().until(ExpectedConditions.urlContains("only=persistent"));
        waiting().until(d -> d.findElements(By.cssSelector("#tbl-dependency tbody tr")).size() < all);
        List<WebElement> rows = driver.findElements(By.cssSelector("#tbl-dependency tbody tr"));
        assertThat(rows).isNotEmpty();
        for (WebElement r : rows) assertThat(r.findElements(By.cssSelector("td")).get(8).getText()).isEqualTo("yes");
        // the product column shows "code · name": the link carries the code
        String shown = rows.get(rows.size() - 1).findElement(By.cssSelector("th a")).getText();
        String product = shown.contains(" · ") ? shown.substring(0, shown.indexOf(" · ")) : shown;
        assertThat(shown).as("products are named").contains(" · ");
        rows.get(rows.size() - 1).findElement(By.cssSelector("th a")).click();
        waiting().until(ExpectedConditions.urlContains("product=" + product));
        waitForCharts(1);
        assertThat(driver.findElement(By.id("partners-caption")).getText()).contains("product " + shown);
        js.executeScript("window.scrollTo(0, 0)");
        shot("16-sovereignty-dependency");

        driver.findElement(By.cssSelector(".lang a[hreflang=ru]")).click();
        waiting().until(d -> "ru".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        waitForCharts(1);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("импортозависимости");
        shot("17-sovereignty-dependency-ru");
        driver.get(server.base() + "/sovereignty/multipliers?lang=ru");
        waitForCharts(2);
        shot("18-sovereignty-multipliers-ru");
        driver.get(server.base() + "/sovereignty?lang=en");
    }

    /** Issue 12: the region picker switches the input–output tabs to the region's table, and the tabs keep it. */
    @Test
    void analystPicksARegionsTable() throws IOException {
        driver.get(server.base() + "/sovereignty/multipliers?dataset=demo-io&lang=en");
        waitForCharts(2);
        assertThat(driver.findElement(By.id("table-shown")).getText()).contains("National table demo-io");
        new Select(driver.findElement(By.id("region"))).selectByValue("RU-SAM");
        waiting().until(ExpectedConditions.urlContains("region=RU-SAM"));
        waitForCharts(2);
        assertThat(driver.findElement(By.id("table-shown")).getText())
                .contains("Regional table of Samara Oblast (RU-SAM), FLQ δ = 0.3, from demo-io and demo, year 2024");
        driver.findElement(By.cssSelector("details.table-advanced summary")).click();
        shot("36-sovereignty-region");
        assertThat(driver.findElement(By.id("delta")).isDisplayed()).isTrue();
        // another quotient from "advanced": the same region, its CILQ table
        new Select(driver.findElement(By.id("method"))).selectByValue("cilq");
        driver.findElement(By.id("table-apply")).click();
        waiting().until(ExpectedConditions.urlContains("method=cilq"));
        assertThat(driver.findElement(By.id("table-shown")).getText()).contains("Samara Oblast (RU-SAM), CILQ");
        // the tabs keep the table
        driver.findElement(By.cssSelector(".tabs a[href*='/sovereignty/extraction']")).click();
        waiting().until(ExpectedConditions.urlContains("/sovereignty/extraction"));
        assertThat(driver.getCurrentUrl()).contains("region=RU-SAM").contains("method=cilq");
        assertThat(driver.findElement(By.id("table-shown")).getText()).contains("Samara Oblast (RU-SAM), CILQ");
        driver.get(server.base() + "/sovereignty/multipliers?dataset=demo-io&region=RU-SAM&lang=ru");
        waitForCharts(2);
        assertThat(driver.findElement(By.id("table-shown")).getText()).contains("Региональная таблица: Самарская область");
        shot("37-sovereignty-region-ru");
    }

    /** Issue 12: what a region's industry buys outside, what localising 30 % of it brings, and who nearby could make it. */
    @Test
    void analystLocalisesARegionsImports() throws IOException {
        driver.get(server.base() + "/sovereignty/localisation?dataset=demo-io&region=RU-SAM&lang=en");
        assertThat(driver.findElement(By.id("loc-form")).isDisplayed()).isTrue();
        new Select(driver.findElement(By.id("buyers"))).selectByValue("29");
        driver.findElement(By.id("loc-run")).click();
        waiting().until(ExpectedConditions.urlContains("buyers=29"));
        waitForCharts(1);
        assertThat(driver.findElement(By.id("tbl-localise")).getText()).contains("TOTAL");
        assertThat(driver.findElements(By.cssSelector("#tbl-suppliers tbody tr"))).isNotEmpty();
        shot("47-sovereignty-localisation");
        driver.get(server.base() + "/sovereignty/localisation?dataset=demo-io&region=RU-SAM&buyers=29&share=50%25&from=both&lang=ru");
        waitForCharts(1);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Утечка и локализация");
        shot("48-sovereignty-localisation-ru");
    }

    /** Issue 14: a support loan's schedule and what its reduced rate is worth. */
    @Test
    void analystValuesASupportLoan() throws IOException {
        driver.get(server.base() + "/finance?lang=en");
        waitForCharts(1);
        driver.findElement(By.id("grace_years")).clear();
        driver.findElement(By.id("grace_years")).sendKeys("1");
        new Select(driver.findElement(By.id("payments_per_year"))).selectByValue("4");
        driver.findElement(By.id("loan-run")).click();
        waiting().until(ExpectedConditions.urlContains("grace_years=1"));
        waitForCharts(1);
        assertThat(driver.findElement(By.id("tbl-loan")).getText()).contains("TOTAL");
        shot("42-finance-loan");
        driver.get(server.base() + "/finance/loan?amount=500&rate=1%25&then=5%25@3&years=5&market_rate=19%25&lang=ru");
        waitForCharts(1);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Калькулятор займа");
        shot("43-finance-loan-ru");
    }

    @Test
    void analystLooksForOpportunities() throws IOException {
        var js = (org.openqa.selenium.JavascriptExecutor) driver;
        driver.get(server.base() + "/opportunities?lang=en");
        assertThat(driver.findElement(By.id("synthetic-badge")).getText()).contains("Synthetic demo data");
        assertThat(driver.findElement(By.cssSelector(".sections a[aria-current=page]")).getText()).isEqualTo("Opportunities");
        waitForCharts(2);
        // the product space: a node per product (circles are SVG paths) and the links
        assertThat(driver.findElements(By.cssSelector("#space-chart svg path")).size()).isGreaterThan(400);
        assertThat(new Select(driver.findElement(By.id("country"))).getFirstSelectedOption().getText()).isEqualTo("Russia (RUS)");
        assertThat(driver.findElement(By.id("space-caption")).getText()).contains("Russia exports");
        js.executeScript("document.getElementById('space-title').scrollIntoView()");
        shot("19-opportunities-product-space");
        js.executeScript("document.getElementById('eci-title').scrollIntoView()");
        shot("20-opportunities-eci");
        js.executeScript("window.scrollTo(0, 0)");

        // another country via htmx: only the panel is swapped
        js.executeScript("document.body.dataset.marker='kept'");
        WebElement old = driver.findElement(By.id("space-panel"));
        new Select(driver.findElement(By.id("country"))).selectByValue("DEU");
        waiting().until(ExpectedConditions.stalenessOf(old));
        waitForCharts(2);
        assertThat(driver.getCurrentUrl()).contains("country=DEU");
        assertThat(driver.findElement(By.id("space-caption")).getText()).contains("Germany exports");
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-marker")).isEqualTo("kept");

        // a region's opportunities: pick a region, see the ranking and the explanation
        driver.findElement(By.cssSelector(".tabs a[href*='/opportunities/region']")).click();
        waiting().until(ExpectedConditions.urlContains("/opportunities/region"));
        old = driver.findElement(By.id("region-panel"));
        new Select(driver.findElement(By.id("region"))).selectByValue("RU-TA");
        waiting().until(ExpectedConditions.stalenessOf(old));
        assertThat(driver.getCurrentUrl()).contains("region=RU-TA");
        assertThat(driver.findElements(By.cssSelector("#tbl-opportunities tbody tr"))).isNotEmpty();
        old = driver.findElement(By.id("region-panel"));
        new Select(driver.findElement(By.id("region"))).selectByValue(OpportunitiesFixtures.REGION);
        waiting().until(ExpectedConditions.stalenessOf(old));
        List<WebElement> rows = driver.findElements(By.cssSelector("#tbl-opportunities tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).findElements(By.cssSelector("td")).get(0).getText()).isEqualTo("opportunity");
        assertThat(driver.findElement(By.id("explain")).getText()).contains("Feasibility", "Complexity outlook gain", "weight 50.0");
        shot("21-opportunities-region");
        js.executeScript("document.getElementById('tbl-opportunities').scrollIntoView()");
        shot("22-opportunities-ranking");

        // the second opportunity's candidate producers: table, scatter and the link to the map
        String industry = rows.get(1).findElement(By.cssSelector("th a")).getText();
        rows.get(1).findElement(By.cssSelector("th a")).click();
        waiting().until(ExpectedConditions.urlContains("industry="));
        waitForCharts(1);
        assertThat(driver.findElement(By.id("producers-title")).getText()).contains(industry);
        assertThat(driver.findElements(By.cssSelector("#tbl-producers tbody tr"))).isNotEmpty();
        assertThat(driver.findElement(By.id("map-link")).getAttribute("href")).contains("/mapping/regions/" + OpportunitiesFixtures.REGION);
        js.executeScript("document.getElementById('producers').scrollIntoView()");
        shot("23-opportunities-producers");

        driver.findElement(By.cssSelector(".lang a[hreflang=ru]")).click();
        waiting().until(d -> "ru".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("импортозамещения");
        assertThat(driver.findElement(By.id("explain")).getText()).contains("Реализуемость");
        js.executeScript("window.scrollTo(0, 0)");
        shot("24-opportunities-region-ru");
        driver.get(server.base() + "/opportunities?lang=en");
    }
}
