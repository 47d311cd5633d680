package org.klaster.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The requirements the engine knows and the parameters of each, named exactly as in methods.md §5 and
 * the rules file. A rules file may name nothing else.
 */
public enum Requirement {
    /** Each participant is party to at least {@code min_contracts} inside contracts. */
    CONTRACT_LINK(List.of("min_contracts"), List.of()),
    /** Each participant with output sells at least {@code min_share} of it inside the cluster. */
    INSIDE_OUTPUT_SHARE(List.of("min_share"), List.of()),
    /** Final producers buy at least {@code min_share} inside ({@code min_share_special} with enough special-territory participants). */
    FUNCTIONAL_DEPENDENCE(List.of("min_share"), List.of("min_share_special", "special_share")),
    /** Up to {@code max} newcomers of the last {@code grace_years} are exempt from the per-participant rules. */
    NEWCOMERS(List.of("max", "grace_years"), List.of()),
    /** At least {@code min} participants of type enterprise. */
    MIN_PARTICIPANTS(List.of("min"), List.of());

    private final List<String> required;
    private final List<String> optional;

    Requirement(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** The rule name in files and output: {@code contract_link}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parameters without which the requirement is not applied. */
    public List<String> required() {
        return required;
    }

    /** Parameters that refine it (both of {@link #FUNCTIONAL_DEPENDENCE}'s special condition). */
    public List<String> optional() {
        return optional;
    }

    public List<String> parameters() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }

    /** The requirement named {@code rule}, or null. */
    public static Requirement parse(String rule) {
        for (Requirement r : values()) if (r.code().equals(rule)) return r;
        return null;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Requirement::code).toList();
    }

    /**
     * Whether the parameter is a share (a fraction in [0, 1]); the others are whole numbers ≥ 0
     * (counts and years).
     */
    public boolean isShare(String parameter) {
        return parameter.startsWith("min_share") || parameter.equals("special_share");
    }
}
