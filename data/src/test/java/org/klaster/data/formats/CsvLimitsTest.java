package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One enormous line is not buffered whole (issue 10, probe 2 for text files): commons-csv keeps a
 * record in memory, so every CSV path stops a record at {@link RecordLimitReader#DEFAULT_LIMIT}
 * characters — the general reader, the fast plain-CSV readers (which hand such a file to the general
 * one) and the firm files' header — and says so at the line where the record starts. Without a quote
 * in it the old sentence blamed an unclosed quote.
 */
class CsvLimitsTest {

    private static final String TOO_LONG = "the record that starts on this line is longer than 16777216 characters,"
            + " more than any table row; is this file a table?";

    @TempDir
    Path dir;

    /** A header, one good row, then a line of 17 million characters without a line break or a quote. */
    private Path hugeLine(String name, String header, String row) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write((header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "7".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 17; i++) {
                out.write(chunk);
            }
        }
        return f;
    }

    @Test
    void theGeneralReaderStopsAnEnormousLine() throws Exception {
        Path f = hugeLine("a.csv", "region,industry,year,employment", "RU-SAM,29,2023,10");
        assertThatThrownBy(() -> ActivityReader.read(f)).isInstanceOf(InputException.class)
                .hasMessage("a.csv, line 3: " + TOO_LONG);
    }

    @Test
    void theFastReadersHandItToTheGeneralReader() throws Exception {
        Path x = hugeLine("x.csv", "year,location,product,value", "2020,RUS,0101,5");
        assertThatThrownBy(() -> ExportsReader.read(x)).hasMessage("x.csv, line 3: " + TOO_LONG);
        Path io = hugeLine("io.csv", "code,S1,fd:households", "S1,1,2");
        assertThatThrownBy(() -> IoTableReader.read(io, null, false)).hasMessage("io.csv, line 3: " + TOO_LONG);
    }

    @Test
    void aFirmFileWhoseHeaderNeverEnds() throws Exception {
        Path f = dir.resolve("f.csv");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("firm_id,region,industry,year,employment,".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 17; i++) {
                out.write(chunk);
            }
        }
        assertThatThrownBy(() -> new FirmsReader(1, "256MB").read(f, FirmsReader.Progress.NONE))
                .hasMessage("f.csv, line 1: " + TOO_LONG);
    }
}
