package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.app.analysis.ProjectsAnalysis;
import org.klaster.data.demo.DemoTrade;
import org.klaster.data.formats.TradeData;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.registry.Membership;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A cluster manager adds a joint R&amp;D project in a real browser (headless Chromium) on {@link RegistryServer} with the
 * demo trade stored, so the page has dependent products: from the profile's link to the projects page, the form filled
 * and sent, the project listed and its product counted as addressed. Screenshots in English and Russian go to
 * target/screenshots/ (copied to docs/screenshots/). Without chromium the test is skipped, except on CI (CI=true).
 */
class ProjectsBrowserTest {

    static RegistryServer server;
    static WebDriver driver;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(BrowserTest.CHROMIUM) && Files.isExecutable(BrowserTest.DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but chromium/chromedriver are missing");
        }
        Assumptions.assumeTrue(present, "chromium and chromedriver not installed; browser test skipped");
        Files.createDirectories(BrowserTest.SHOTS);
        profile = Files.createTempDirectory("klaster-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BrowserTest.CHROMIUM.toString());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserTest.DRIVER.toFile()).usingAnyFreePort().build();
        server = new RegistryServer();
        TradeData t = DemoTrade.standard();
        // through the workbench, as an upload is: it then offers the dataset
        server.wb.write(() -> server.store.saveTrade(Dataset.of("demo-trade", DatasetKind.TRADE, "Klaster synthetic demo trade",
                t.sha256(), t.flows().size(), DemoTrade.VERSION, true, DemoTrade.PROVENANCE, null), t, false));
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    static void shot(String name) throws IOException {
        var size = driver.manage().window().getSize();
        long h = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.min(h + 40, 6000)));
        try {
            Files.write(BrowserTest.SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    static void signIn(String login) {
        driver.get(server.base() + "/static/app.css");
        driver.manage().deleteAllCookies();
        driver.get(server.base() + "/signin?lang=en");
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(server.password(login));
        driver.findElement(By.id("signin-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    @Test
    void aClusterManagerAddsAProjectThatAddressesADependentProduct() throws IOException {
        // a dependent product of the cluster's specialisation that no project addresses yet: the project will target it
        var dep = ProjectsAnalysis.dependent(null, null, true, server.wb);
        var p = new ProjectsAnalysis.Params("SAM-AUTO", ProjectsAnalysis.View.GAPS, LocalDate.of(2025, 6, 30));
        List<ProjectsAnalysis.GapRow> gaps = ProjectsAnalysis.gapTable(server.ps.registry(), p, dep, null, false, List.of(),
                org.klaster.app.analysis.Provenance.Input.file("registry", "test", null)).list();
        Assumptions.assumeFalse(gaps.isEmpty(), "the demo has no dependent product in SAM-AUTO's specialisation: " + dep.codes()
                + " " + server.ps.cluster("SAM-AUTO").orElseThrow().specialisation() + " " + dep.notes());
        String product = gaps.get(0).row().product();
        List<String> members = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO"))
                .map(Membership::inn).distinct().toList();

        signIn("sam");
        driver.get(server.base() + "/registry/clusters/SAM-AUTO?lang=en");
        driver.findElement(By.id("projects-link")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("/projects"));
        assertThat(driver.findElement(By.id("tbl-gaps")).getText()).contains(product);
        driver.findElement(By.id("j-id")).sendKeys("SAM-R1");
        driver.findElement(By.id("j-title")).sendKeys("Electric power steering for light trucks");
        new Select(driver.findElement(By.id("j-now"))).selectByValue("4");
        new Select(driver.findElement(By.id("j-target"))).selectByValue("7");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('j-start').value='2025-03-01';"
                + "document.getElementById('j-end').value='2027-12-31';");
        driver.findElement(By.id("j-partners")).sendKeys(members.get(0) + " lead\n" + members.get(1) + " industrial");
        driver.findElement(By.id("j-budgets")).sendKeys(members.get(0) + " 2025 120000000\n" + members.get(1) + " 2026 45000000");
        driver.findElement(By.id("j-milestones")).sendKeys("2025-12-31 done Bench prototype\n2027-06-30 open Road tests");
        driver.findElement(By.id("j-products")).sendKeys(product);
        driver.findElement(By.id("project-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains("done=saved"));
        assertThat(driver.findElement(By.id("done")).getText()).contains("saved");
        assertThat(driver.findElement(By.id("project-list")).getText()).contains("SAM-R1", "165");
        assertThat(driver.findElement(By.id("tbl-products")).getText()).contains(product, "SAM-R1");
        shot("45-registry-projects-en");
        driver.get(server.base() + "/registry/clusters/SAM-AUTO/projects?lang=ru");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("совместные проекты НИОКР");
        shot("46-registry-projects-ru");
    }
}
