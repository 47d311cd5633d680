package org.klaster.registry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated parameter of a requirement, one row of the rules file
 * ({@code rule,parameter,value,valid_from,valid_to,source,confidence}).
 *
 * @param rule       the requirement, e.g. {@code inside_output_share} ({@link Requirement})
 * @param parameter  e.g. {@code min_share}
 * @param value      shares are fractions (0.2), counts whole numbers, years whole numbers
 * @param validTo    the last day it applies, or null when open
 * @param source     where it is stated (a URL and a short citation)
 */
public record Rule(String rule, String parameter, double value, LocalDate validFrom, LocalDate validTo, String source,
                  Confidence confidence) {

    public Rule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(confidence, "confidence");
        source = source == null ? "" : source;
    }

    /** Whether it applies on {@code day}: valid_from ≤ day ≤ valid_to (an open valid_to never ends). */
    public boolean inForce(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** {@code rule.parameter}. */
    public String name() {
        return rule + "." + parameter;
    }
}
