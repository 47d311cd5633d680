package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.inputoutput.IoTable;
import org.klaster.linalg.DenseMatrix;

/**
 * The fast path of the io reader returns a result equal to the general reader's — bit-identical
 * matrices and vectors, the same warnings, validation and SHA-256 — on plain tables, and gives up
 * (null) on everything else, so that the general reader and its messages decide.
 */
class FastIoCsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    static IoTableReader.Result general(Path f, boolean allowImbalance) throws IOException {
        boolean before = PlainCsv.enabled;
        PlainCsv.enabled = false;
        try {
            return IoTableReader.load(f, null, allowImbalance);
        } finally {
            PlainCsv.enabled = before;
        }
    }

    private static void assertBits(double[] a, double[] b, String what) {
        if (a == null || b == null) {
            assertThat(a).as(what).isNull();
            assertThat(b).as(what).isNull();
            return;
        }
        assertThat(a.length).as(what).isEqualTo(b.length);
        for (int i = 0; i < a.length; i++) {
            assertThat(Double.doubleToRawLongBits(a[i])).as("%s[%d]", what, i).isEqualTo(Double.doubleToRawLongBits(b[i]));
        }
    }

    private static double[] data(DenseMatrix m) {
        return m == null ? null : m.data();
    }

    static void assertSameResult(IoTableReader.Result fast, IoTableReader.Result general) {
        assertThat(fast).isNotNull();
        IoTable a = fast.table();
        IoTable b = general.table();
        assertThat(a.sectors()).isEqualTo(b.sectors());
        assertThat(a.names()).isEqualTo(b.names());
        assertThat(a.finalDemandCategories()).isEqualTo(b.finalDemandCategories());
        assertBits(data(a.intermediate()), data(b.intermediate()), "Z");
        assertBits(data(a.finalDemand()), data(b.finalDemand()), "F");
        assertBits(a.imports(), b.imports(), "imports");
        assertBits(data(a.importMatrix()), data(b.importMatrix()), "import matrix");
        assertBits(data(a.importsFinalUse()), data(b.importsFinalUse()), "imports final use");
        assertBits(a.valueAdded(), b.valueAdded(), "value added");
        assertBits(a.givenTotalOutput(), b.givenTotalOutput(), "total output");
        assertThat(fast.validation()).isEqualTo(general.validation());
        assertThat(fast.warnings()).isEqualTo(general.warnings());
        assertThat(fast.sha256()).isEqualTo(general.sha256());
    }

    /** A random plain table; options vary the optional parts, numbers and line ends. */
    private static String table(int n, long seed, boolean total, boolean imports, boolean va, boolean importsFirst,
            String eol, boolean decimals, int inactive) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] z = new double[n][n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean off = i == inactive || j == inactive;
                z[i][j] = off || r.nextDouble() < 0.4 ? 0 : decimals ? Math.round(r.nextDouble() * 1e7) / 100.0
                        : Math.floor(Math.pow(10, 5 * r.nextDouble()));
            }
        }
        StringBuilder sb = new StringBuilder("Code");
        for (int j = 0; j < n; j++) {
            sb.append(",S").append(j + 1);
        }
        sb.append(",fd:Households,fd:exports");
        if (total) {
            sb.append(",total_output");
        }
        sb.append(eol);
        StringBuilder primary = new StringBuilder();
        double[] colSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                colSum[j] += z[i][j];
            }
        }
        if (imports) {
            primary.append(importsFirst ? "IMPORTS" : "imports");
            for (int j = 0; j < n; j++) {
                primary.append(',').append(j == inactive ? "0" : Long.toString((long) (colSum[j] * 0.1) + 1));
            }
            primary.append(",5,").append(total ? "," : "").append(eol);
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rows.append('S').append(i + 1);
            double rowSum = 0;
            for (int j = 0; j < n; j++) {
                rows.append(',').append(text(z[i][j]));
                rowSum += z[i][j];
            }
            double h = i == inactive ? 0 : decimals ? Math.round(r.nextDouble() * 1e6) / 1000.0 : Math.floor(1e5 * r.nextDouble()) + 1;
            double e = i == inactive ? 0 : i % 7 == 3 ? -Math.floor(10 * r.nextDouble()) : Math.floor(1e4 * r.nextDouble());
            rows.append(',').append(text(h)).append(',').append(text(e));
            x[i] = rowSum + h + e;
            if (total) {
                rows.append(',').append(i % 5 == 2 ? "" : text(x[i]));
            }
            rows.append(eol);
        }
        if (importsFirst) {
            sb.append(primary).append(rows);
        } else {
            sb.append(rows).append(primary);
        }
        if (va) {
            sb.append("value_added");
            for (int j = 0; j < n; j++) {
                sb.append(',').append(j == inactive ? "0" : text(Math.floor(x[j] * 0.3)));
            }
            sb.append(",,").append(total ? "," : "").append(eol);
        }
        return sb.toString();
    }

    private static String text(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Test
    void plainTablesReadExactlyAsTheGeneralReaderReadsThem() throws IOException {
        int variant = 0;
        for (int n : new int[] {1, 2, 7, 70, 150}) {
            for (int opts = 0; opts < 8; opts++) {
                boolean total = (opts & 1) != 0;
                boolean imports = (opts & 2) != 0;
                boolean va = (opts & 4) != 0;
                String content = table(n, 100 + variant, total, imports, va, opts == 6, opts == 5 ? "\r\n" : "\n",
                        opts % 3 == 1, n > 5 && opts == 3 ? 4 : -1);
                Path f = write("t" + variant++ + ".csv", content);
                for (boolean allow : new boolean[] {false, true}) {
                    IoTableReader.Result general = general(f, allow);
                    assertSameResult(FastIoCsv.load(f, allow), general);
                    assertSameResult(IoTableReader.load(f, null, allow), general);   // the public entry takes the fast path
                }
            }
        }
    }

    @Test
    void imbalanceAndValidationProblemsAreLeftToTheGeneralReader() throws IOException {
        String ok = "code,S1,S2,fd:households,total_output\nS1,150,500,350,1000\nS2,200,100,1700,2000\n";
        assertThat(FastIoCsv.load(write("ok.csv", ok), false)).isNotNull();
        String off = ok.replace("1700,2000", "1700,2100");
        Path f = write("off.csv", off);
        assertThat(FastIoCsv.load(f, false)).isNull();                 // the general reader names the cell
        assertSameResult(FastIoCsv.load(f, true), general(f, true));   // allowed: a warning, same as general
        for (String content : new String[] {
            ok.replace("S1,150", "S1,-150"),                           // negative flow
            ok.replace("S1,150", "S1,"),                               // empty flow
            ok.replace("S1,150", "S1,1.5.0"),                          // not a number
            ok.replace("S1,150", "S1,\"150\""),                        // quotes
            ok.replace("S1,150", "S1, 150"),                           // spaces
            ok.replace(",350,", ",,"),                                 // empty final demand
            ok + "imports,1,2,,\nimports,1,2,,\n",                     // twice
            ok + "imports,1,2,,5\n",                                   // total_output of the imports row
            ok + "import:S1,1,2,,\nimport:S2,1,2,,\n",                 // import rows: the general reader reads them
            ok + "value_added,1,2,3,\n",                               // final demand of value added: a warning
            ok + "other,1,2,3,\n",
            ok + ",,,,\n",                                             // a blank row
            ok + "\n",
            ok.replace("S2,200", "S3,200"),
            "code,S2,S1,fd:households,total_output\nS1,150,500,350,1000\nS2,200,100,1700,2000\n",   // order
            "code,S1,S2,fd:households,note\nS1,150,500,350,x\nS2,200,100,1700,y\n",                 // ignored column
            "code,S1,s1,fd:households\nS1,150,500,350\ns1,200,100,1700\n",                          // repeated column
            "code;S1;S2;fd:households\nS1;150;500;350\nS2;200;100;1700\n",                          // semicolons
            "sector,S1,fd:households\nS1,1,2\n",
            "code,S1,S2\nS1,1,2\nS2,1,2\n",
            "code,S1,S2,fd:households,total_output\nS1,0,0,0,\nS2,0,0,0,\n",                        // all inactive
            "\uFEFF" + ok,
            "",
        }) {
            assertThat(FastIoCsv.load(write("x.csv", content), false)).as("[%s]", content).isNull();
        }
    }

    @Test
    void everyMalformedFixtureIsLeftToTheGeneralReader() throws IOException, URISyntaxException {
        Path bad = Path.of(Objects.requireNonNull(getClass().getResource("/formats/io-bad/unknown_row.csv")).toURI()).getParent();
        List<Path> files;
        try (Stream<Path> s = Files.list(bad)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            assertThat(FastIoCsv.load(f, false)).as(f.getFileName().toString()).isNull();
        }
    }
}
