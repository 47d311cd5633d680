package org.klaster.app.analysis;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.finance.Catalogue;
import org.klaster.finance.Eligibility;
import org.klaster.finance.InstrumentRule;

/**
 * {@code klaster finance instruments} (docs/methods-finance.md "Instrument catalogue"): the catalogue as of a day —
 * one row per instrument × parameter in force, with its value, dates, source and confidence — and, for an instrument
 * whose rate is tied to the key rate, a computed {@code rate_applicable} row (the plain terms, not a technology
 * company's) whose {@code value_text} shows the computation. With {@code all}, every row of the catalogue.
 */
public final class InstrumentsAnalysis {

    public static final String ID = "finance.instruments";
    public static final String APPLICABLE = "rate_applicable";

    private InstrumentsAnalysis() {
    }

    /** A parameter row of the catalogue, or a computed rate ({@code computed} non-null). */
    public record Row(String instrument, String nameRu, String nameEn, InstrumentRule rule, Eligibility.Rate computed) {
    }

    public static Schema<Row> schema(Names names) {
        Locale locale = names.lang().locale();
        boolean ru = locale.getLanguage().equals("ru");
        return Schema.<Row>builder(ID, "InstrumentRow")
                .text("instrument", Row::instrument)
                .name("instrument_name", r -> ru ? first(r.nameRu(), r.nameEn(), r.instrument()) : first(r.nameEn(), r.nameRu(), r.instrument()))
                .text("parameter", r -> r.computed() != null ? APPLICABLE : r.rule().parameter())
                .optionalNumber("value", Unit.NONE, 4, r -> r.computed() != null ? r.computed().rate() : r.rule().value())
                .optionalText("value_text", r -> r.computed() != null ? r.computed().how().in(locale)
                        : Double.isNaN(r.rule().value()) ? r.rule().text() : null)
                .text("unit", r -> r.computed() != null ? "rate" : EligibilityAnalysis.unit(Catalogue.kind(r.rule().parameter())))
                .optionalText("valid_from", r -> r.computed() != null ? r.computed().keyRate().effective().toString()
                        : r.rule().validFrom().toString())
                .optionalText("valid_to", r -> r.computed() != null || r.rule().validTo() == null ? null : r.rule().validTo().toString())
                .optionalText("source", r -> r.computed() != null ? Messages.text("finance.instruments.computed").in(locale)
                        : r.rule().source())
                .text("confidence", r -> r.computed() != null ? r.computed().confidence().name() : r.rule().confidence().name())
                .build();
    }

    private static String first(String... s) {
        for (String x : s) if (x != null) return x;
        return "";
    }

    /**
     * @param asOf the day (ignored with {@code all})
     */
    public static Table<Row> run(Path rules, Path keyRateFile, LocalDate asOf, boolean all, Names names, boolean withNames) {
        return run(EligibilityAnalysis.catalogue(rules), keyRateFile, asOf, all, names, withNames);
    }

    /** As {@link #run(Path, Path, LocalDate, boolean, Names, boolean)} with a catalogue already read (a stored version). */
    public static Table<Row> run(EligibilityAnalysis.CatalogueInput c, Path keyRateFile, LocalDate asOf, boolean all, Names names,
                                 boolean withNames) {
        List<Text> warnings = new ArrayList<>(c.warnings());
        List<Row> rows = new ArrayList<>();
        List<Text> notes = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rules", c.name());
        params.put("rules_sha256", c.catalogue().version());
        List<Provenance.Input> inputs = new ArrayList<>();
        inputs.add(Provenance.Input.file("instruments", c.name(), c.catalogue().version()));
        if (all) {
            Map<String, String[]> namesOf = new LinkedHashMap<>();
            for (InstrumentRule r : c.catalogue().rules()) {
                String[] n = namesOf.computeIfAbsent(r.instrument(), x -> new String[2]);
                if (r.parameter().equals("name_ru")) n[0] = r.text();
                if (r.parameter().equals("name_en")) n[1] = r.text();
            }
            for (InstrumentRule r : c.catalogue().rules()) {
                String[] n = namesOf.get(r.instrument());
                rows.add(new Row(r.instrument(), n[0], n[1], r, null));
            }
            notes.add(Messages.text("finance.instruments.all", c.name(), c.catalogue().rules().size(),
                    c.catalogue().instruments().size()));
        } else {
            EligibilityAnalysis.KeyRateInput k = EligibilityAnalysis.keyRate(keyRateFile);
            warnings.addAll(k.warnings());
            inputs.add(Provenance.Input.file("key_rate", k.name(), k.keyRate().version()));
            params.put("as_of", asOf.toString());
            params.put("key_rate", k.name());
            List<Catalogue.Instrument> offered = c.catalogue().asOf(asOf);
            if (offered.isEmpty()) {
                throw UserException.impossible(Messages.text("finance.eligibility.none", asOf.toString(), c.name()));
            }
            // the plain terms: a manufacturer that is not a technology company, with nothing else given
            Eligibility.Application plain = new Eligibility.Application(null, null, null, Double.NaN, false, false, null, false,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, List.of(), null, Double.NaN, asOf);
            for (Catalogue.Instrument in : offered) {
                String ru = in.rule("name_ru") == null ? null : in.rule("name_ru").text();
                String en = in.rule("name_en") == null ? null : in.rule("name_en").text();
                for (InstrumentRule r : in.parameters().values()) rows.add(new Row(in.id(), ru, en, r, null));
                if (in.rule("rate_kr_multiplier") != null) {
                    Eligibility.Rate rate;
                    try {
                        rate = Eligibility.rate(in, plain, k.keyRate());
                    } catch (InvalidParameterException e) {
                        throw UserException.badParameter("as_of", e.text());
                    }
                    if (rate != null) rows.add(new Row(in.id(), ru, en, in.rule("rate"), rate));
                }
            }
            notes.add(Messages.text("finance.instruments.asof", c.name(), asOf.toString(), offered.size()));
        }
        params.put("all", all);
        return new Table<>(schema(names), rows, withNames, new Provenance(ID, inputs, params, "million RUB"), warnings, notes);
    }
}
