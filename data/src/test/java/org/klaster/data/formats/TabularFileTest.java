package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularFileTest {

    @TempDir
    Path dir;

    @Test
    void rowsCarryThePhysicalLineWhereTheRecordStarts() throws Exception {
        String text = "a,b\r\n"
                + "1,\"multi\r\nline\"\r\n"     // lines 2–3
                + "\r\n"                          // 4: blank, skipped
                + " , \r\n"                       // 5: all blank, skipped
                + "2,\"x, y\"\r\n"               // 6
                + "3,\"\"\"quoted\"\"\"\n"        // 7
                + "4,last";                       // 8, no final newline
        try (TabularFile t = TabularFile.open(write("lines.csv", text))) {
            assertThat(t.header()).containsExactly("a", "b");
            List<String> seen = new ArrayList<>();
            TabularFile.Row r;
            while ((r = t.next()) != null) {
                seen.add(r.line() + ":" + r.get(0) + "|" + r.get(1));
            }
            assertThat(seen).containsExactly("2:1|multi\r\nline", "6:2|x, y", "7:3|\"quoted\"", "8:4|last");
        }
    }

    @Test
    void headerNamesAreTrimmedAndCaseInsensitive() throws Exception {
        try (TabularFile t = TabularFile.open(write("h.csv", " Region ;\"INDUSTRY\";Year\n"))) {
            assertThat(t.header()).containsExactly("Region", "INDUSTRY", "Year");
            assertThat(t.columns()).containsExactly("region", "industry", "year");
            assertThat(t.indexOf("industry")).isEqualTo(1);
            assertThat(t.indexOf(" YEAR ")).isEqualTo(2);
            assertThat(t.indexOf("employment")).isEqualTo(-1);
            assertThat(t.format().separator()).isEqualTo(';');
            assertThat(t.next()).isNull();
        }
    }

    @Test
    void separatorIsTheMostFrequentOutsideQuotes() {
        assertThat(TabularFile.detectSeparator("a,b,c")).isEqualTo(',');
        assertThat(TabularFile.detectSeparator("a;b;c")).isEqualTo(';');
        assertThat(TabularFile.detectSeparator("a\tb\tc")).isEqualTo('\t');
        assertThat(TabularFile.detectSeparator("\"a;1\",\"b;2\",c")).isEqualTo(',');
        assertThat(TabularFile.detectSeparator("\"x,y\";b")).isEqualTo(';');
        assertThat(TabularFile.detectSeparator("single")).isEqualTo(',');
    }

    @Test
    void windows1251IsChosenOnlyWhenTheBytesAreNotUtf8() throws Exception {
        Path cp = dir.resolve("cp.csv");
        Files.write(cp, "регион\n".getBytes("windows-1251"));
        try (TabularFile t = TabularFile.open(cp)) {
            assertThat(t.format().encoding()).isEqualTo("Windows-1251");
            assertThat(t.header()).containsExactly("регион");
        }
        try (TabularFile t = TabularFile.open(write("utf.csv", "регион\n"))) {
            assertThat(t.format().encoding()).isEqualTo("UTF-8");
        }
    }

    @Test
    void utf8SplitAcrossReadBuffersStaysUtf8() throws Exception {
        // Cyrillic letters straddle the 64 KiB chunk boundary of the sniffing pass
        StringBuilder sb = new StringBuilder("name\n");
        while (sb.length() < 200_000) {
            sb.append("ж".repeat(7)).append('\n');
        }
        try (TabularFile t = TabularFile.open(write("long.csv", sb.toString()))) {
            assertThat(t.format().encoding()).isEqualTo("UTF-8");
        }
    }

    @Test
    void describesWhatItDetected() throws Exception {
        try (TabularFile t = TabularFile.open(write("d.csv", "\uFEFFa\tb\n"))) {
            assertThat(t.format().description()).isEqualTo("CSV, UTF-8 (BOM), separator tab, decimal point or comma");
            assertThat(t.format().decimalMark()).isEqualTo(Numbers.DecimalMark.EITHER);
            assertThat(t.size()).isEqualTo(Files.size(dir.resolve("d.csv")));
        }
    }

    @Test
    void columnLetters() {
        assertThat(TabularFile.columnLetter(0)).isEqualTo("A");
        assertThat(TabularFile.columnLetter(25)).isEqualTo("Z");
        assertThat(TabularFile.columnLetter(26)).isEqualTo("AA");
        assertThat(TabularFile.columnLetter(701)).isEqualTo("ZZ");
        assertThat(TabularFile.columnLetter(702)).isEqualTo("AAA");
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
