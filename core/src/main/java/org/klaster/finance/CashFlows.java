package org.klaster.finance;

import java.util.ArrayList;
import java.util.List;

/**
 * A project's yearly cash flows c_t (t = 0 … T; investment negative): net present value, internal rate of return,
 * discounted payback and the debt service coverage ratio (docs/methods-finance.md, "Project economics").
 */
public final class CashFlows {

    private CashFlows() {
    }

    /** NPV at rate d: Σ_t c_t / (1 + d)^t, the first flow undiscounted (the spreadsheet's c_0 + NPV(d, c_1 … c_T)). */
    public static double npv(double d, double[] c) {
        if (!(d > -1)) throw new IllegalArgumentException("rate must be > -1: " + d);
        double v = 0;
        double f = 1;
        for (double x : c) {
            v += x / f;
            f *= 1 + d;
        }
        return v;
    }

    /** What the IRR is: one rate, none, or several (then the rates found, for the reader to judge). */
    public enum IrrKind { ONE, NONE, SEVERAL }

    public record Irr(IrrKind kind, double rate, List<Double> rates, int signChanges) {
    }

    /** How often the sign changes along the flows, zeros skipped. */
    public static int signChanges(double[] c) {
        int changes = 0;
        double last = 0;
        for (double x : c) {
            if (x == 0) continue;
            if (last != 0 && Math.signum(x) != Math.signum(last)) changes++;
            last = x;
        }
        return changes;
    }

    /**
     * The rate where NPV = 0. With exactly one sign change there is exactly one rate above −100 % (Descartes' rule
     * on 1/(1 + r)): found by bisection on NPV's bracket to 1e-12. With none there is none; with more, the rates
     * where NPV changes sign on a fine grid of (−99 %, 1000 %] are given and the kind is SEVERAL (or NONE when the
     * grid finds none), since no single rate describes such a project.
     */
    public static Irr irr(double[] c) {
        int changes = signChanges(c);
        if (changes == 0) return new Irr(IrrKind.NONE, Double.NaN, List.of(), 0);
        List<Double> roots = new ArrayList<>();
        // the grid in x = ln(1 + r): even steps over small and large rates
        double lo = Math.log(0.01);
        double hi = Math.log(11);
        int steps = 4000;
        double prevR = Math.expm1(lo);
        double prev = npv(prevR, c);
        for (int s = 1; s <= steps; s++) {
            double r = Math.expm1(lo + (hi - lo) * s / steps);
            double v = npv(r, c);
            if (prev == 0) {
                roots.add(prevR);
            } else if (Math.signum(v) != Math.signum(prev) && v != 0) {
                roots.add(bisect(c, prevR, r));
            }
            prev = v;
            prevR = r;
        }
        if (prev == 0) roots.add(prevR);
        if (changes == 1) {
            return roots.isEmpty() ? new Irr(IrrKind.NONE, Double.NaN, List.of(), 1)
                    : new Irr(IrrKind.ONE, roots.get(0), List.of(roots.get(0)), 1);
        }
        if (roots.size() == 1) return new Irr(IrrKind.ONE, roots.get(0), List.copyOf(roots), changes);
        return new Irr(roots.isEmpty() ? IrrKind.NONE : IrrKind.SEVERAL, Double.NaN, List.copyOf(roots), changes);
    }

    private static double bisect(double[] c, double a, double b) {
        double fa = npv(a, c);
        for (int k = 0; k < 200 && b - a > 1e-13 * Math.max(1, Math.abs(a)); k++) {
            double m = 0.5 * (a + b);
            double fm = npv(m, c);
            if (fm == 0) return m;
            if (Math.signum(fm) == Math.signum(fa)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    /**
     * Discounted payback: the first time the cumulative discounted flow reaches zero, in years from t = 0, with
     * linear interpolation inside the year it turns; NaN when it never does.
     */
    public static double discountedPayback(double d, double[] c) {
        double cum = 0;
        double f = 1;
        for (int t = 0; t < c.length; t++) {
            double v = c[t] / f;
            if (cum < 0 && cum + v >= 0) return t - 1 + (-cum) / v;
            cum += v;
            if (t == 0 && cum >= 0) return 0;
            f *= 1 + d;
        }
        return Double.NaN;
    }

    /**
     * DSCR_t = cash flow available for debt service_t / debt service_t (interest + principal of the year); NaN in a
     * year without debt service.
     */
    public static double[] dscr(double[] available, double[] debtService) {
        if (available.length != debtService.length) throw new IllegalArgumentException("lengths differ");
        double[] out = new double[available.length];
        for (int t = 0; t < out.length; t++) out[t] = debtService[t] > 0 ? available[t] / debtService[t] : Double.NaN;
        return out;
    }

    /** A schedule's debt service by year (years 1 … N: the periods of each year summed). */
    public static double[] debtServiceByYear(List<Loans.Period> schedule, int paymentsPerYear) {
        int years = (schedule.size() + paymentsPerYear - 1) / paymentsPerYear;
        double[] out = new double[years];
        for (Loans.Period p : schedule) out[(p.period() - 1) / paymentsPerYear] += p.payment();
        return out;
    }
}
