package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.klaster.Text;
import org.klaster.finance.KeyRate;
import org.klaster.registry.Confidence;

/**
 * Reads a key-rate series {@code effective_date,rate,source,confidence} (CSV or XLSX; the rate in percent a year as
 * the CBR publishes it, {@code 16.00} or {@code 16%}), or the project's own ({@link #project()},
 * {@code reference/key_rate.csv}). All or nothing; an {@link InputException} names the file, line and column of a
 * missing or invalid date, a rate outside 1–100 % (a fraction such as 0.16 is refused: it would be read as 0.16 %),
 * an empty source, a confidence other than V, S, C, M, or a date given twice (naming the first).
 */
public final class KeyRateReader {

    public static final String PROJECT_FILE = "/org/klaster/data/reference/key_rate.csv";
    public static final String PROJECT_NAME = "key_rate.csv";

    public record Result(KeyRate keyRate, List<Text> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private KeyRateReader() {
    }

    public static Result read(Path file) throws IOException {
        Set<Text> warnings = new LinkedHashSet<>();
        try (TabularFile t = RegistryReader.open(file, List.of("effective_date", "rate", "source", "confidence"), List.of(),
                "key rate", warnings)) {
            int iDate = t.indexOf("effective_date");
            int iRate = t.indexOf("rate");
            int iSource = t.indexOf("source");
            int iConf = t.indexOf("confidence");
            List<KeyRate.Change> out = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                LocalDate d = RegistryReader.date(row, iDate);
                String raw = row.text(iRate);
                boolean percentSign = raw.endsWith("%");
                double r;
                if (percentSign) {
                    try {
                        r = Numbers.parse(raw.substring(0, raw.length() - 1).strip(), t.format().decimalMark());
                    } catch (Numbers.NotANumberException e) {
                        throw row.error(iRate, e.text());
                    }
                } else {
                    r = row.requiredNumber(iRate);
                }
                if (!(r >= 1 && r <= 100)) throw row.error(iRate, data("keyrate.rate.range", quoted(row.get(iRate))));
                String source = row.text(iSource);
                if (source.isEmpty()) throw row.error(iSource, data("rules.source.empty"));
                Confidence conf = Confidence.parse(row.text(iConf));
                if (conf == null) throw row.error(iConf, data("rules.confidence.invalid", quoted(row.get(iConf))));
                for (int k = 0; k < out.size(); k++) {
                    if (out.get(k).effective().equals(d)) {
                        throw row.error(iDate, data("keyrate.date.twice", d.toString(), t.firstOn(lines.get(k))));
                    }
                }
                out.add(new KeyRate.Change(d, r / 100, source, conf));
                lines.add(row.line());
            }
            if (out.isEmpty()) throw t.whole(data("file.no.rows"));
            warnings.addAll(t.warnings());
            return new Result(new KeyRate(out, t.sha256()), new ArrayList<>(warnings));
        }
    }

    /** The project's own series (policy notes §7.6a, docs/methods-finance.md "Key rate"). */
    public static Result project() {
        return InstrumentsReader.fromResource(PROJECT_FILE, PROJECT_NAME, KeyRateReader::read);
    }
}
