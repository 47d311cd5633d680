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

/**
 * Registry → compliance: does a cluster meet the Decree 779 requirements in force on a day, judged on the
 * facts of a year (methods.md §5, docs/methods-registry.md). One row per requirement × subject with the
 * columns of the command contract; the reason and smallest fix of a failed row (and the exemption of a
 * newcomer) are the {@code note} column and the numeric {@code fix} column of a named table, and a note
 * of the table (the CLI prints notes on stderr). The provenance names the rules version: the rules file's
 * SHA-256 and the valid_from of every rule row used.
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

    /** A required ISO date within 1900–2100, or BAD_PARAMETER naming {@code param}. */
    public static LocalDate date(String param, String v) {
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
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("rules", rulesName);
            params.put("rules_sha256", rules.rules().version());
            List<Provenance.Input> inputs = List.of(
                    Provenance.Input.file("registry", fileName(registryDir), reg.sha256()),
                    Provenance.Input.file("rules", rulesName, rules.rules().version()));
            return check(reg.registry(), rules.rules(), Messages.text("compliance.rules", rulesName, rules.rules().version(),
                    List.of()), params, inputs, warnings, p, names, withNames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a cluster of a registry already read (the platform store's) against a rules version.
     *
     * @param rulesVersion the version id the rules were saved under ({@code RuleSet.version()}), named in the
     *                     provenance and the notes; null when they are the project's own file (rules-779.csv)
     * @param registry     the registry input as the provenance names it (a store, synthetic or not)
     */
    public static Table<Row> run(Registry reg, RuleSet rules, String rulesVersion, Provenance.Input registry, Params p,
                                 Names names, boolean withNames) {
        Map<String, Object> params = new LinkedHashMap<>();
        Provenance.Input rulesInput;
        Text rulesNote;
        if (rulesVersion == null) {
            params.put("rules", RulesReader.PROJECT_RULES_NAME);
            params.put("rules_sha256", rules.version());
            rulesInput = Provenance.Input.file("rules", RulesReader.PROJECT_RULES_NAME, rules.version());
            rulesNote = Messages.text("compliance.rules", RulesReader.PROJECT_RULES_NAME, rules.version(), List.of());
        } else {
            params.put("rules_version", rulesVersion);
            rulesInput = new Provenance.Input("rules_version", null, rulesVersion, null, false, null);
            rulesNote = Messages.text("compliance.rulesVersion", rulesVersion, List.of());
        }
        return check(reg, rules, rulesNote, params, List.of(registry, rulesInput), List.of(), p, names, withNames);
    }

    /** The check and the table; {@code rulesNote} is completed with the rule rows used. */
    private static Table<Row> check(Registry reg, RuleSet rules, Text rulesNote, Map<String, Object> rulesParams,
                                    List<Provenance.Input> inputs, List<Text> warnings, Params p, Names names,
                                    boolean withNames) {
        ComplianceResult res;
        try {
            res = Compliance.check(reg, p.cluster(), rules, p.asOf(), p.year(), p.includeUnconfirmed());
        } catch (InvalidParameterException e) {
            throw UserException.badParameter("cluster", e.text());
        }
        List<Row> rows = res.rows().stream().map(Row::new).toList();
        List<Text> notes = new ArrayList<>();
        Object[] args = rulesNote.args().toArray();
        args[args.length - 1] = used(res.rulesUsed());
        notes.add(Messages.text(rulesNote.key(), args));
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
        params.putAll(rulesParams);
        params.put("rules_used", used(res.rulesUsed()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("compliant", res.compliant());
        summary.put("failed", res.failed());
        summary.put("participants", res.participants());
        return new Table<>(schema(names), rows, withNames, new Provenance(ID, inputs, params, "thousand RUB"), warnings,
                notes, summary);
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
