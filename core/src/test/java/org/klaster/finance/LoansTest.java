package org.klaster.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.klaster.InvalidParameterException;
import org.klaster.finance.Loans.Method;
import org.klaster.finance.Loans.Period;
import org.klaster.finance.Loans.RateStep;
import org.klaster.finance.Loans.Terms;

/**
 * Schedules against hand calculations and the spreadsheet formulas they must agree with: PMT(i, n, −A) =
 * A·i·(1 + i)^n / ((1 + i)^n − 1) and IPMT(i, k, n, −A) = i·B_{k−1}, B_k = A·(1 + i)^k − PMT·((1 + i)^k − 1)/i
 * (written here in that closed form, not the engine's period-by-period recursion).
 */
class LoansTest {

    private static final double CENT = 1e-6;

    private static double pmt(double i, int n, double a) {
        double f = Math.pow(1 + i, n);
        return a * i * f / (f - 1);
    }

    private static double balanceAfter(double i, int k, double a, double pmt) {
        double f = Math.pow(1 + i, k);
        return a * f - pmt * (f - 1) / i;
    }

    @Test
    void annuityAgreesWithPmtAndIpmt() {
        // one million at 12 % a year, monthly, one year: PMT(1 %, 12, −1e6) = 88 848.79
        List<Period> s = Loans.schedule(Terms.of(1_000_000, 0.12, 1, 0, Method.ANNUITY, 12));
        assertThat(s).hasSize(12);
        double pmt = pmt(0.01, 12, 1_000_000);
        assertThat(pmt).isCloseTo(88_848.79, within(0.005));
        for (Period p : s) {
            assertThat(p.payment()).as("payment %d", p.period()).isCloseTo(pmt, within(CENT));
            double ipmt = 0.01 * balanceAfter(0.01, p.period() - 1, 1_000_000, pmt);
            assertThat(p.interest()).as("IPMT %d", p.period()).isCloseTo(ipmt, within(CENT));
            assertThat(p.principal()).isCloseTo(pmt - ipmt, within(CENT));
            assertThat(p.closing()).isCloseTo(p.opening() - p.principal(), within(CENT));
        }
        assertThat(s.get(0).interest()).isCloseTo(10_000, within(CENT));
        assertThat(s.get(11).closing()).isZero();
        Loans.Totals t = Loans.totals(s);
        assertThat(t.principal()).isCloseTo(1_000_000, within(CENT));
        assertThat(t.interest()).isCloseTo(12 * pmt - 1_000_000, within(CENT));
    }

    @Test
    void equalPrincipalByHand() {
        // 1 200 at 10 %, yearly, 3 years: principal 400 a year; interest 120, 80, 40
        List<Period> s = Loans.schedule(Terms.of(1200, 0.10, 3, 0, Method.EQUAL_PRINCIPAL, 1));
        assertThat(s).extracting(Period::interest).containsExactly(120.0, 80.0, 40.0);
        assertThat(s).extracting(Period::principal).containsExactly(400.0, 400.0, 400.0);
        assertThat(s).extracting(Period::payment).containsExactly(520.0, 480.0, 440.0);
        assertThat(s).extracting(Period::closing).containsExactly(800.0, 400.0, 0.0);
    }

    @Test
    void graceYearsPayInterestOnlyThenAmortise() {
        // 1 000 at 10 %, 3 years, 1 of grace: 100 of interest, then PMT(10 %, 2, −1000) = 576.19 twice
        List<Period> s = Loans.schedule(Terms.of(1000, 0.10, 3, 1, Method.ANNUITY, 1));
        assertThat(s.get(0).payment()).isCloseTo(100, within(CENT));
        assertThat(s.get(0).principal()).isZero();
        assertThat(s.get(1).payment()).isCloseTo(pmt(0.10, 2, 1000), within(CENT));
        assertThat(s.get(2).payment()).isCloseTo(pmt(0.10, 2, 1000), within(CENT));
        assertThat(pmt(0.10, 2, 1000)).isCloseTo(576.19, within(0.005));
        // equal principal after grace: 500 a year over the two amortising years
        List<Period> e = Loans.schedule(Terms.of(1000, 0.10, 3, 1, Method.EQUAL_PRINCIPAL, 1));
        assertThat(e).extracting(Period::principal).containsExactly(0.0, 500.0, 500.0);
        assertThat(e).extracting(Period::interest).containsExactly(100.0, 100.0, 50.0);
    }

    @Test
    void aRateStepRecomputesTheAnnuityOnWhatIsLeft() {
        // "1 % for 3 years, then 5 %": 1 000 over 5 years, yearly
        Terms t = new Terms(1000, List.of(new RateStep(0, 0.01), new RateStep(3, 0.05)), 5, 0, Method.ANNUITY, 1);
        List<Period> s = Loans.schedule(t);
        double first = pmt(0.01, 5, 1000);
        double left = balanceAfter(0.01, 3, 1000, first);
        double second = pmt(0.05, 2, left);
        assertThat(s).extracting(Period::payment).satisfies(p -> {
            for (int k = 0; k < 3; k++) assertThat(p.get(k)).isCloseTo(first, within(CENT));
            for (int k = 3; k < 5; k++) assertThat(p.get(k)).isCloseTo(second, within(CENT));
        });
        assertThat(s.get(3).interest()).isCloseTo(0.05 * left, within(CENT));
        assertThat(s.get(4).closing()).isZero();
        // steps given out of order are the same loan
        Terms swapped = new Terms(1000, List.of(new RateStep(3, 0.05), new RateStep(0, 0.01)), 5, 0, Method.ANNUITY, 1);
        assertThat(Loans.schedule(swapped)).isEqualTo(s);
    }

    @Test
    void subsidyValueByHandAndTheAnnuityIdentity() {
        // equal principal 1 200, 3 years: at 10 % pays 520, 480, 440; at 0 % 400 each → PV at 10 % of 120, 80, 40
        double pv = Loans.subsidyPresentValue(Terms.of(1200, 0, 3, 0, Method.EQUAL_PRINCIPAL, 1), 0.10);
        assertThat(pv).isCloseTo(120 / 1.1 + 80 / 1.21 + 40 / 1.331, within(CENT));
        // an annuity at the market rate is worth exactly the amount at that rate, so the subsidy is A − PV_M(subsidised payments)
        Terms kip = new Terms(500e6, List.of(new RateStep(0, 0.03), new RateStep(2, 0.078)), 7, 2, Method.ANNUITY, 12);
        double m = 0.21;
        double pvPaid = 0;
        List<Period> s = Loans.schedule(kip);
        for (Period p : s) pvPaid += p.payment() / Math.pow(1 + m / 12, p.period());
        assertThat(Loans.subsidyPresentValue(kip, m)).isCloseTo(500e6 - pvPaid, within(1e-3));
        // no subsidy at the market rate itself
        assertThat(Loans.subsidyPresentValue(Terms.of(1000, 0.2, 4, 1, Method.ANNUITY, 4), 0.2)).isCloseTo(0, within(1e-9));
    }

    @Test
    void badTermsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> Terms.of(0, 0.05, 5, 0, Method.ANNUITY, 12)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("the loan amount must be a positive number, not 0");
        assertThatThrownBy(() -> Terms.of(100, 0.05, 5, 5, Method.ANNUITY, 12)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("the grace period (5 years) must be shorter than the term (5 years)");
        assertThatThrownBy(() -> new Terms(100, List.of(new RateStep(1, 0.05)), 5, 0, Method.ANNUITY, 12))
                .hasMessageContaining("the first rate must start in year 0, not year 1");
        assertThatThrownBy(() -> new Terms(100, List.of(new RateStep(0, 0.05), new RateStep(5, 0.01)), 5, 0, Method.ANNUITY, 12))
                .hasMessageContaining("a rate step from year 5 starts after the term of 5 years");
        assertThatThrownBy(() -> Terms.of(100, -0.01, 5, 0, Method.ANNUITY, 12)).hasMessageContaining("a rate must be a fraction from 0 to 10");
    }

    @Test
    void zeroRateRepaysInEqualParts() {
        List<Period> s = Loans.schedule(Terms.of(1000, 0, 2, 0, Method.ANNUITY, 2));
        assertThat(s).extracting(Period::payment).containsExactly(250.0, 250.0, 250.0, 250.0);
    }
}
