package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.data.formats.ApplicationReader;
import org.klaster.data.formats.InstrumentsReader;
import org.klaster.data.formats.KeyRateReader;
import org.klaster.finance.Catalogue;
import org.klaster.finance.Eligibility;
import org.klaster.finance.KeyRate;

/**
 * {@code klaster finance eligibility} (docs/methods-finance.md "Eligibility", docs/formats.md §13): an application
 * against every support instrument of the catalogue in force on its date. One row per instrument × rule — the
 * application's value, the rule's threshold, the verdict (pass, fail, confirm, info), the rule's dates, source and
 * confidence, and the reason: for a failure the change that would make it pass — then the instrument's applicable
 * rate (computed from the key rate where tied) and an {@code eligible} row with its verdict.
 */
public final class EligibilityAnalysis {

    public static final String ID = "finance.eligibility";

    private EligibilityAnalysis() {
    }

    /** The catalogue (a file or the project's), the name it goes by and the warnings of reading it. */
    public record CatalogueInput(Catalogue catalogue, String name, List<Text> warnings) {
    }

    /** The key-rate series (a file or the project's), its name and warnings. */
    public record KeyRateInput(KeyRate keyRate, String name, List<Text> warnings) {
    }

    /** The project's files, read once: they are resources and never change while the program runs. */
    private static volatile CatalogueInput projectCatalogue;
    private static volatile KeyRateInput projectKeyRate;

    public static CatalogueInput catalogue(Path rules) {
        if (rules == null && projectCatalogue != null) return projectCatalogue;
        try {
            InstrumentsReader.Result r = rules == null ? InstrumentsReader.project() : InstrumentsReader.read(rules);
            CatalogueInput c = new CatalogueInput(r.catalogue(), rules == null ? InstrumentsReader.PROJECT_NAME : fileName(rules),
                    r.warnings());
            if (rules == null) projectCatalogue = c;
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KeyRateInput keyRate(Path file) {
        if (file == null && projectKeyRate != null) return projectKeyRate;
        try {
            KeyRateReader.Result r = file == null ? KeyRateReader.project() : KeyRateReader.read(file);
            KeyRateInput k = new KeyRateInput(r.keyRate(), file == null ? KeyRateReader.PROJECT_NAME : fileName(file), r.warnings());
            if (file == null) projectKeyRate = k;
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row: one check of one instrument; the names of the instrument in both languages for the name column. */
    public record Row(Catalogue.Instrument instrument, Eligibility.Check check) {
    }

    public static Schema<Row> schema(Names names) {
        Locale locale = names.lang().locale();
        return Schema.<Row>builder(ID, "EligibilityRow")
                .text("instrument", r -> r.instrument().id())
                .name("instrument_name", r -> r.instrument().name(locale))
                .text("rule", r -> r.check().rule())
                .text("verdict", r -> r.check().verdict().name().toLowerCase(Locale.ROOT))
                .optionalFlag("passed", r -> switch (r.check().verdict()) {
                    case PASS -> Boolean.TRUE;
                    case FAIL -> Boolean.FALSE;
                    default -> null;
                })
                .optionalNumber("value", Unit.NONE, 4, r -> r.check().value())
                .optionalNumber("threshold", Unit.NONE, 4, r -> r.check().threshold())
                .text("unit", r -> unit(r.check()))
                .optionalText("value_text", r -> r.check().valueText())
                .optionalText("threshold_text", r -> r.check().thresholdText())
                .optionalText("confidence", r -> r.check().confidence() == null ? null : r.check().confidence().name())
                .optionalText("valid_from", r -> r.check().basis() == null ? null : r.check().basis().validFrom().toString())
                .optionalText("valid_to", r -> r.check().basis() == null || r.check().basis().validTo() == null ? null
                        : r.check().basis().validTo().toString())
                .optionalText("source", r -> r.check().basis() == null ? null : r.check().basis().source())
                .optionalText("reason", r -> r.check().fix() == null ? null : r.check().fix().in(locale))
                .build();
    }

    /** What the value and threshold of a row measure: mln_rub, share, years, rate, flag, count, codes, text. */
    static String unit(Eligibility.Check c) {
        if (c.rule().equals("eligible")) return "count";
        return unit(c.kind());
    }

    static String unit(Catalogue.Kind k) {
        return switch (k) {
            case MONEY -> "mln_rub";
            case SHARE -> "share";
            case YEARS -> "years";
            case RATE -> "rate";
            case FACTOR -> "factor";
            case FLAG -> "flag";
            case CODES -> "codes";
            case TEXT -> "text";
        };
    }

    /**
     * A version of the catalogue saved in the platform store ({@code latest}: the last one), named {@code platform:V};
     * an unknown version is NOT_FOUND naming {@code rules_version}.
     */
    public static CatalogueInput stored(org.klaster.data.store.PlatformStore store, String version) {
        java.util.Optional<Catalogue> c = version == null || version.isBlank() || version.strip().equals("latest")
                ? store.currentInstruments() : store.instruments(version);
        if (c.isEmpty()) {
            throw UserException.notFound("rules_version", Messages.text("finance.instruments.version.none",
                    version == null ? "latest" : Param.shorten(version), store.location()));
        }
        return new CatalogueInput(c.get(), "platform:" + c.get().version(), List.of());
    }

    /** The latest catalogue version of the platform store, or the project's file when none was saved (the web's choice). */
    public static CatalogueInput latest(org.klaster.data.store.PlatformStore store) {
        java.util.Optional<Catalogue> c = store.currentInstruments();
        return c.isPresent() ? new CatalogueInput(c.get(), "platform:" + c.get().version(), List.of()) : catalogue(null);
    }

    /** Reads the application (file, line and column on any problem) and judges it; {@code asOf} overrides its date. */
    public static Table<Row> run(Path application, LocalDate asOf, Path rules, Path keyRateFile, Names names, boolean withNames) {
        return run(application, asOf, catalogue(rules), keyRateFile, names, withNames);
    }

    /** As {@link #run(Path, LocalDate, Path, Path, Names, boolean)} with a catalogue already read (a stored version). */
    public static Table<Row> run(Path application, LocalDate asOf, CatalogueInput c, Path keyRateFile, Names names,
                                 boolean withNames) {
        ApplicationReader.Result app;
        try {
            app = ApplicationReader.read(application, asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KeyRateInput k = keyRate(keyRateFile);
        List<Text> warnings = new ArrayList<>(app.warnings());
        warnings.addAll(c.warnings());
        warnings.addAll(k.warnings());
        return run(app.application(), c, k, names, withNames, warnings,
                Provenance.Input.file("application", fileName(application), app.sha256()));
    }

    /**
     * An application from named values — the API's query parameters, named as the keys of the application file
     * (docs/formats.md §13) — each checked as the file's are, a problem naming its parameter; {@code date} required.
     */
    public static Eligibility.Application application(java.util.function.Function<String, String> get) {
        String inn = blankToNull(get.apply("inn"));
        if (inn != null && !org.klaster.registry.Identifiers.validInn(inn)) {
            throw UserException.badParameter("inn", Messages.text("finance.eligibility.inn", Param.shorten(inn)));
        }
        String okved = blankToNull(get.apply("okved"));
        if (okved != null && !org.klaster.cooperation.IndustryCodes.valid(okved)) {
            throw UserException.badParameter("okved", Messages.text("finance.eligibility.code", Param.shorten(okved)));
        }
        List<String> products = new ArrayList<>();
        String p = blankToNull(get.apply("products"));
        if (p != null) {
            for (String c : p.split("[;,]")) {
                if (c.isBlank()) continue;
                if (!org.klaster.cooperation.IndustryCodes.valid(c.strip())) {
                    throw UserException.badParameter("products", Messages.text("finance.eligibility.code", Param.shorten(c.strip())));
                }
                products.add(c.strip());
            }
        }
        String section = okved == null ? null
                : org.klaster.data.reference.Okved2.sectionOf(okved).map(org.klaster.data.reference.Section::code).orElse(null);
        String purpose = blankToNull(get.apply("purpose"));
        String equipment = blankToNull(get.apply("russian_equipment_share"));
        String priority = blankToNull(get.apply("priority_products"));
        return new Eligibility.Application(inn, okved, section, money("revenue", get), flag("sme", get),
                flag("technology_company", get) || flag("mtk", get), Param.code("region", get.apply("region")),
                flag("cluster_member", get), money("budget", get), money("own_funds", get), money("loan", get),
                money("term", get), purpose == null ? null : purpose.toLowerCase(Locale.ROOT), products,
                priority == null ? null : flag("priority_products", get),
                equipment == null ? Double.NaN : Param.shareOrPercent("russian_equipment_share", equipment),
                ComplianceAnalysis.date("date", get.apply("date")));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static double money(String param, java.util.function.Function<String, String> get) {
        Double d = Param.number(param, get.apply(param));
        return d == null ? Double.NaN : Param.nonNegative(param, d);
    }

    private static boolean flag(String param, java.util.function.Function<String, String> get) {
        String v = blankToNull(get.apply(param));
        if (v == null) return false;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "да" -> true;
            case "false", "0", "no", "нет" -> false;
            default -> throw UserException.badParameter(param, Messages.text("finance.eligibility.flag", Param.shorten(v)));
        };
    }

    /** Judges an application already built (the API's query parameters). */
    public static Table<Row> run(Eligibility.Application a, CatalogueInput c, KeyRateInput k, Names names, boolean withNames,
                                 List<Text> warnings, Provenance.Input applicationInput) {
        List<Eligibility.Result> results;
        try {
            results = Eligibility.check(a, c.catalogue(), k.keyRate());
        } catch (InvalidParameterException e) {
            // the key rate on the application's date is missing: the date is what to change (or extend the series)
            throw UserException.badParameter("as_of", e.text());
        }
        if (results.isEmpty()) {
            throw UserException.impossible(Messages.text("finance.eligibility.none", a.date().toString(), c.name()));
        }
        List<Row> rows = new ArrayList<>();
        List<Text> notes = new ArrayList<>();
        List<String> eligible = new ArrayList<>();
        KeyRate.Change used = null;
        int unconfirmed = 0;
        for (Eligibility.Result r : results) {
            for (Eligibility.Check x : r.checks()) rows.add(new Row(r.instrument(), x));
            if (r.eligible()) eligible.add(r.instrument().id());
            if (r.keyRate() != null) used = r.keyRate();
            unconfirmed += r.unconfirmed();
            notes.add(r.checks().get(r.checks().size() - 1).fix());
        }
        notes.add(0, Messages.text("finance.eligibility.catalogue", c.name(), c.catalogue().version(), a.date().toString(),
                results.size(), eligible.size()));
        if (used != null) {
            notes.add(Messages.text("finance.eligibility.keyrate", k.name(), Text.fixed(100 * used.rate(), 2),
                    used.effective().toString(), used.confidence().name()));
        }
        if (unconfirmed > 0) notes.add(Messages.text("finance.eligibility.unconfirmed", unconfirmed));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("date", a.date().toString());
        params.put("rules", c.name());
        params.put("rules_sha256", c.catalogue().version());
        params.put("key_rate", k.name());
        params.put("key_rate_sha256", k.keyRate().version());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("instruments", results.size());
        summary.put("eligible", String.join(";", eligible));
        if (used != null) {
            summary.put("key_rate_value", used.rate());
            summary.put("key_rate_effective", used.effective().toString());
        }
        List<Provenance.Input> inputs = new ArrayList<>();
        if (applicationInput != null) inputs.add(applicationInput);
        inputs.add(Provenance.Input.file("instruments", c.name(), c.catalogue().version()));
        inputs.add(Provenance.Input.file("key_rate", k.name(), k.keyRate().version()));
        return new Table<>(schema(names), rows, withNames, new Provenance(ID, inputs, params, "million RUB"), warnings, notes,
                summary);
    }

    static String fileName(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
