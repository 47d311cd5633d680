package org.klaster.registry;

import java.util.regex.Pattern;

/**
 * Check digits of Russian company numbers, as the Federal Tax Service defines them (docs/methods-registry.md):
 * <ul>
 * <li>INN of a legal entity, 10 digits: c = (Σ w·d over the first 9 digits mod 11) mod 10, w = 2 4 10 3 5 9 4 6 8;</li>
 * <li>INN of an individual, 12 digits: two check digits, the 11th with w = 7 2 4 10 3 5 9 4 6 8 over the first 10,
 *     the 12th with w = 3 7 2 4 10 3 5 9 4 6 8 over the first 11;</li>
 * <li>OGRN, 13 digits: (the first 12 as a number mod 11) mod 10 = the 13th;</li>
 * <li>OGRNIP, 15 digits: (the first 14 as a number mod 13) mod 10 = the 15th;</li>
 * <li>KPP, 9 characters: 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits.</li>
 * </ul>
 * Only ASCII digits count; anything else (spaces, letters, a leading sign) is not a valid number.
 */
public final class Identifiers {

    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12_12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final Pattern KPP = Pattern.compile("[0-9]{4}[0-9A-Z]{2}[0-9]{3}");

    private Identifiers() {
    }

    /** Whether {@code inn} is a 10- or 12-digit INN with valid check digits. */
    public static boolean validInn(String inn) {
        if (!digits(inn)) return false;
        if (inn.length() == 10) return check(inn, INN10) == digit(inn, 9);
        if (inn.length() == 12) return check(inn, INN12_11) == digit(inn, 10) && check(inn, INN12_12) == digit(inn, 11);
        return false;
    }

    /** Whether {@code ogrn} is a 13-digit OGRN or a 15-digit OGRNIP with a valid check digit. */
    public static boolean validOgrn(String ogrn) {
        if (!digits(ogrn)) return false;
        if (ogrn.length() == 13) return Long.parseLong(ogrn.substring(0, 12)) % 11 % 10 == digit(ogrn, 12);
        if (ogrn.length() == 15) return Long.parseLong(ogrn.substring(0, 14)) % 13 % 10 == digit(ogrn, 14);
        return false;
    }

    /** Whether {@code kpp} has the KPP layout (it has no check digit). */
    public static boolean validKpp(String kpp) {
        return kpp != null && KPP.matcher(kpp).matches();
    }

    /** The check digit of a 10-digit INN from its first nine digits (generators, tests). */
    public static int innCheckDigit(String firstNine) {
        if (firstNine.length() != 9 || !digits(firstNine)) throw new IllegalArgumentException("nine digits expected");
        return check(firstNine, INN10);
    }

    /** The check digit of a 13-digit OGRN from its first twelve digits. */
    public static int ogrnCheckDigit(String firstTwelve) {
        if (firstTwelve.length() != 12 || !digits(firstTwelve)) throw new IllegalArgumentException("twelve digits expected");
        return (int) (Long.parseLong(firstTwelve) % 11 % 10);
    }

    private static int check(String s, int[] w) {
        int sum = 0;
        for (int i = 0; i < w.length; i++) sum += w[i] * digit(s, i);
        return sum % 11 % 10;
    }

    private static int digit(String s, int i) {
        return s.charAt(i) - '0';
    }

    private static boolean digits(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
