package org.klaster.finance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Loan repayment schedules and the value of an interest subsidy (docs/methods-finance.md, "Loans"). Pure functions
 * on numbers; money in any one unit.
 *
 * <p>A loan of amount A runs N years with p payments a year; during G grace years only interest is paid, then
 * n = (N − G)·p amortising periods follow. The periodic rate of period k is R/p with R the annual rate of the
 * {@link RateStep} in force when the period starts, so "1 % for 3 years, then 5 %" is two steps.
 */
public final class Loans {

    private Loans() {
    }

    public enum Method {
        /** Equal payments; at every rate step the payment is re-computed on the remaining balance and periods. */
        ANNUITY,
        /** Equal principal A/n each amortising period, plus interest on the opening balance. */
        EQUAL_PRINCIPAL
    }

    /** An annual rate (a fraction: 0.05 = 5 %) in force from the start of year {@code fromYear} (0 = the first). */
    public record RateStep(int fromYear, double rate) {
    }

    /** What a loan is: amount, rate steps (the first from year 0), term, grace, method, payments a year. */
    public record Terms(double amount, List<RateStep> rates, int years, int graceYears, Method method, int paymentsPerYear) {

        public Terms {
            if (!(amount > 0) || Double.isInfinite(amount)) throw invalid("finance.loan.amount", amount);
            if (years < 1 || years > 100) throw invalid("finance.loan.years", years);
            if (graceYears < 0 || graceYears >= years) throw invalid("finance.loan.grace", graceYears, years);
            if (paymentsPerYear < 1 || paymentsPerYear > 365) throw invalid("finance.loan.per.year", paymentsPerYear);
            if (rates == null || rates.isEmpty()) throw invalid("finance.loan.no.rate");
            List<RateStep> sorted = new ArrayList<>(rates);
            sorted.sort(Comparator.comparingInt(RateStep::fromYear));
            if (sorted.get(0).fromYear() != 0) throw invalid("finance.loan.first.step", sorted.get(0).fromYear());
            for (int k = 0; k < sorted.size(); k++) {
                RateStep s = sorted.get(k);
                if (!(s.rate() >= 0) || s.rate() > 10) throw invalid("finance.loan.rate", s.rate());
                if (s.fromYear() >= years) throw invalid("finance.loan.step.after.end", s.fromYear(), years);
                if (k > 0 && sorted.get(k - 1).fromYear() == s.fromYear()) throw invalid("finance.loan.step.twice", s.fromYear());
            }
            rates = List.copyOf(sorted);
            java.util.Objects.requireNonNull(method, "method");
        }

        /** One rate for the whole term. */
        public static Terms of(double amount, double rate, int years, int graceYears, Method method, int paymentsPerYear) {
            return new Terms(amount, List.of(new RateStep(0, rate)), years, graceYears, method, paymentsPerYear);
        }

        /** The same loan at another single rate (the market loan a subsidy is measured against). */
        public Terms at(double rate) {
            return new Terms(amount, List.of(new RateStep(0, rate)), years, graceYears, method, paymentsPerYear);
        }

        public int periods() {
            return years * paymentsPerYear;
        }

        public int gracePeriods() {
            return graceYears * paymentsPerYear;
        }

        /** The annual rate of period k (1-based): the last step starting at or before the period's start. */
        public double annualRate(int k) {
            double r = rates.get(0).rate();
            for (RateStep s : rates) if ((long) s.fromYear() * paymentsPerYear <= k - 1) r = s.rate();
            return r;
        }
    }

    private static InvalidParameterException invalid(String key, Object... args) {
        return new InvalidParameterException(Text.core(key, args));
    }

    /** One period of a schedule: payment = interest + principal; closing = opening − principal. */
    public record Period(int period, double opening, double interest, double principal, double payment, double closing) {
    }

    /**
     * The level payment that repays {@code balance} over {@code n} periods at periodic rate {@code i}: B·i / (1 − (1 + i)^−n),
     * or B/n at i = 0 (the spreadsheet's PMT(i, n, −B)).
     */
    public static double annuityPayment(double balance, double i, int n) {
        if (n < 1) throw new IllegalArgumentException("n < 1");
        if (i == 0) return balance / n;
        return balance * i / -Math.expm1(-n * Math.log1p(i));
    }

    /**
     * The schedule, one row per period. Interest on the opening balance at the period's rate; grace periods pay
     * interest only; the annuity is re-computed at the first amortising period and at every rate change after it;
     * the last period repays what is left, so the closing balance ends at exactly zero.
     */
    public static List<Period> schedule(Terms t) {
        int total = t.periods();
        int grace = t.gracePeriods();
        int n = total - grace;
        double p = t.paymentsPerYear();
        double straight = t.amount() / n;
        List<Period> out = new ArrayList<>(total);
        double balance = t.amount();
        double payment = Double.NaN;
        double rateOfPayment = Double.NaN;
        for (int k = 1; k <= total; k++) {
            double i = t.annualRate(k) / p;
            double interest = balance * i;
            double principal;
            if (k <= grace) {
                principal = 0;
            } else if (k == total) {
                principal = balance;
            } else if (t.method() == Method.EQUAL_PRINCIPAL) {
                principal = straight;
            } else {
                if (Double.isNaN(payment) || i != rateOfPayment) {
                    payment = annuityPayment(balance, i, total - k + 1);
                    rateOfPayment = i;
                }
                principal = payment - interest;
            }
            double closing = k == total ? 0 : balance - principal;
            out.add(new Period(k, balance, interest, principal, interest + principal, closing));
            balance = closing;
        }
        return out;
    }

    /** Sums of interest, principal and payments of a schedule. */
    public record Totals(double interest, double principal, double payment) {
    }

    public static Totals totals(List<Period> schedule) {
        double i = 0;
        double pr = 0;
        double pay = 0;
        for (Period x : schedule) {
            i += x.interest();
            pr += x.principal();
            pay += x.payment();
        }
        return new Totals(i, pr, pay);
    }

    /**
     * The value of the subsidised rate: the present value, at the market rate's periodic rate M/p, of the payments
     * the same loan (same amount, term, grace and method) would need at the market rate less those at the
     * subsidised rates, period by period: Σ_k (pay_M,k − pay_S,k) / (1 + M/p)^k.
     */
    public static double subsidyPresentValue(Terms subsidised, double marketRate) {
        if (!(marketRate >= 0) || marketRate > 10) throw invalid("finance.loan.market.rate", marketRate);
        List<Period> s = schedule(subsidised);
        List<Period> m = schedule(subsidised.at(marketRate));
        double d = marketRate / subsidised.paymentsPerYear();
        double pv = 0;
        for (int k = 0; k < s.size(); k++) {
            pv += (m.get(k).payment() - s.get(k).payment()) / Math.pow(1 + d, k + 1);
        }
        return pv;
    }
}
