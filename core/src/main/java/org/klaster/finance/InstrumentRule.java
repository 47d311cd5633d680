package org.klaster.finance;

import java.time.LocalDate;
import java.util.Objects;
import org.klaster.registry.Confidence;

/**
 * One dated parameter of a support instrument, one row of the instrument catalogue in the rules file format
 * ({@code rule,parameter,value,valid_from,valid_to,source,confidence}, the rule being the instrument's id).
 *
 * @param value     the number of a numeric parameter ({@link Catalogue#kind}); NaN for a text one
 * @param text      the value as written (codes, names, conditions; the number as written for numeric ones)
 * @param validTo   the last day it applies, or null when open
 */
public record InstrumentRule(String instrument, String parameter, double value, String text, LocalDate validFrom,
                             LocalDate validTo, String source, Confidence confidence) {

    public InstrumentRule {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(confidence, "confidence");
        text = text == null ? "" : text;
        source = source == null ? "" : source;
    }

    /** A numeric parameter. */
    public static InstrumentRule number(String instrument, String parameter, double value, LocalDate from, LocalDate to,
                                        String source, Confidence confidence) {
        return new InstrumentRule(instrument, parameter, value, plain(value), from, to, source, confidence);
    }

    /** Whether it applies on {@code day}: valid_from ≤ day ≤ valid_to (an open valid_to never ends). */
    public boolean inForce(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    /** {@code instrument.parameter}. */
    public String name() {
        return instrument + "." + parameter;
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).toPlainString();
    }
}
