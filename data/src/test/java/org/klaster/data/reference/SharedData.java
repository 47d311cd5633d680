package org.klaster.data.reference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the read-only public reference files in ../shared/data for cross-checks. The surefire
 * configuration passes {@code klaster.shared.data}; without it the folder is looked for beside the
 * project root. Tests that need a file skip (JUnit assumption) with a clear message when it is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path dir() {
        String prop = System.getProperty("klaster.shared.data");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("core")) && Files.isDirectory(p.resolve("data"))
                    && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p.resolve("../shared/data").normalize();
            }
        }
        return here.resolve("../shared/data").normalize();
    }

    /** The file under the shared data folder; skips the calling test when it does not exist. */
    public static Path require(String relative) {
        Path file = dir().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "shared public data not available (" + file + "); cross-check skipped");
        return file;
    }

    public static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader,
                     CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
