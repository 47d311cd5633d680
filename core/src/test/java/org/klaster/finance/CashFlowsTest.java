package org.klaster.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NPV, IRR, discounted payback and DSCR against hand calculations (the quadratic cases solved in closed form). */
class CashFlowsTest {

    @Test
    void npvAsTheSpreadsheetWithTheFirstFlowUndiscounted() {
        double[] c = {-100, 60, 60};
        assertThat(CashFlows.npv(0.10, c)).isCloseTo(-100 + 60 / 1.1 + 60 / 1.21, within(1e-12));
        assertThat(CashFlows.npv(0, c)).isCloseTo(20, within(1e-12));
    }

    @Test
    void oneSignChangeOneRate() {
        // 60x + 60x² = 100 with x = 1/(1 + r): x = (−60 + √(3600 + 24000))/120
        double x = (-60 + Math.sqrt(27600)) / 120;
        CashFlows.Irr irr = CashFlows.irr(new double[] {-100, 60, 60});
        assertThat(irr.kind()).isEqualTo(CashFlows.IrrKind.ONE);
        assertThat(irr.rate()).isCloseTo(1 / x - 1, within(1e-10));
        assertThat(CashFlows.npv(irr.rate(), new double[] {-100, 60, 60})).isCloseTo(0, within(1e-8));
        // a loss-making project: one sign change, a negative rate
        CashFlows.Irr neg = CashFlows.irr(new double[] {-100, 50, 40});
        assertThat(neg.kind()).isEqualTo(CashFlows.IrrKind.ONE);
        assertThat(neg.rate()).isNegative();
        assertThat(CashFlows.npv(neg.rate(), new double[] {-100, 50, 40})).isCloseTo(0, within(1e-8));
    }

    @Test
    void noSignChangeNoRateTwoChangesBothRates() {
        assertThat(CashFlows.irr(new double[] {100, 50}).kind()).isEqualTo(CashFlows.IrrKind.NONE);
        assertThat(CashFlows.irr(new double[] {0, 0}).kind()).isEqualTo(CashFlows.IrrKind.NONE);
        // −100 + 230y⁻¹·… : −100y² + 230y − 132 = 0 with y = 1 + r → y = 1.1 or 1.2
        CashFlows.Irr two = CashFlows.irr(new double[] {-100, 230, -132});
        assertThat(two.kind()).isEqualTo(CashFlows.IrrKind.SEVERAL);
        assertThat(two.signChanges()).isEqualTo(2);
        assertThat(two.rates()).hasSize(2);
        assertThat(two.rates().get(0)).isCloseTo(0.1, within(1e-10));
        assertThat(two.rates().get(1)).isCloseTo(0.2, within(1e-10));
        assertThat(two.rate()).isNaN();
    }

    @Test
    void discountedPaybackInterpolatesInsideTheYear() {
        // undiscounted: −100, −40, +20 → 1 + 40/60 years
        assertThat(CashFlows.discountedPayback(0, new double[] {-100, 60, 60})).isCloseTo(1 + 40.0 / 60, within(1e-12));
        // at 10 %: −100, −45.45…, +4.13… → 1 + 45.45/49.59
        double a = 100 - 60 / 1.1;
        assertThat(CashFlows.discountedPayback(0.1, new double[] {-100, 60, 60})).isCloseTo(1 + a / (60 / 1.21), within(1e-12));
        assertThat(CashFlows.discountedPayback(0.5, new double[] {-100, 60, 60})).isNaN();
    }

    @Test
    void dscrByYearFromASchedule() {
        // 1 200 equal principal at 10 %: debt service 520, 480, 440
        List<Loans.Period> s = Loans.schedule(Loans.Terms.of(1200, 0.10, 3, 0, Loans.Method.EQUAL_PRINCIPAL, 1));
        double[] ds = CashFlows.debtServiceByYear(s, 1);
        assertThat(ds).containsExactly(520, 480, 440);
        assertThat(CashFlows.dscr(new double[] {650, 600, 0}, ds)).containsExactly(1.25, 1.25, 0.0);
        // monthly payments summed by year
        List<Loans.Period> m = Loans.schedule(Loans.Terms.of(1200, 0, 2, 0, Loans.Method.EQUAL_PRINCIPAL, 12));
        assertThat(CashFlows.debtServiceByYear(m, 12)).containsExactly(600, 600);
        assertThat(CashFlows.dscr(new double[] {1}, new double[] {0})[0]).isNaN();
    }
}
