package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.klaster.Text;
import org.klaster.finance.Catalogue;
import org.klaster.finance.InstrumentRule;
import org.klaster.registry.Confidence;

/**
 * Reads the instrument catalogue: a file in the rules format {@code rule,parameter,value,valid_from,valid_to,source,confidence}
 * (CSV or XLSX) whose {@code rule} is an instrument id, or the project's own ({@link #project()},
 * {@code reference/instruments.csv}, docs/methods-finance.md "Instrument catalogue").
 *
 * <p>All or nothing, with the checks of {@link RulesReader} (dates in order, a source on every row, a confidence mark,
 * no two rows of one {@code instrument.parameter} in force on the same day) and, instead of Decree 779's vocabulary,
 * the catalogue's ({@link Catalogue#PARAMETERS}): an unknown parameter, a number out of its kind's range (a share or a
 * rate above 1, years or a flag not whole) is an {@link InputException} naming the file, line and column.
 */
public final class InstrumentsReader {

    public static final String PROJECT_FILE = "/org/klaster/data/reference/instruments.csv";
    public static final String PROJECT_NAME = "instruments.csv";

    /** The catalogue with the warnings of reading it. */
    public record Result(Catalogue catalogue, List<Text> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private InstrumentsReader() {
    }

    public static Result read(Path file) throws IOException {
        Set<Text> warnings = new LinkedHashSet<>();
        List<String> columns = List.of("rule", "parameter", "value", "valid_from", "valid_to", "source", "confidence");
        try (TabularFile t = RegistryReader.open(file, columns, List.of(), "instruments", warnings)) {
            int iRule = t.indexOf("rule");
            int iParam = t.indexOf("parameter");
            int iValue = t.indexOf("value");
            int iFrom = t.indexOf("valid_from");
            int iTo = t.indexOf("valid_to");
            int iSource = t.indexOf("source");
            int iConf = t.indexOf("confidence");
            List<InstrumentRule> rules = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String id = row.code(iRule);
                if (!id.matches("[a-z][a-z0-9_]{0,63}")) {
                    throw row.error(iRule, data("instruments.id", quoted(id)));
                }
                String parameter = row.code(iParam);
                Catalogue.Kind kind = Catalogue.kind(parameter);
                if (kind == null) {
                    throw row.error(iParam, data("instruments.parameter.unknown", quoted(parameter),
                            String.join(", ", Catalogue.PARAMETERS.keySet())));
                }
                double value = Double.NaN;
                String text;
                if (kind == Catalogue.Kind.TEXT || kind == Catalogue.Kind.CODES) {
                    text = row.text(iValue);
                    if (text.isEmpty()) throw row.error(iValue, data("instruments.value.empty"));
                } else {
                    value = row.requiredNumber(iValue);
                    if (!Catalogue.valid(kind, value)) {
                        throw row.error(iValue, outOfRange(kind, quoted(row.get(iValue))));
                    }
                    text = row.text(iValue);
                }
                LocalDate from = RegistryReader.date(row, iFrom);
                LocalDate to = row.isBlank(iTo) ? null : RegistryReader.date(row, iTo);
                if (to != null && to.isBefore(from)) {
                    throw row.error(iTo, data("rules.valid.order", to.toString(), from.toString()));
                }
                String source = row.text(iSource);
                if (source.isEmpty()) throw row.error(iSource, data("rules.source.empty"));
                Confidence conf = Confidence.parse(row.text(iConf));
                if (conf == null) throw row.error(iConf, data("rules.confidence.invalid", quoted(row.get(iConf))));
                InstrumentRule r = new InstrumentRule(id, parameter, value, text, from, to, source, conf);
                for (int k = 0; k < rules.size(); k++) {
                    InstrumentRule o = rules.get(k);
                    if (o.name().equals(r.name()) && Catalogue.overlap(o, r)) {
                        throw row.error(iFrom, data("rules.overlap", r.name(), t.firstOn(lines.get(k))));
                    }
                }
                rules.add(r);
                lines.add(row.line());
            }
            if (rules.isEmpty()) throw t.whole(data("file.no.rows"));
            warnings.addAll(t.warnings());
            return new Result(new Catalogue(rules, t.sha256()), new ArrayList<>(warnings));
        }
    }

    private static Text outOfRange(Catalogue.Kind kind, Text value) {
        return switch (kind) {
            case SHARE -> data("instruments.value.share", value);
            case RATE -> data("instruments.value.rate", value);
            case YEARS -> data("instruments.value.years", value);
            case FACTOR -> data("instruments.value.factor", value);
            case FLAG -> data("instruments.value.flag", value);
            default -> data("instruments.value.money", value);
        };
    }

    /** The project's own catalogue. */
    public static Result project() {
        return fromResource(PROJECT_FILE, PROJECT_NAME, InstrumentsReader::read);
    }

    interface FileReader<T> {
        T read(Path file) throws IOException;
    }

    /** Reads a resource of this module through the one tabular path (which wants a file): a private copy under its own name. */
    static <T> T fromResource(String resource, String name, FileReader<T> reader) {
        try (InputStream in = InstrumentsReader.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("resource missing: " + resource);
            Path dir = Files.createTempDirectory("klaster-reference");
            Path file = dir.resolve(name);
            try {
                Files.copy(in, file);
                return reader.read(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
