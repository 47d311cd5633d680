package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.klaster.app.Klaster;

/** One command line run in-process, with its exit code and what it printed; shared by the CLI tests. */
record CliRun(int code, String out, String err) {

    static CliRun klaster(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Klaster.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static CliRun ok(String... args) {
        CliRun r = klaster(args);
        assertThat(r.code()).as("exit code of %s; stderr: %s", Arrays.toString(args), r.err()).isZero();
        return r;
    }

    String header() {
        return out.lines().findFirst().orElse("");
    }

    /** The CSV output as rows keyed by column name. */
    List<Map<String, String>> csv() {
        try {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(out))) {
                rows.add(new HashMap<>(r.toMap()));
            }
            return rows;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The row whose leading columns equal {@code key} (e.g. region and category, or sector). */
    Map<String, String> row(String... key) {
        List<String> columns = Arrays.asList(header().split(",", -1)).subList(0, key.length);
        return csv().stream().filter(r -> {
            for (int i = 0; i < key.length; i++) if (!key[i].equals(r.get(columns.get(i)))) return false;
            return true;
        }).findFirst().orElseThrow(() -> new AssertionError("no row " + Arrays.toString(key) + " in\n" + out));
    }

    /** A number of the row whose first column is {@code key}. */
    double num(String key, String column) {
        return Double.parseDouble(row(key).get(column));
    }
}
