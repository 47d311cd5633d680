package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.data.store.Actor;
import org.klaster.registry.Membership;
import org.klaster.registry.Offer;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser in the Cooperation section ({@link RegistryServer}'s demo registry, with a few competences stated):
 * a participant adds a need on its organisation's profile, follows its "Find partners" button and reads the ranked
 * partners with each factor's contribution, in English and Russian. Screenshots 38–40 go to target/screenshots/
 * (copied to docs/screenshots/). Without chromium the test is skipped, except on CI (CI=true).
 */
class CooperationBrowserTest {

    static RegistryServer server;
    static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(BrowserTest.CHROMIUM) && Files.isExecutable(BrowserTest.DRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but chromium/chromedriver are missing");
        }
        Assumptions.assumeTrue(present, "chromium and chromedriver not installed; browser test skipped");
        Files.createDirectories(BrowserTest.SHOTS);
        Path profile = Files.createTempDirectory("klaster-chromium");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BrowserTest.CHROMIUM.toString());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1440,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(BrowserTest.DRIVER.toFile())
                .usingAnyFreePort().build();
        server = new RegistryServer();
        // competences of some SAM-AUTO and SVE-METAL enterprises, in Russian and English
        List<String> texts = List.of("Механическая обработка корпусных деталей на станках с ЧПУ",
                "CNC turning and milling of steel parts to customer drawings", "Литьё алюминиевых корпусов под давлением",
                "Термообработка и закалка деталей трансмиссии", "Machining of gearbox housings, small batches");
        List<String> codes = List.of("25.62", "25.62", "24.53", "25.61", "28.15");
        int k = 0;
        for (Membership m : server.demo.memberships()) {
            if (k == texts.size()) break;
            Organisation member = server.demo.byInn().get(m.inn());
            if (m.inn().equals(server.memberInn) || member.type() != OrganisationType.ENTERPRISE) continue;
            server.ps.addOffer(Actor.cli(), new Offer(m.inn(), Offer.Kind.COMPETENCE, texts.get(k), List.of(codes.get(k))));
            k++;
        }
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    static org.openqa.selenium.support.ui.WebDriverWait waiting() {
        return (org.openqa.selenium.support.ui.WebDriverWait) new org.openqa.selenium.support.ui.WebDriverWait(driver,
                java.time.Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static void shot(String name) throws IOException {
        Files.write(BrowserTest.SHOTS.resolve(name + ".png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** The whole page in one picture: the window as tall as the document (then back). */
    static void fullShot(String name) throws IOException {
        var size = driver.manage().window().getSize();
        long h = (Long) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.min(h + 40, 6000)));
        try {
            shot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** Signs in through the sign-in form, as a person does. */
    static void signIn(String login) {
        driver.get(server.base() + "/signin?lang=en");
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(server.password(login));
        driver.findElement(By.id("signin-submit")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    @Test
    void aParticipantStatesANeedAndFindsPartners() throws IOException {
        signIn("member");
        driver.get(server.base() + "/registry/organisations/" + server.memberInn + "?lang=en");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("on-kind"))).selectByValue("need");
        driver.findElement(By.id("on-codes")).sendKeys("25.62");
        driver.findElement(By.id("on-text")).sendKeys("Механическая обработка корпусов редукторов на станках с ЧПУ");
        driver.findElement(By.id("offer-new-submit")).click();
        waiting().until(d -> d.getCurrentUrl().contains("done=offeradded"));
        assertThat(driver.findElement(By.id("done")).getText()).contains("The need or competence was added.");
        String id = server.ps.offers(server.memberInn).get(0).id();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('offers').scrollIntoView()");
        shot("38-offers-profile");

        driver.findElement(By.id("match-" + id)).click();
        waiting().until(d -> d.getCurrentUrl().contains("/cooperation/partners"));
        assertThat(driver.findElement(By.id("asker-name")).getText()).isNotBlank();
        var rows = driver.findElements(By.cssSelector("#tbl-partners tbody tr"));
        assertThat(rows).isNotEmpty();
        String page = driver.getPageSource();
        assertThat(page).contains("Механическая обработка корпусных деталей на станках с ЧПУ");
        fullShot("39-partners");

        driver.get(driver.getCurrentUrl().replace("lang=en", "lang=ru") + (driver.getCurrentUrl().contains("lang=") ? "" : "&lang=ru"));
        waiting().until(d -> d.getPageSource().contains("Партнёры"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Партнёры");
        fullShot("40-partners-ru");
    }
}
