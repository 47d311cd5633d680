package org.klaster.bench.finance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.klaster.finance.Portfolio;

/**
 * The portfolio benchmark (bench/portfolio/run.sh, docs/benchmarks.md): synthetic instances of N candidate rows
 * (default 60 and 500) — projects eligible for one to three of 4 instruments, costs in roubles and kopecks from 10 to
 * 1 000, benefits roughly proportional to cost (±20 %: the knapsacks where ratios are close are the hard ones), every
 * budget a third of what its candidates cost — solved by {@link Portfolio#solve} end to end (the optimum, the
 * cheapest among equal optima, one re-solve per instrument for the marginal value, the LP bound and the greedy
 * answer), after one warm-up solve; times are wall clock, median of the runs.
 *
 * <pre>
 * PortfolioBench [SIZES [RUNS [THREADS [TIME_LIMIT]]]]     defaults 60,500 5 1 60
 * </pre>
 */
public final class PortfolioBench {

    private PortfolioBench() {
    }

    static Portfolio.Problem instance(int n, int instruments, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Portfolio.Candidate> cs = new ArrayList<>();
        double[] demand = new double[instruments];
        int project = 0;
        while (cs.size() < n) {
            int eligible = 1 + rnd.nextInt(Math.min(3, instruments));
            int first = rnd.nextInt(instruments);
            double size = 10 + rnd.nextInt(99_000) / 100.0;
            for (int k = 0; k < eligible && cs.size() < n; k++) {
                int j = (first + k) % instruments;
                // the same project costs a little more or less under another instrument
                double cost = BigDecimal.valueOf(size * (0.9 + 0.2 * rnd.nextDouble())).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue();
                double benefit = BigDecimal.valueOf(cost * (0.8 + 0.4 * rnd.nextDouble())).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue();
                cs.add(new Portfolio.Candidate("P" + project, "I" + j, cost, benefit));
                demand[j] += cost;
            }
            project++;
        }
        List<Portfolio.Budget> budgets = new ArrayList<>();
        for (int j = 0; j < instruments; j++) {
            budgets.add(new Portfolio.Budget("I" + j, BigDecimal.valueOf(demand[j] / 3).setScale(2, java.math.RoundingMode.HALF_EVEN).doubleValue()));
        }
        return Portfolio.Problem.of(cs, budgets);
    }

    public static void main(String[] args) {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "60,500").split(",")).mapToInt(Integer::parseInt).toArray();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        double limit = args.length > 3 ? Double.parseDouble(args[3]) : 60;
        Portfolio.Options o = Portfolio.Options.defaults().withWorkers(threads).withTimeLimit(limit);
        long t0 = System.nanoTime();
        Portfolio.loadNatives();
        System.out.printf(Locale.ROOT, "OR-Tools natives loaded in %.2f s; threads %d, time limit %.0f s per solve%n",
                (System.nanoTime() - t0) / 1e9, threads, limit);
        Portfolio.solve(instance(40, 4, 1), o);
        for (int n : sizes) {
            double[] seconds = new double[runs];
            for (int r = 0; r < runs; r++) {
                Portfolio.Problem p = instance(n, 4, 1000L * n + r);
                long t = System.nanoTime();
                Portfolio.Result res = Portfolio.solve(p, o);
                seconds[r] = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "n=%d run %d: %.3f s  %s  objective %.2f  bound %.2f  gap %.6f  lp %.2f  greedy %.2f (%.2f %%)"
                                + "  chosen %d%n", n, r, seconds[r], res.status(), res.objective(), res.bound(), res.gap(), res.lpBound(),
                        res.greedy().benefit(), 100 * res.greedy().benefit() / res.objective(), res.chosen().chosen().size());
            }
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "n=%d: median %.3f s, min %.3f s, max %.3f s over %d instances%n", n, sorted[runs / 2], sorted[0],
                    sorted[runs - 1], runs);
        }
    }
}
