package org.klaster.registry;

/**
 * How sure the project is of a rule (the marks of the policy notes): {@code V} a source states it,
 * {@code S} one secondary source, {@code C} sources disagree, {@code M} unconfirmed. Ordered from the
 * strongest to the weakest.
 */
public enum Confidence {
    V, S, C, M;

    /** {@code V}, {@code [V]}, {@code v} → V; anything else → null. */
    public static Confidence parse(String mark) {
        if (mark == null) return null;
        String s = mark.strip();
        if (s.length() == 3 && s.charAt(0) == '[' && s.charAt(2) == ']') s = s.substring(1, 2);
        for (Confidence c : values()) if (c.name().equalsIgnoreCase(s)) return c;
        return null;
    }

    /** Whether the rule is unconfirmed (the caller may switch such rules off). */
    public boolean unconfirmed() {
        return this == M;
    }

    /** The weaker of two marks. */
    public static Confidence weaker(Confidence a, Confidence b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
