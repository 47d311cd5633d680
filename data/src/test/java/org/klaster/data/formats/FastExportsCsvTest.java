package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.complexity.ExportRecord;

/**
 * The fast path of the exports reader returns exactly what the general reader returns (records with
 * bit-identical doubles, warnings, SHA-256, name, format) on plain files, and gives up (null) on
 * everything else, so that the general reader — with its messages — decides.
 */
class FastExportsCsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** The general reader's result (fast path off). */
    static ExportsData general(Path f) throws IOException {
        boolean before = PlainCsv.enabled;
        PlainCsv.enabled = false;
        try {
            return ExportsReader.read(f);
        } finally {
            PlainCsv.enabled = before;
        }
    }

    private static void assertSame(ExportsData fast, ExportsData general) {
        assertThat(fast).isNotNull();
        assertThat(fast.records()).hasSameSizeAs(general.records());
        for (int i = 0; i < fast.records().size(); i++) {
            ExportRecord a = fast.records().get(i);
            ExportRecord b = general.records().get(i);
            assertThat(a.year()).isEqualTo(b.year());
            assertThat(a.location()).isEqualTo(b.location());
            assertThat(a.product()).isEqualTo(b.product());
            assertThat(Double.doubleToRawLongBits(a.value())).as("value of record %d (%s)", i, b)
                    .isEqualTo(Double.doubleToRawLongBits(b.value()));
        }
        assertThat(fast.warnings()).isEqualTo(general.warnings());
        assertThat(fast.sha256()).isEqualTo(general.sha256());
        assertThat(fast.sourceName()).isEqualTo(general.sourceName());
        assertThat(fast.format()).isEqualTo(general.format());
    }

    /** Numbers of every plain shape and some that only Numbers.parse reads (exponent, +, long, leading point). */
    private static String value(SplittableRandom r) {
        return switch (r.nextInt(12)) {
            case 0 -> Long.toString(r.nextLong(1_000_000_000L));
            case 1 -> String.format(Locale.ROOT, "%.2f", r.nextDouble() * 1e6);
            case 2 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(-3, 7)));   // may have an exponent
            case 3 -> "0." + Long.toString(r.nextLong(1L << 62));                           // long: > 18 characters
            // m > 2^53, below the readers' bound of 10^18 (values beyond it are refused: NumericLimitsTest)
            case 4 -> Long.toString(r.nextLong(1L << 53, 1_000_000_000_000_000_000L)) + "." + r.nextInt(1000);
            case 5 -> "0";
            case 6 -> "-0";
            case 7 -> "+" + r.nextInt(1000);
            case 8 -> "." + r.nextInt(1, 1000);
            case 9 -> r.nextInt(1000) + ".";
            case 10 -> "0.1";
            default -> Long.toString(r.nextLong(1L << 53)) + "." + r.nextInt(10);
        };
    }

    @Test
    void plainFilesReadExactlyAsTheGeneralReaderReadsThem() throws IOException {
        SplittableRandom r = new SplittableRandom(5);
        String[] headers = {"year,location,product,value", "value,PRODUCT,Year,location", "Location,year,value,product"};
        for (int variant = 0; variant < 6; variant++) {
            String header = headers[variant % 3];
            String eol = variant == 4 ? "\r\n" : "\n";
            StringBuilder sb = new StringBuilder(header).append(eol);
            List<String> cols = List.of(header.toLowerCase(Locale.ROOT).split(","));
            int rows = 0;
            for (int year : new int[] {1900, 2019, 2100}) {
                for (int c = 0; c < 30; c++) {
                    for (int p = 0; p < 40; p++) {
                        if (r.nextDouble() < 0.5) {
                            continue;
                        }
                        String[] cell = new String[4];
                        cell[cols.indexOf("year")] = Integer.toString(year);
                        cell[cols.indexOf("location")] = variant == 5 ? "L" + c + "-" + (c % 3) : String.format("C%03d", c);
                        cell[cols.indexOf("product")] = String.format("%04d", p);
                        cell[cols.indexOf("value")] = value(r);
                        sb.append(String.join(",", cell)).append(eol);
                        rows++;
                    }
                }
            }
            if (variant == 3) {
                sb.setLength(sb.length() - 1);   // no line break after the last row
            }
            Path f = write("plain" + variant + ".csv", sb.toString());
            ExportsData fast = FastExportsCsv.read(f);
            assertSame(fast, general(f));
            assertThat(fast.records()).hasSize(rows);
            assertSame(ExportsReader.read(f), general(f));   // the public entry point takes the fast path
        }
    }

    @Test
    void anythingElseIsLeftToTheGeneralReader() throws IOException {
        String h = "year,location,product,value\n";
        String[] contents = {
            "",
            "\uFEFF" + h + "2020,RUS,0101,5\n",                  // byte-order mark
            h + "2020,\"RUS\",0101,5\n",                         // quotes
            h + "2020, RUS,0101,5\n",                            // spaces
            h + "2020,RUS,0101,5\n\n",                           // a blank line
            h + "2020,RUS,0101,5\n\n2020,RUS,0102,5\n",
            h + "2020,RUS,0101,5\r2020,RUS,0102,5\n",            // lone carriage return
            h + "2020,Москва,0101,5\n",                          // not ASCII
            h + "2020,RUS,0101,5\t\n",
            "year;location;product;value\n2020;RUS;0101;5\n",    // another separator
            "year,location,product,value,unit\n2020,RUS,0101,5,usd\n",   // an extra column
            "year,location,product\n2020,RUS,0101\n",
            "year,location,product,year\n2020,RUS,0101,2020\n",
            h,                                                   // no rows
            h + "2020,RUS,0101\n",                               // too few cells
            h + "2020,RUS,0101,5,6\n",
            h + "2020,RUS,,5\n",                                 // empty cells
            h + ",RUS,0101,5\n",
            h + "2020,RUS,0101,\n",
            h + "1899,RUS,0101,5\n",                             // years
            h + "20200,RUS,0101,5\n",
            h + "0202,RUS,0101,5\n",
            h + "2020.0,RUS,0101,5\n",
            h + "2020,RUS,0101,-5\n",                            // negative, not numbers
            h + "2020,RUS,0101,NaN\n",
            h + "2020,RUS,0101,1e999\n",
            h + "2020,RUS,0101,12%\n",
            h + "2020,RUS,0101,5\n2020,RUS,0101,6\n",            // a duplicate
        };
        for (int i = 0; i < contents.length; i++) {
            Path f = write("other" + i + ".csv", contents[i]);
            assertThat(FastExportsCsv.read(f)).as("[%s]", contents[i]).isNull();
        }
        assertThat(FastExportsCsv.read(dir)).isNull();
        assertThat(FastExportsCsv.read(dir.resolve("missing.csv"))).isNull();
    }

    @Test
    void longLinesAcrossTheReadBuffer() throws IOException {
        StringBuilder sb = new StringBuilder("year,location,product,value\n");
        String longCode = "X".repeat(1_500_000);                 // a line longer than the 1 MiB buffer
        sb.append("2020,").append(longCode).append(",0101,5\n");
        for (int i = 0; i < 200_000; i++) {
            sb.append("2021,L").append(i % 97).append(",P").append(i).append(',').append(i % 1000).append(".25\n");
        }
        Path f = write("long.csv", sb.toString());
        assertSame(FastExportsCsv.read(f), general(f));
    }
}
