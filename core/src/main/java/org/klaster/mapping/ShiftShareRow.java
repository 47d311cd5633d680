package org.klaster.mapping;

/**
 * Shift-share of one region × category cell between the base year and the mapped year
 * ({@link ShiftShare}): {@code nationalEffect + industryMix + regionalEffect = change} up to rounding.
 *
 * @param employmentBase E_rc(t0)
 * @param change         E_rc(t1) − E_rc(t0)
 * @param nationalEffect E_rc(t0) · g
 * @param industryMix    E_rc(t0) · (g_c − g)
 * @param regionalEffect E_rc(t0) · (g_rc − g_c); the whole change when E_rc(t0) = 0
 */
public record ShiftShareRow(double employmentBase, double change, double nationalEffect,
                            double industryMix, double regionalEffect) {
}
