package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * switch (htmx), language switch, region profile, valid and invalid uploads, boundaries import.
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
        server = new TestServer();
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

        driver.get(server.base() + "/datasets?lang=en");
        driver.findElement(By.id("file")).sendKeys(bad.toString());
        driver.findElement(By.id("upload-submit")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-error")));
        assertThat(error.getText()).contains("broken.csv").contains("line 3").contains("employment");
        shot("07-upload-invalid");

        driver.findElement(By.id("file")).sendKeys(good.toString());
        driver.findElement(By.id("upload-submit")).click();
        WebElement ok = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-ok")));
        assertThat(ok.getText()).contains("upload-");
        shot("08-upload-valid");
        ok.findElement(By.cssSelector("a.button")).click();
        waiting().until(ExpectedConditions.urlContains("/mapping?dataset=upload-"));
        assertThat(driver.findElements(By.id("synthetic-badge"))).isEmpty();
        assertThat(new Select(driver.findElement(By.id("dataset-picker"))).getFirstSelectedOption().getText()).startsWith("upload-");
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
        }
        driver.get(server.base() + "/api/docs");
        waiting().until(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
        shot("11-swagger");
    }
}
