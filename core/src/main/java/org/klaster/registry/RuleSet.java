package org.klaster.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * A versioned set of dated rules: every row of a rules file. {@link #inForce} answers which value of
 * each {@code rule.parameter} applies on a day.
 *
 * @param version names this version of the rules (the rules file's SHA-256), carried into every report
 */
public record RuleSet(List<Rule> rules, String version) {

    public RuleSet {
        rules = List.copyOf(rules);
        version = version == null ? "" : version;
        for (Rule r : rules) {
            Requirement q = Requirement.parse(r.rule());
            if (q == null || !q.parameters().contains(r.parameter())) {
                throw new InvalidParameterException(Text.core("registry.rule.unknown", r.name()));
            }
        }
        // two rows of one parameter that both apply on some day would make the answer depend on file order
        for (int i = 0; i < rules.size(); i++) {
            for (int j = i + 1; j < rules.size(); j++) {
                Rule a = rules.get(i);
                Rule b = rules.get(j);
                if (a.name().equals(b.name()) && overlap(a, b)) {
                    throw new InvalidParameterException(Text.core("registry.rule.overlap", a.name(),
                            a.validFrom().toString(), b.validFrom().toString()));
                }
            }
        }
    }

    /** Whether two rows share at least one day. */
    public static boolean overlap(Rule a, Rule b) {
        boolean aEndsBeforeB = a.validTo() != null && a.validTo().isBefore(b.validFrom());
        boolean bEndsBeforeA = b.validTo() != null && b.validTo().isBefore(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    /**
     * The rows in force on {@code day}, by {@code rule.parameter}; unconfirmed ({@link Confidence#M})
     * rows are left out unless {@code includeUnconfirmed}.
     */
    public Map<String, Rule> inForce(LocalDate day, boolean includeUnconfirmed) {
        Objects.requireNonNull(day, "day");
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (!r.inForce(day)) continue;
            if (!includeUnconfirmed && r.confidence().unconfirmed()) continue;
            m.put(r.name(), r);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The rows left out on {@code day} because they are unconfirmed (to tell the reader). */
    public List<Rule> unconfirmedOn(LocalDate day) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) if (r.inForce(day) && r.confidence().unconfirmed()) out.add(r);
        return out;
    }
}
