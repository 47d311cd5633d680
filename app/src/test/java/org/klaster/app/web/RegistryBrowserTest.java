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
import org.klaster.registry.Identifiers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser in the Registry section ({@link RegistryServer}: the SYNTHETIC demo registry, one account per
 * role, signed in through the sign-in form): a cluster manager creates a cluster, imports its participants from a CSV
 * file, records a contract between them and sees the compliance report change; then the demo's profile and
 * report in English and Russian. Screenshots go to target/screenshots/ (the good ones are copied to
 * docs/screenshots/). Without chromium the test is skipped, except on CI (CI=true).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RegistryBrowserTest {

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
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(BrowserTest.DRIVER.toFile())
                .usingAnyFreePort().build();
        server = new RegistryServer();
        driver = new ChromeDriver(service, o);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
    }

    static WebDriverWait waiting() {
        return (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    static void shot(String name) throws IOException {
        Files.write(BrowserTest.SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page in one picture: the window as tall as the document (then back). */
    static void fullShot(String name) throws IOException {
        var size = driver.manage().window().getSize();
        long h = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.min(h + 40, 6000)));
        try {
            shot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /** Signs in through the sign-in form, as a person does (a fresh browser state first). */
    static void signIn(String login) {
        driver.get(server.base() + "/static/app.css");
        driver.manage().deleteAllCookies();
        driver.get(server.base() + "/signin?lang=en");
        driver.findElement(By.id("login")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(server.password(login));
        driver.findElement(By.id("signin-submit")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/signin"));
    }

    static String inn(String nine) {
        return nine + Identifiers.innCheckDigit(nine);
    }

    static String ogrn(String twelve) {
        return twelve + Identifiers.ogrnCheckDigit(twelve);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aClusterManagerCreatesAClusterImportsParticipantsAddsAContractAndSeesTheReportChange() throws IOException {
        signIn("newbie");
        driver.get(server.base() + "/registry?lang=en");
        driver.findElement(By.id("new-cluster")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/registry/clusters/new"));
        driver.findElement(By.id("id")).sendKeys("KAZ-PLAST");
        driver.findElement(By.id("name")).sendKeys("Kazan plastics cluster");
        new Select(driver.findElement(By.id("type"))).selectByValue("industrial");
        new Select(driver.findElement(By.id("regions"))).selectByValue("RU-TA");
        driver.findElement(By.id("specialisation")).sendKeys("22; 20.16");
        shot("25-registry-new-cluster");
        driver.findElement(By.id("cluster-submit")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/registry/clusters/KAZ-PLAST"));
        assertThat(driver.findElement(By.id("done")).getText()).contains("The cluster is in the registry");

        // import two participants (members since 2015, so no newcomer exemption) from a CSV file
        String a = inn("165100001");
        String b = inn("165100002");
        Path dir = Files.createTempDirectory("klaster-registry-browser");
        Path orgs = dir.resolve("participants.csv");
        Files.writeString(orgs, "inn,ogrn,name,type,okved,region,lat,lon,employees,final_producer\n"
                + a + "," + ogrn("102160000001") + ",Kama Polymer,enterprise,22.21,RU-TA,55.75,49.2,420,true\n"
                + b + "," + ogrn("102160000002") + ",Volga Moulds,enterprise,28.96,RU-TA,55.8,49.05,130,false\n");
        driver.findElement(By.id("i-participants")).sendKeys(orgs.toString());
        ((JavascriptExecutor) driver).executeScript("document.getElementById('i-joined').value = '2015-01-01'");
        driver.findElement(By.id("import-submit")).click();
        WebElement ok = waiting().until(d -> d.findElement(By.id("import-ok")));
        assertThat(ok.getText()).contains("Imported 2 organisation(s), 2 of them new participants");
        assertThat(driver.findElements(By.cssSelector("#tbl-participants tbody tr"))).hasSize(2);

        // the report: contract_link fails for both (no contract yet)
        driver.findElement(By.id("compliance-link")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/compliance"));
        WebElement link = driver.findElement(By.id("req-contract_link"));
        assertThat(link.getAttribute("class")).contains("req-fail");
        assertThat(link.getText()).contains("0 of 2 pass").contains("Kama Polymer").contains("Volga Moulds");
        shot("26-registry-report-before");

        // a contract between them (year of the report, 2024)
        driver.get(server.base() + "/registry/clusters/KAZ-PLAST?lang=en");
        new Select(driver.findElement(By.id("c-supplier"))).selectByValue(b);
        new Select(driver.findElement(By.id("c-buyer"))).selectByValue(a);
        new Select(driver.findElement(By.id("c-type"))).selectByValue("supply");
        driver.findElement(By.id("c-value")).sendKeys("1250.5");
        driver.findElement(By.id("contract-submit")).click();
        waiting().until(d -> d.getCurrentUrl().contains("done=contract"));
        assertThat(driver.findElements(By.cssSelector("#tbl-contracts tbody tr"))).hasSize(1);
        waiting().until(d -> !d.findElements(By.cssSelector("#network[data-ready] svg")).isEmpty());
        fullShot("27-registry-new-cluster-profile");

        driver.findElement(By.id("compliance-link")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/compliance"));
        link = driver.findElement(By.id("req-contract_link"));
        assertThat(link.getAttribute("class")).contains("req-pass");
        assertThat(link.getText()).contains("2 of 2 pass");
        shot("28-registry-report-after");
    }

    /** First: the demo as it is shipped (the other test adds a cluster). */
    @Test
    @org.junit.jupiter.api.Order(1)
    void theDemoProfileAndReportInEnglishAndRussian() throws IOException {
        signIn("analyst");
        driver.get(server.base() + "/registry?lang=en");
        assertThat(driver.findElement(By.id("synthetic-badge")).getText()).contains("Synthetic");
        assertThat(driver.findElement(By.id("tbl-registry")).getText()).contains("Самарский", "Камский", "Уральский");
        shot("29-registry-list-en");

        driver.get(server.base() + "/registry/clusters/SAM-AUTO?lang=en");
        waiting().until(d -> d.findElements(By.cssSelector(".chart[data-ready] svg")).size() >= 3);
        fullShot("30-registry-profile-en");
        driver.get(server.base() + "/registry/clusters/SAM-AUTO?lang=ru");
        waiting().until(d -> d.findElements(By.cssSelector(".chart[data-ready] svg")).size() >= 3);
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Самарский");
        shot("31-registry-profile-ru");

        driver.get(server.base() + "/registry/clusters/SVE-METAL/compliance?lang=en");
        assertThat(driver.findElement(By.id("verdict")).getText()).contains("does not meet");
        assertThat(driver.findElement(By.id("req-functional_dependence")).getText()).contains("mln RUB");
        fullShot("32-registry-report-en");
        driver.get(server.base() + "/registry/clusters/SVE-METAL/compliance?lang=ru");
        assertThat(driver.findElement(By.id("verdict")).getText()).contains("не выполняет");
        shot("33-registry-report-ru");
        driver.findElement(By.id("print-link")).click();
        waiting().until(d -> d.getCurrentUrl().contains("print=1"));
        assertThat(driver.findElement(By.cssSelector("header.top")).isDisplayed()).isFalse();
        shot("34-registry-report-print-ru");
    }

    /**
     * Last (it changes the rules): an administrator goes from a report to the version of the rules it used, raises the
     * cooperation share to 0.25 in the form with a note, and sees the new version, what changed, and the report using it.
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void anAdministratorEditsTheRulesFromTheReport() throws IOException {
        server.ps.saveRules(org.klaster.data.store.Actor.cli(), org.klaster.data.formats.RulesReader.project().rules(),
                "rules-779.csv");
        signIn("admin");
        driver.get(server.base() + "/registry/clusters/SVE-METAL/compliance?lang=en");
        assertThat(driver.findElement(By.id("rules-version")).getText()).contains("version 1 (saved in the registry)");
        driver.findElement(By.id("rules-edit-link")).click();
        waiting().until(d -> d.getCurrentUrl().contains("/admin/rules"));
        assertThat(driver.findElement(By.id("rule-9")).getText()).contains("[M]");
        WebElement value = driver.findElement(By.name("value_2"));
        assertThat(value.getAttribute("value")).isEqualTo("0.2");
        value.clear();
        value.sendKeys("0.25");
        driver.findElement(By.id("rules-note")).sendKeys("Cooperation share raised to 25 % (regional programme, test)");
        driver.findElement(By.id("rules-submit")).click();
        waiting().until(d -> d.getCurrentUrl().contains("done=saved"));
        assertThat(driver.findElement(By.id("rules-message")).getText()).contains("Version 2 saved");
        assertThat(driver.findElement(By.id("diff")).getText()).contains("value: 0.2 \u2192 0.25");
        fullShot("35-admin-rules");
        driver.get(server.base() + "/registry/clusters/SVE-METAL/compliance?lang=en");
        assertThat(driver.findElement(By.id("rules-version")).getText()).contains("version 2 (saved in the registry)");
    }
}
