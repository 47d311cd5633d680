package org.klaster.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependencies point one way, app → data → core, and the engines in core do no I/O. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // core's test-jar (shared test helpers) is on the classpath too; only shipped classes count
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.klaster");
    }

    private static final String[] CORE_EXCLUDES = {"org.klaster.data..", "org.klaster.app.."};

    @Test
    void coreDependsOnNeitherDataNorApp() {
        noClasses().that().resideOutsideOfPackages(CORE_EXCLUDES)
                .should().dependOnClassesThat().resideInAnyPackage("org.klaster.data..", "org.klaster.app..")
                .check(classes);
    }

    @Test
    void coreDoesNoIoNoDatabaseNoHttp() {
        noClasses().that().resideOutsideOfPackages(CORE_EXCLUDES)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..",
                        "org.duckdb..", "io.javalin..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .check(classes);
    }

    @Test
    void dataDoesNotDependOnApp() {
        noClasses().that().resideInAPackage("org.klaster.data..")
                .should().dependOnClassesThat().resideInAPackage("org.klaster.app..")
                .check(classes);
    }

    @Test
    void cliAndWebUseTheAnalysisLayerAndNeverEachOther() {
        noClasses().that().resideInAPackage("org.klaster.app.web..")
                .should().dependOnClassesThat().resideInAPackage("org.klaster.app.cli..").check(classes);
        noClasses().that().resideInAPackage("org.klaster.app.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.klaster.app.web..").check(classes);
        // the analysis layer knows neither the command line nor HTTP
        noClasses().that().resideInAPackage("org.klaster.app.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.klaster.app.cli..", "org.klaster.app.web..",
                        "io.javalin..", "picocli..").check(classes);
    }

    @Test
    void allSqlLivesInTheStore() {
        // java.sql is the store's: the app reads datasets through it, never with its own queries
        noClasses().that().resideInAPackage("org.klaster.app..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..").check(classes);
    }
}
