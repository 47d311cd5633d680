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
import org.klaster.registry.Confidence;
import org.klaster.registry.Requirement;
import org.klaster.registry.Rule;
import org.klaster.registry.RuleSet;

/**
 * Reads a rules file {@code rule,parameter,value,valid_from,valid_to,source,confidence} (CSV or XLSX), or
 * the project's own dated file of Decree 779 ({@link #project()}, {@code reference/rules-779.csv}).
 *
 * <p>All or nothing; an {@link InputException} names the file, line and column of: a missing column; a
 * rule or parameter the engine does not know (methods.md §5 names only); a value that is not a number, a
 * share outside [0, 1], a count that is not a whole number ≥ 0; a {@code valid_from} missing or not a date,
 * a {@code valid_to} before it; an empty source; a confidence other than V, S, C, M (brackets allowed:
 * {@code [V]}); two rows of one {@code rule.parameter} in force on the same day (naming the first).
 * The rule set's version is the file's SHA-256.
 */
public final class RulesReader {

    /** The project's rules, a resource of this module. */
    public static final String PROJECT_RULES = "/org/klaster/data/reference/rules-779.csv";
    /** The name the project's rules go by in messages and provenance. */
    public static final String PROJECT_RULES_NAME = "rules-779.csv";

    /** The rules with the warnings of reading them. */
    public record Result(RuleSet rules, List<Text> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private RulesReader() {
    }

    /**
     * Reads a rules file.
     *
     * @throws InputException on any problem with the content
     */
    public static Result read(Path file) throws IOException {
        Set<Text> warnings = new LinkedHashSet<>();
        List<String> columns = List.of("rule", "parameter", "value", "valid_from", "valid_to", "source", "confidence");
        try (TabularFile t = RegistryReader.open(file, columns, List.of(), "rules", warnings)) {
            int iRule = t.indexOf("rule");
            int iParam = t.indexOf("parameter");
            int iValue = t.indexOf("value");
            int iFrom = t.indexOf("valid_from");
            int iTo = t.indexOf("valid_to");
            int iSource = t.indexOf("source");
            int iConf = t.indexOf("confidence");
            List<Rule> rules = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String name = row.code(iRule);
                Requirement q = Requirement.parse(name);
                if (q == null) {
                    throw row.error(iRule, data("rules.rule.unknown", quoted(name), String.join(", ", Requirement.codes())));
                }
                String parameter = row.code(iParam);
                if (!q.parameters().contains(parameter)) {
                    throw row.error(iParam, data("rules.parameter.unknown", quoted(parameter), name,
                            String.join(", ", q.parameters())));
                }
                double value = row.requiredNumber(iValue);
                if (q.isShare(parameter)) {
                    if (!(value >= 0 && value <= 1)) {
                        throw row.error(iValue, data("rules.value.share", quoted(row.get(iValue))));
                    }
                } else if (!(value >= 0 && value == Math.rint(value) && value <= 1_000_000)) {
                    throw row.error(iValue, data("rules.value.count", quoted(row.get(iValue))));
                }
                LocalDate from = RegistryReader.date(row, iFrom);
                LocalDate to = row.isBlank(iTo) ? null : RegistryReader.date(row, iTo);
                if (to != null && to.isBefore(from)) {
                    throw row.error(iTo, data("rules.valid.order", to.toString(), from.toString()));
                }
                String source = row.text(iSource);
                if (source.isEmpty()) {
                    throw row.error(iSource, data("rules.source.empty"));
                }
                Confidence conf = Confidence.parse(row.text(iConf));
                if (conf == null) {
                    throw row.error(iConf, data("rules.confidence.invalid", quoted(row.get(iConf))));
                }
                Rule r = new Rule(name, parameter, value, from, to, source, conf);
                for (int k = 0; k < rules.size(); k++) {
                    Rule o = rules.get(k);
                    if (o.name().equals(r.name()) && RuleSet.overlap(o, r)) {
                        throw row.error(iFrom, data("rules.overlap", r.name(), t.firstOn(lines.get(k))));
                    }
                }
                rules.add(r);
                lines.add(row.line());
            }
            if (rules.isEmpty()) {
                throw t.whole(data("file.no.rows"));
            }
            warnings.addAll(t.warnings());
            return new Result(new RuleSet(rules, t.sha256()), new ArrayList<>(warnings));
        }
    }

    /** The project's own dated rules of Decree 779 (docs/methods-registry.md). */
    public static Result project() {
        try (InputStream in = RulesReader.class.getResourceAsStream(PROJECT_RULES)) {
            if (in == null) throw new IllegalStateException("resource missing: " + PROJECT_RULES);
            // the one tabular reading path wants a file: a private copy under the resource's own name
            Path dir = Files.createTempDirectory("klaster-rules");
            Path file = dir.resolve(PROJECT_RULES_NAME);
            try {
                Files.copy(in, file);
                return read(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
