package org.klaster.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.registry.RuleSet;

/**
 * The catalogue of support instruments: every dated parameter of every instrument (docs/methods-finance.md,
 * "Instrument catalogue"). Which parameters exist, and what each measures, is fixed here ({@link #PARAMETERS});
 * their values, dates and sources are data. Rates tied to the key rate are stored as the parts of their formula
 * ({@code rate}, {@code rate_kr_multiplier}, {@code rate_kr_threshold}), never as a rate.
 *
 * @param version names this version of the catalogue (the file's SHA-256), carried into every report
 */
public record Catalogue(List<InstrumentRule> rules, String version) {

    /** What a parameter's value is. */
    public enum Kind {
        /** Free text (names, conditions to confirm). */
        TEXT,
        /** {@code ;}-separated codes (OKVED2 sections or prefixes, purposes). */
        CODES,
        /** Million RUB. */
        MONEY,
        /** A fraction in [0, 1]. */
        SHARE,
        /** Whole years. */
        YEARS,
        /** An annual rate, a fraction (0.05 = 5 %). */
        RATE,
        /** A multiplier ≥ 0 (of the key rate). */
        FACTOR,
        /** 1 = required, 0 = not. */
        FLAG
    }

    /** The parameters the engine knows; {@code condition_*} (any suffix) are {@link Kind#TEXT} conditions to confirm. */
    public static final Map<String, Kind> PARAMETERS;

    static {
        Map<String, Kind> m = new LinkedHashMap<>();
        m.put("name_ru", Kind.TEXT);
        m.put("name_en", Kind.TEXT);
        m.put("loan_min", Kind.MONEY);
        m.put("loan_max", Kind.MONEY);
        m.put("budget_min", Kind.MONEY);
        m.put("loan_share_max", Kind.SHARE);
        m.put("own_funds_min_share_of_loan", Kind.SHARE);
        m.put("term_max", Kind.YEARS);
        m.put("revenue_max", Kind.MONEY);
        m.put("revenue_max_tech", Kind.MONEY);
        m.put("okved_sections", Kind.CODES);
        m.put("okved_excluded", Kind.CODES);
        m.put("purposes", Kind.CODES);
        m.put("cluster_member", Kind.FLAG);
        m.put("priority_products", Kind.FLAG);
        m.put("rate", Kind.RATE);
        m.put("rate_tech", Kind.RATE);
        m.put("rate_kr_multiplier", Kind.FACTOR);
        m.put("rate_kr_threshold", Kind.RATE);
        m.put("rate_reduction", Kind.RATE);
        m.put("rate_reduction_equipment_share", Kind.SHARE);
        m.put("rate_first_years", Kind.YEARS);
        m.put("rate_after", Kind.RATE);
        m.put("subsidised_years_after_investment", Kind.YEARS);
        m.put("subsidy_share_max", Kind.SHARE);
        m.put("subsidy_max", Kind.MONEY);
        PARAMETERS = Collections.unmodifiableMap(m);
    }

    public static final String CONDITION = "condition_";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public Catalogue {
        rules = List.copyOf(rules);
        version = version == null ? "" : version;
        for (InstrumentRule r : rules) {
            if (!ID.matcher(r.instrument()).matches()) {
                throw new InvalidParameterException(Text.core("finance.catalogue.id", r.instrument()));
            }
            Kind k = kind(r.parameter());
            if (k == null) throw new InvalidParameterException(Text.core("finance.catalogue.parameter", r.name()));
            if (k != Kind.TEXT && k != Kind.CODES && !valid(k, r.value())) {
                throw new InvalidParameterException(Text.core("finance.catalogue.value", r.name(), r.text()));
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                InstrumentRule a = rules.get(i);
                InstrumentRule b = rules.get(j);
                if (a.name().equals(b.name()) && overlap(a, b)) {
                    throw new InvalidParameterException(Text.core("finance.catalogue.overlap", a.name(),
                            a.validFrom().toString(), b.validFrom().toString()));
                }
            }
        }
    }

    /** The kind of a parameter, or null when the engine does not know it. */
    public static Kind kind(String parameter) {
        if (parameter == null) return null;
        if (parameter.startsWith(CONDITION) && parameter.length() > CONDITION.length()
                && ID.matcher(parameter).matches()) {
            return Kind.TEXT;
        }
        return PARAMETERS.get(parameter);
    }

    /** Whether a number is in the domain of its kind (shares in [0, 1], years and flags whole, rates in [0, 1]). */
    public static boolean valid(Kind k, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) return false;
        return switch (k) {
            case SHARE, RATE -> v <= 1;
            case YEARS -> v == Math.rint(v) && v <= 100;
            case FLAG -> v == 0 || v == 1;
            case FACTOR -> v <= 100;
            case MONEY -> v <= 1e9;
            case TEXT, CODES -> true;
        };
    }

    /** Whether two rows share at least one day (the registry's rule, one definition). */
    public static boolean overlap(InstrumentRule a, InstrumentRule b) {
        return RuleSet.overlap(new org.klaster.registry.Rule(a.instrument(), a.parameter(), 0, a.validFrom(), a.validTo(), "",
                a.confidence()), new org.klaster.registry.Rule(b.instrument(), b.parameter(), 0, b.validFrom(), b.validTo(), "",
                b.confidence()));
    }

    /** The instruments in the order they first appear. */
    public List<String> instruments() {
        Set<String> s = new LinkedHashSet<>();
        for (InstrumentRule r : rules) s.add(r.instrument());
        return new ArrayList<>(s);
    }

    /**
     * The instruments offered on {@code day} with their parameters in force, in catalogue order: an instrument is
     * offered when at least one parameter other than its names is in force.
     */
    public List<Instrument> asOf(LocalDate day) {
        Objects.requireNonNull(day, "day");
        List<Instrument> out = new ArrayList<>();
        for (String id : instruments()) {
            Map<String, InstrumentRule> m = new LinkedHashMap<>();
            boolean offered = false;
            for (InstrumentRule r : rules) {
                if (!r.instrument().equals(id) || !r.inForce(day)) continue;
                m.put(r.parameter(), r);
                if (!r.parameter().startsWith("name_")) offered = true;
            }
            if (offered) out.add(new Instrument(id, m));
        }
        return out;
    }

    /** One instrument as of a day: its parameters in force, by name. */
    public record Instrument(String id, Map<String, InstrumentRule> parameters) {

        public Instrument {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        public InstrumentRule rule(String parameter) {
            return parameters.get(parameter);
        }

        /** The number of a parameter in force, or null. */
        public Double number(String parameter) {
            InstrumentRule r = parameters.get(parameter);
            return r == null ? null : r.value();
        }

        /** The codes of a {@link Kind#CODES} parameter in force (trimmed, lower-cased purposes keep their case), or null. */
        public List<String> codes(String parameter) {
            InstrumentRule r = parameters.get(parameter);
            if (r == null) return null;
            List<String> out = new ArrayList<>();
            for (String s : r.text().split(";")) if (!s.isBlank()) out.add(s.strip());
            return out;
        }

        /** The name in a language (ru or en), else the other one, else the id. */
        public String name(Locale locale) {
            String first = locale.getLanguage().equals("ru") ? "name_ru" : "name_en";
            String second = first.equals("name_ru") ? "name_en" : "name_ru";
            InstrumentRule r = parameters.containsKey(first) ? parameters.get(first) : parameters.get(second);
            return r == null ? id : r.text();
        }
    }
}
