package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.formats.RulesReader;
import org.klaster.registry.Compliance;
import org.klaster.registry.ComplianceResult;
import org.klaster.registry.ComplianceRow;
import org.klaster.registry.Registry;
import org.klaster.registry.Rule;
import org.klaster.registry.RuleSet;
import org.klaster.data.store.PlatformStore;

/**
 * Registry → compliance: does a cluster meet the Decree 779 requirements in force on a day, judged on the
 * facts of a year (methods.md §5, docs/methods-registry.md). One row per requirement × subject with the
 * columns of the command contract; the reason and smallest fix of a failed row (and the exemption of a
 * newcomer) are the {@code note} column and the numeric {@code fix} column of a named table, and a note
 * of the table (the CLI prints notes on stderr). The provenance names the rules version: the rules file's
 * SHA-256 (or the platform store's version number, {@link #runStored}) and the valid_from of every rule row used.
 */
public final class ComplianceAnalysis {

    public static final String ID = "compliance";

    private ComplianceAnalysis() {
    }

    /**
     * @param rules              a rules file, or null for the project's own (rules-779.csv)
     * @param includeUnconfirmed whether rules marked M (unconfirmed) apply
     */
    public record Params(String cluster, LocalDate asOf, int year, Path rules, boolean includeUnconfirmed) {

        /** Checks the values as given (flags, query parameters); {@code asOf} as an ISO date. */
        public static Params of(String cluster, String asOf, String year, Path rules, boolean includeUnconfirmed) {
            String c = Param.code("cluster", cluster);
            if (c == null) throw UserException.badParameter("cluster", Messages.text("param.required"));
            LocalDate d = date("as_of", asOf);
            Integer y = Param.year("year", year);
            if (y == null) throw UserException.badParameter("year", Messages.text("param.required"));
            return new Params(c, d, y, rules, includeUnconfirmed);
        }
    }

    static LocalDate date(String param, String v) {
        if (v == null || v.isBlank()) throw UserException.badParameter(param, Messages.text("param.required"));
        try {
            LocalDate d = LocalDate.parse(v.strip());
            if (d.getYear() >= 1900 && d.getYear() <= 2100) return d;
        } catch (DateTimeParseException e) {
            // below
        }
        throw UserException.badParameter(param, Messages.text("param.date", Param.shorten(v)));
    }

    /** One row of the report, its note rendered in the table's language by the schema. */
    public record Row(ComplianceRow row) {
    }

    public static Schema<Row> schema(Names names) {
        return Schema.<Row>builder(ID, "ComplianceRow")
                .text("requirement", r -> r.row().requirement())
                .text("subject", r -> r.row().subject())
                .optionalNumber("value", Unit.NONE, 3, r -> r.row().value())
                .number("threshold", Unit.NONE, r -> r.row().threshold())
                .flag("passed", r -> r.row().passed())
                .flag("exempt", r -> r.row().exempt())
                .text("rule_valid_from", r -> r.row().ruleValidFrom().toString())
                .text("confidence", r -> r.row().confidence().name())
                .name("note", r -> r.row().note() == null ? null : r.row().note().in(names.lang().locale()))
                // the fix in numbers beside its sentence: named (extended) tables only, like the note
                .column(new Column<>("fix", ColumnType.NUMBER, Unit.NONE, true, true, 1, r -> r.row().fix()))
                .build();
    }

    /** Reads the registry folder and the rules, checks the cluster and builds the table. */
    public static Table<Row> run(Path registryDir, Params p, Names names, boolean withNames) {
        try {
            RegistryReader.Result reg = RegistryReader.read(registryDir);
            RulesReader.Result rules = p.rules() == null ? RulesReader.project() : RulesReader.read(p.rules());
            String rulesName = p.rules() == null ? RulesReader.PROJECT_RULES_NAME : fileName(p.rules());
            List<Text> warnings = new ArrayList<>(reg.warnings());
            warnings.addAll(rules.warnings());
            return table(reg.registry(), rules.rules(), p, names, withNames, warnings, List.of(),
                    Provenance.Input.file("registry", fileName(registryDir), reg.sha256()),
                    Provenance.Input.file("rules", rulesName, rules.rules().version()), rulesName,
                    used -> Messages.text("compliance.rules", rulesName, rules.rules().version(), used));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The report on the registry of the platform store, with its latest rules version — or the rules file
     * {@code p.rules()} when given, or the project's rules when the store has none (a note says so). The
     * provenance names the store and the rules version used.
     */
    public static Table<Row> runStored(PlatformStore store, Params p, Names names, boolean withNames) {
        try {
            Registry registry = store.registry();
            List<Text> warnings = new ArrayList<>();
            List<Text> notes = new ArrayList<>();
            RuleSet rules;
            String rulesName;
            java.util.function.Function<List<String>, Text> rulesNote;
            if (p.rules() != null) {
                RulesReader.Result r = RulesReader.read(p.rules());
                warnings.addAll(r.warnings());
                rules = r.rules();
                rulesName = fileName(p.rules());
                rulesNote = used -> Messages.text("compliance.rules", rulesName, r.rules().version(), used);
            } else {
                java.util.Optional<RuleSet> stored = store.currentRules();
                if (stored.isPresent()) {
                    rules = stored.get();
                    rulesName = "platform:" + rules.version();
                    rulesNote = used -> Messages.text("compliance.rules.stored", rules.version(), store.location(),
                            rules.rules().size(), used);
                } else {
                    RulesReader.Result r = RulesReader.project();
                    rules = r.rules();
                    rulesName = RulesReader.PROJECT_RULES_NAME;
                    notes.add(Messages.text("compliance.rules.none", store.location()));
                    rulesNote = used -> Messages.text("compliance.rules", rulesName, r.rules().version(), used);
                }
            }
            return table(registry, rules, p, names, withNames, warnings, notes,
                    Provenance.Input.file("registry", "platform store " + store.location(), null),
                    Provenance.Input.file("rules", rulesName, rules.version()), rulesName, rulesNote);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table<Row> table(Registry registry, RuleSet rules, Params p, Names names, boolean withNames,
                                    List<Text> warnings, List<Text> firstNotes, Provenance.Input registryInput,
                                    Provenance.Input rulesInput, String rulesName,
                                    java.util.function.Function<List<String>, Text> rulesNote) {
        ComplianceResult res;
        try {
            res = Compliance.check(registry, p.cluster(), rules, p.asOf(), p.year(), p.includeUnconfirmed());
        } catch (InvalidParameterException e) {
            throw UserException.badParameter("cluster", e.text());
        }
        List<Row> rows = res.rows().stream().map(Row::new).toList();
        List<Text> notes = new ArrayList<>(firstNotes);
        notes.add(rulesNote.apply(used(res.rulesUsed())));
        notes.addAll(res.notes());
        for (ComplianceRow r : res.rows()) if (!r.passed() && r.note() != null) notes.add(r.note());
        notes.add(res.compliant()
                ? Messages.text("compliance.verdict.pass", p.cluster(), p.asOf().toString(), p.year())
                : Messages.text("compliance.verdict.fail", p.cluster(), p.asOf().toString(), p.year(), res.failed()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cluster", p.cluster());
        params.put("as_of", p.asOf().toString());
        params.put("year", p.year());
        params.put("include_unconfirmed", p.includeUnconfirmed());
        params.put("rules", rulesName);
        params.put(rulesName.startsWith("platform:") ? "rules_version" : "rules_sha256", rules.version());
        params.put("rules_used", used(res.rulesUsed()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("compliant", res.compliant());
        summary.put("failed", res.failed());
        summary.put("participants", res.participants());
        return new Table<>(schema(names), rows, withNames,
                new Provenance(ID, List.of(registryInput, rulesInput), params, "thousand RUB"), warnings, notes, summary);
    }

    /** {@code inside_output_share.min_share=0.5 2015-07-31..2018-08-12 V} for each rule row used (no words: any language). */
    static List<String> used(List<Rule> rules) {
        List<String> out = new ArrayList<>();
        for (Rule r : rules) {
            out.add(r.name() + "=" + plain(r.value()) + " " + r.validFrom() + ".." + (r.validTo() == null ? "" : r.validTo())
                    + " " + r.confidence().name());
        }
        return out;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).toPlainString();
    }

    private static String fileName(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
