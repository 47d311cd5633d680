package org.klaster.finance;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Portfolio selection (docs/methods-finance.md, "Portfolio selection"): which candidate projects to back, and with
 * which support instrument, to maximise the benefit within the budgets. Pure: numbers in, numbers out.
 *
 * <p>Each candidate is one project × one instrument it is eligible for, with a cost (drawn on that instrument's
 * budget) and a benefit. A project gets at most one instrument; Σ cost per instrument ≤ its budget; optional side
 * limits (a year's or a region's money) take the draws candidates declare on them; optional import pools cap what
 * several projects may count of the same imports: the benefit counted from a pool is at most the pool's total.
 * The 0/1 program is solved with CP-SAT on integers scaled from the decimals given (exact when they fit, bounded
 * otherwise — see {@link #solve}); the greedy "best benefit per cost first" answer and the value of more budget per
 * instrument (re-solves) come beside it.
 */
public final class Portfolio {

    private Portfolio() {
    }

    /** A budget of an instrument, or a side limit (a year's or a region's money), by name. */
    public record Budget(String name, double amount) {
    }

    /** What a candidate draws on a side limit (e.g. its cost in one year, or against its region's money). */
    public record Draw(String limit, double amount) {
    }

    /** The imports of a pool a candidate replaces, in benefit units: part of its benefit. */
    public record Share(String pool, double amount) {
    }

    /** A pool of imports (a product, or a product in a region) with the most any portfolio can count of it. */
    public record Pool(String name, double total) {
    }

    /** One project × one instrument it is eligible for. */
    public record Candidate(String project, String instrument, double cost, double benefit, List<Draw> draws, List<Share> shares) {

        public Candidate {
            draws = draws == null ? List.of() : List.copyOf(draws);
            shares = shares == null ? List.of() : List.copyOf(shares);
        }

        /** The contract case: cost on the instrument's budget, a benefit, nothing else. */
        public Candidate(String project, String instrument, double cost, double benefit) {
            this(project, instrument, cost, benefit, List.of(), List.of());
        }
    }

    /** What to choose from: candidates, one budget per instrument (in this order), side limits and import pools. */
    public record Problem(List<Candidate> candidates, List<Budget> budgets, List<Budget> limits, List<Pool> pools) {

        public Problem {
            candidates = List.copyOf(candidates);
            budgets = List.copyOf(budgets);
            limits = limits == null ? List.of() : List.copyOf(limits);
            pools = pools == null ? List.of() : List.copyOf(pools);
            validate(candidates, budgets, limits, pools);
        }

        public static Problem of(List<Candidate> candidates, List<Budget> budgets) {
            return new Problem(candidates, budgets, List.of(), List.of());
        }

        /** The same problem with budget {@code j} set to {@code amount}. */
        public Problem withBudget(int j, double amount) {
            List<Budget> b = new ArrayList<>(budgets);
            b.set(j, new Budget(b.get(j).name(), amount));
            return new Problem(candidates, b, limits, pools);
        }
    }

    /**
     * @param marginalShare   the extra budget of a re-solve as a share of the budget (0.01 = 1 %); a budget of 0 gets one unit
     * @param marginalStep    the extra budget in money units instead (NaN: by share)
     * @param timeLimitSeconds per solve; past it the best portfolio found is returned with its gap
     * @param relativeGap     stop once (bound − value) / bound is at most this (0: prove the optimum)
     * @param workers         CP-SAT search threads; 1 is deterministic (the same portfolio on every run)
     */
    public record Options(double marginalShare, double marginalStep, double timeLimitSeconds, double relativeGap, int workers) {

        public Options {
            if (!(marginalShare > 0 && marginalShare <= 1)) throw invalid("finance.portfolio.marginal.share", Text.plain(marginalShare));
            if (!Double.isNaN(marginalStep) && !(marginalStep > 0 && marginalStep < Double.POSITIVE_INFINITY)) {
                throw invalid("finance.portfolio.marginal.step", Text.plain(marginalStep));
            }
            if (!(timeLimitSeconds > 0 && timeLimitSeconds <= 86_400)) throw invalid("finance.portfolio.time.limit", Text.plain(timeLimitSeconds));
            if (!(relativeGap >= 0 && relativeGap < 1)) throw invalid("finance.portfolio.gap", Text.plain(relativeGap));
            if (workers < 1 || workers > 64) throw invalid("finance.portfolio.workers", workers);
        }

        /** 1 % more budget per instrument, 60 s per solve, proven optimum, one thread. */
        public static Options defaults() {
            return new Options(0.01, Double.NaN, 60, 0, 1);
        }

        public Options withWorkers(int w) {
            return new Options(marginalShare, marginalStep, timeLimitSeconds, relativeGap, w);
        }

        public Options withGap(double g) {
            return new Options(marginalShare, marginalStep, timeLimitSeconds, g, workers);
        }

        public Options withTimeLimit(double s) {
            return new Options(marginalShare, marginalStep, s, relativeGap, workers);
        }

        public Options withMarginal(double share, double step) {
            return new Options(share, step, timeLimitSeconds, relativeGap, workers);
        }
    }

    /**
     * OPTIMAL: proven (no portfolio is better); FEASIBLE: the best found, with a bound above it (time or gap limit, or
     * rounding of values with more decimals than fit); INFEASIBLE: no candidate fits its budgets at all.
     */
    public enum Status { OPTIMAL, FEASIBLE, INFEASIBLE }

    /** A set of chosen candidates: their cost and the benefit counted (pool caps applied). */
    public record Selection(List<Candidate> chosen, double cost, double benefit) {
    }

    /** An instrument's budget and what the chosen portfolio uses of it. */
    public record Use(String instrument, double budget, double used, double left) {
    }

    /**
     * What {@code step} more budget of an instrument buys: the optimum with budget + step, and (that − the optimum)
     * / step per unit; {@code proven} when both optima are.
     */
    public record Marginal(String instrument, double budget, double step, double objective, double perUnit, boolean proven) {
    }

    /**
     * @param objective the benefit counted of the chosen portfolio
     * @param bound     no portfolio counts more than this (= objective when OPTIMAL)
     * @param gap       (bound − objective) / bound, 0 when bound is 0
     * @param lpBound   the LP relaxation's optimum (x between 0 and 1), ≥ bound up to the LP's tolerance; NaN if unsolved
     * @param exact     whether every value fitted the integer model without rounding
     * @param reason    why INFEASIBLE (null otherwise)
     */
    public record Result(Status status, Selection chosen, double objective, double bound, double gap, double lpBound, boolean exact,
                         Selection greedy, List<Use> use, List<Marginal> marginals, Text reason) {
    }

    // ------------------------------------------------------------------------------------------------ validation

    private static InvalidParameterException invalid(String key, Object... args) {
        return new InvalidParameterException(Text.core(key, args));
    }

    private static boolean nonNegative(double v) {
        return v >= 0 && v < Double.POSITIVE_INFINITY;
    }

    private static void validate(List<Candidate> candidates, List<Budget> budgets, List<Budget> limits, List<Pool> pools) {
        Set<String> instruments = names(budgets, "finance.portfolio.budget.twice", "finance.portfolio.budget");
        Set<String> limitNames = names(limits, "finance.portfolio.limit.twice", "finance.portfolio.limit");
        Set<String> poolNames = new HashSet<>();
        for (Pool p : pools) {
            if (!poolNames.add(p.name())) throw invalid("finance.portfolio.pool.twice", p.name());
            if (!nonNegative(p.total())) throw invalid("finance.portfolio.pool.total", p.name(), Text.plain(p.total()));
        }
        Set<List<String>> seen = new HashSet<>();
        for (Candidate c : candidates) {
            if (!instruments.contains(c.instrument())) throw invalid("finance.portfolio.unknown.instrument", c.project(), c.instrument());
            if (!seen.add(List.of(c.project(), c.instrument()))) throw invalid("finance.portfolio.duplicate", c.project(), c.instrument());
            if (!nonNegative(c.cost())) throw invalid("finance.portfolio.cost", c.project(), c.instrument(), Text.plain(c.cost()));
            if (!nonNegative(c.benefit())) throw invalid("finance.portfolio.benefit", c.project(), c.instrument(), Text.plain(c.benefit()));
            for (Draw d : c.draws()) {
                if (!limitNames.contains(d.limit())) throw invalid("finance.portfolio.limit.unknown", c.project(), c.instrument(), d.limit());
                if (!nonNegative(d.amount())) throw invalid("finance.portfolio.draw", c.project(), c.instrument(), d.limit(), Text.plain(d.amount()));
            }
            BigDecimal pooled = BigDecimal.ZERO;
            Set<String> own = new HashSet<>();
            for (Share s : c.shares()) {
                if (!poolNames.contains(s.pool())) throw invalid("finance.portfolio.pool.unknown", c.project(), c.instrument(), s.pool());
                if (!own.add(s.pool())) throw invalid("finance.portfolio.share.twice", c.project(), c.instrument(), s.pool());
                if (!nonNegative(s.amount())) throw invalid("finance.portfolio.share", c.project(), c.instrument(), s.pool(), Text.plain(s.amount()));
                pooled = pooled.add(dec(s.amount()));
            }
            // the pooled imports are part of the benefit: a cap can only take away what was counted
            if (pooled.compareTo(dec(c.benefit())) > 0) {
                throw invalid("finance.portfolio.shares.exceed", c.project(), c.instrument(), Text.plain(pooled.doubleValue()),
                        Text.plain(c.benefit()));
            }
        }
    }

    private static Set<String> names(List<Budget> budgets, String twice, String negative) {
        Set<String> out = new HashSet<>();
        for (Budget b : budgets) {
            if (!out.add(b.name())) throw invalid(twice, b.name());
            if (!nonNegative(b.amount())) throw invalid(negative, b.name(), Text.plain(b.amount()));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ exact values

    /** The decimal a user typed (the shortest that reads back as this double), so sums of kopecks stay exact. */
    static BigDecimal dec(double v) {
        return v == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(v);
    }

    /** The benefit counted of a set of candidates: Σ benefit − Σ over pools of what they count beyond the pool's total. */
    public static double value(Problem p, List<Candidate> chosen) {
        return exactValue(p, chosen).doubleValue();
    }

    private static BigDecimal exactValue(Problem p, List<Candidate> chosen) {
        BigDecimal v = BigDecimal.ZERO;
        Map<String, BigDecimal> pooled = new HashMap<>();
        for (Candidate c : chosen) {
            v = v.add(dec(c.benefit()));
            for (Share s : c.shares()) pooled.merge(s.pool(), dec(s.amount()), BigDecimal::add);
        }
        for (Pool pool : p.pools()) {
            BigDecimal over = pooled.getOrDefault(pool.name(), BigDecimal.ZERO).subtract(dec(pool.total()));
            if (over.signum() > 0) v = v.subtract(over);
        }
        return v;
    }

    private static Selection selection(Problem p, List<Candidate> chosen) {
        BigDecimal cost = BigDecimal.ZERO;
        for (Candidate c : chosen) cost = cost.add(dec(c.cost()));
        return new Selection(List.copyOf(chosen), cost.doubleValue(), value(p, chosen));
    }

    /** Whether a set of candidates keeps every rule: one instrument per project, every budget and limit (exactly). */
    public static boolean feasible(Problem p, List<Candidate> chosen) {
        Set<String> projects = new HashSet<>();
        Map<String, BigDecimal> spent = new HashMap<>();
        for (Candidate c : chosen) {
            if (!projects.add(c.project())) return false;
            spent.merge("i:" + c.instrument(), dec(c.cost()), BigDecimal::add);
            for (Draw d : c.draws()) spent.merge("l:" + d.limit(), dec(d.amount()), BigDecimal::add);
        }
        for (Budget b : p.budgets()) if (spent.getOrDefault("i:" + b.name(), BigDecimal.ZERO).compareTo(dec(b.amount())) > 0) return false;
        for (Budget b : p.limits()) if (spent.getOrDefault("l:" + b.name(), BigDecimal.ZERO).compareTo(dec(b.amount())) > 0) return false;
        return true;
    }

    // ------------------------------------------------------------------------------------------------ greedy

    /**
     * Best benefit per cost first: candidates by benefit / cost, highest first (a free one first of all; equal ratios:
     * the larger benefit, then the order given), each taken when its project has none yet and its budget and limits
     * still hold its cost. Candidates without benefit are never taken.
     */
    public static Selection greedy(Problem p) {
        List<Candidate> c = p.candidates();
        Integer[] order = new Integer[c.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -ratio(c.get(i))).thenComparingDouble(i -> -c.get(i).benefit())
                .thenComparingInt(i -> i));
        Map<String, BigDecimal> left = new HashMap<>();
        for (Budget b : p.budgets()) left.put("i:" + b.name(), dec(b.amount()));
        for (Budget b : p.limits()) left.put("l:" + b.name(), dec(b.amount()));
        Set<String> projects = new HashSet<>();
        List<Candidate> chosen = new ArrayList<>();
        for (int i : order) {
            Candidate x = c.get(i);
            if (!(x.benefit() > 0) || projects.contains(x.project())) continue;
            boolean fits = left.get("i:" + x.instrument()).compareTo(dec(x.cost())) >= 0;
            for (Draw d : x.draws()) fits &= left.get("l:" + d.limit()).compareTo(dec(d.amount())) >= 0;
            if (!fits) continue;
            left.merge("i:" + x.instrument(), dec(x.cost()).negate(), BigDecimal::add);
            for (Draw d : x.draws()) left.merge("l:" + d.limit(), dec(d.amount()).negate(), BigDecimal::add);
            projects.add(x.project());
            chosen.add(x);
        }
        return selection(p, inInputOrder(p, chosen));
    }

    private static double ratio(Candidate c) {
        if (!(c.benefit() > 0)) return Double.NEGATIVE_INFINITY;
        return c.cost() == 0 ? Double.POSITIVE_INFINITY : c.benefit() / c.cost();
    }

    private static List<Candidate> inInputOrder(Problem p, List<Candidate> chosen) {
        Set<Candidate> set = new HashSet<>(chosen);
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : p.candidates()) if (set.remove(c)) out.add(c);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ the solve

    private static boolean loaded;

    /** Loads OR-Tools' native library once per JVM (it unpacks the platform's library from the jar). */
    public static synchronized void loadNatives() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    /**
     * The optimal portfolio, the greedy one beside it, the use of each budget and what more budget would buy.
     *
     * <p>Integers: costs, budgets, limits and draws are multiplied by 10^d, d the most decimals any of them has;
     * benefits, pool shares and totals by their own 10^e. When the scaled values are whole numbers below 2^53 the
     * integer model is the model given and its proven optimum is the optimum. Otherwise the largest power of ten that
     * fits is taken: costs rounded up and budgets down (what is chosen is affordable in the exact numbers), a second
     * model with costs down and budgets up gives a bound on what the exact model could reach, and the rounding of
     * benefits (at most half a unit per chosen candidate and pool) is added to that bound.
     *
     * <p>Among portfolios of the same (optimal) benefit, the cheapest is returned (a second solve with the benefit
     * fixed; skipped when the first is not proven).
     */
    public static Result solve(Problem p, Options o) {
        Selection greedy = greedy(p);
        Text reason = impossible(p);
        if (reason != null) {
            return new Result(Status.INFEASIBLE, selection(p, List.of()), 0, 0, 0, Double.NaN, true, greedy, use(p, List.of()), List.of(),
                    reason);
        }
        loadNatives();
        Solved base = optimise(p, o, null, true);
        List<Candidate> chosen = base.chosen();
        double objective = value(p, chosen);
        double bound = Math.max(base.bound(), objective);
        List<Marginal> marginals = new ArrayList<>();
        for (int j = 0; j < p.budgets().size(); j++) {
            Budget b = p.budgets().get(j);
            BigDecimal step = Double.isNaN(o.marginalStep())
                    ? (b.amount() > 0 ? dec(b.amount()).multiply(dec(o.marginalShare())) : BigDecimal.ONE)
                    : dec(o.marginalStep());
            Problem more = p.withBudget(j, dec(b.amount()).add(step).doubleValue());
            Solved s = optimise(more, o, chosen, false);
            double v = Math.max(value(more, s.chosen()), objective);
            double st = step.doubleValue();
            marginals.add(new Marginal(b.name(), b.amount(), st, v, (v - objective) / st, base.proven() && s.proven()));
        }
        boolean proven = base.proven() && !(bound > objective);
        double lp = lpBound(p);
        // a search stopped early may hold a bound weaker than the LP relaxation's: the smaller one holds (with the LP's
        // floating tolerance added)
        if (!proven && Double.isFinite(lp)) bound = Math.max(objective, Math.min(bound, lp + 1e-9 * Math.max(1, Math.abs(lp))));
        double gap = bound > 0 ? (bound - objective) / bound : 0;
        return new Result(proven ? Status.OPTIMAL : Status.FEASIBLE, selection(p, chosen), objective, proven ? objective : bound,
                proven ? 0 : gap, lp, base.exact(), greedy, use(p, chosen), marginals, null);
    }

    private static List<Use> use(Problem p, List<Candidate> chosen) {
        List<Use> out = new ArrayList<>();
        for (Budget b : p.budgets()) {
            BigDecimal used = BigDecimal.ZERO;
            for (Candidate c : chosen) if (c.instrument().equals(b.name())) used = used.add(dec(c.cost()));
            out.add(new Use(b.name(), b.amount(), used.doubleValue(), dec(b.amount()).subtract(used).doubleValue()));
        }
        return out;
    }

    /** Why no portfolio can be chosen (no candidates, or none fits its budget and limits on its own), or null. */
    private static Text impossible(Problem p) {
        if (p.candidates().isEmpty()) return Text.core("finance.portfolio.no.candidates");
        Map<String, BigDecimal> limits = new HashMap<>();
        for (Budget b : p.limits()) limits.put(b.name(), dec(b.amount()));
        Map<String, Candidate> cheapest = new LinkedHashMap<>();
        for (Budget b : p.budgets()) {
            for (Candidate c : p.candidates()) {
                if (!c.instrument().equals(b.name())) continue;
                boolean fits = dec(c.cost()).compareTo(dec(b.amount())) <= 0;
                for (Draw d : c.draws()) fits &= dec(d.amount()).compareTo(limits.get(d.limit())) <= 0;
                if (fits) return null;
                cheapest.merge(b.name(), c, (x, y) -> y.cost() < x.cost() ? y : x);
            }
        }
        List<Text> items = new ArrayList<>();
        Map<String, Double> amounts = new HashMap<>();
        for (Budget b : p.budgets()) amounts.put(b.name(), b.amount());
        cheapest.forEach((instrument, c) -> items.add(Text.core("finance.portfolio.nothing.fits.item", instrument, c.project(),
                Text.fixed(c.cost(), 2), Text.fixed(amounts.get(instrument), 2))));
        return Text.core("finance.portfolio.nothing.fits", items);
    }

    /** One optimisation: the candidates chosen (input order), whether proven, a bound on the exact model's optimum. */
    private record Solved(List<Candidate> chosen, boolean proven, double bound, boolean exact) {
    }

    /** A power of ten that turns values into integers, and whether it does so exactly. */
    private record Scale(int exponent, boolean exact) {

        long of(double v, RoundingMode mode) {
            return dec(v).movePointRight(exponent).setScale(0, mode).longValueExact();
        }

        double back(double v) {
            return BigDecimal.valueOf(v).movePointLeft(exponent).doubleValue();
        }
    }

    /** 2^53: scaled sums stay exact in a double and far inside CP-SAT's int64 arithmetic. */
    private static final double LARGEST = 9_007_199_254_740_992.0;

    private static Scale scale(List<Double> values, double largestSum) {
        int need = 0;
        for (double v : values) if (v != 0) need = Math.max(need, BigDecimal.valueOf(v).stripTrailingZeros().scale());
        int fit = largestSum > 0 ? (int) Math.floor(Math.log10(LARGEST / largestSum)) : 18;
        // the floor of a logarithm can land one too high at an exact power of ten
        while (fit > -300 && largestSum * Math.pow(10, fit) > LARGEST) fit--;
        return new Scale(Math.min(need, fit), need <= fit);
    }

    private static Scale costScale(Problem p) {
        List<Double> v = new ArrayList<>();
        double total = 0;
        for (Candidate c : p.candidates()) {
            v.add(c.cost());
            total += c.cost();
            for (Draw d : c.draws()) v.add(d.amount());
        }
        double largest = total;
        for (Budget b : p.budgets()) {
            v.add(b.amount());
            largest = Math.max(largest, b.amount());
        }
        Map<String, Double> drawn = new HashMap<>();
        for (Candidate c : p.candidates()) for (Draw d : c.draws()) drawn.merge(d.limit(), d.amount(), Double::sum);
        for (Budget b : p.limits()) {
            v.add(b.amount());
            largest = Math.max(largest, Math.max(b.amount(), drawn.getOrDefault(b.name(), 0.0)));
        }
        return scale(v, largest);
    }

    private static Scale benefitScale(Problem p) {
        List<Double> v = new ArrayList<>();
        double total = 0;
        for (Candidate c : p.candidates()) {
            v.add(c.benefit());
            total += c.benefit();
            for (Share s : c.shares()) v.add(s.amount());
        }
        for (Pool pool : p.pools()) {
            v.add(pool.total());
            total = Math.max(total, pool.total());
        }
        return scale(v, total);
    }

    /**
     * @param hint      a portfolio feasible for {@code p} to start from (null: none)
     * @param cheapest  whether to look, among the optimal portfolios, for the cheapest
     */
    private static Solved optimise(Problem p, Options o, List<Candidate> hint, boolean cheapest) {
        Scale cs = costScale(p);
        Scale bs = benefitScale(p);
        Cp safe = new Cp(p, cs, RoundingMode.CEILING, RoundingMode.FLOOR, bs);
        Cp.Answer a = safe.solve(o, hint, null);
        List<Candidate> chosen = a.chosen();
        boolean proven = a.optimal();
        double bound = bs.back(a.bound());
        if (proven && cheapest && !chosen.isEmpty()) {
            Cp.Answer c = safe.solve(o, chosen, a.objective());
            if (c.chosen() != null) chosen = c.chosen();
        }
        if (!cs.exact()) {
            // costs down and budgets up: every portfolio of the exact model is a portfolio of this one
            Cp.Answer loose = new Cp(p, cs, RoundingMode.FLOOR, RoundingMode.CEILING, bs).solve(o, chosen, null);
            bound = bs.back(loose.bound());
            proven = false;
        }
        if (!bs.exact()) {
            // half a unit of rounding per candidate counted and per pool
            long projects = p.candidates().stream().map(Candidate::project).distinct().count();
            long shares = p.candidates().stream().mapToLong(c -> c.shares().size()).sum();
            bound += bs.back(0.5 * (projects + shares + p.pools().size()));
            proven = false;
        }
        return new Solved(chosen, proven, bound, cs.exact() && bs.exact());
    }

    /** The CP-SAT model at one scaling and rounding. */
    private static final class Cp {
        final Problem p;
        final List<Integer> live = new ArrayList<>();
        final long[] cost;
        final long[] benefit;
        final long[] budget;
        final long[] limit;
        final Map<String, Integer> budgetIndex = new HashMap<>();
        final Map<String, Integer> limitIndex = new HashMap<>();
        final Map<String, Integer> poolIndex = new HashMap<>();
        final long[] poolTotal;
        final RoundingMode costMode;
        final Scale cs;

        Cp(Problem p, Scale cs, RoundingMode costMode, RoundingMode budgetMode, Scale bs) {
            this.p = p;
            this.cs = cs;
            this.costMode = costMode;
            List<Candidate> c = p.candidates();
            cost = new long[c.size()];
            benefit = new long[c.size()];
            for (int i = 0; i < c.size(); i++) {
                // a candidate without benefit never improves a portfolio: left out
                if (!(c.get(i).benefit() > 0)) continue;
                live.add(i);
                cost[i] = cs.of(c.get(i).cost(), costMode);
                benefit[i] = bs.of(c.get(i).benefit(), RoundingMode.HALF_EVEN);
            }
            budget = new long[p.budgets().size()];
            for (int j = 0; j < budget.length; j++) {
                budget[j] = cs.of(p.budgets().get(j).amount(), budgetMode);
                budgetIndex.put(p.budgets().get(j).name(), j);
            }
            limit = new long[p.limits().size()];
            for (int j = 0; j < limit.length; j++) {
                limit[j] = cs.of(p.limits().get(j).amount(), budgetMode);
                limitIndex.put(p.limits().get(j).name(), j);
            }
            poolTotal = new long[p.pools().size()];
            for (int j = 0; j < poolTotal.length; j++) {
                poolTotal[j] = bs.of(p.pools().get(j).total(), RoundingMode.HALF_EVEN);
                poolIndex.put(p.pools().get(j).name(), j);
            }
            this.bs = bs;
        }

        final Scale bs;

        record Answer(List<Candidate> chosen, boolean optimal, double objective, double bound) {
        }

        /**
         * @param atLeast null: maximise the benefit; else keep the benefit at least this and minimise the cost
         */
        Answer solve(Options o, List<Candidate> hint, Double atLeast) {
            List<Candidate> c = p.candidates();
            CpModel m = new CpModel();
            BoolVar[] x = new BoolVar[c.size()];
            for (int i : live) x[i] = m.newBoolVar("x" + i);
            // at most one instrument per project
            Map<String, List<Literal>> byProject = new LinkedHashMap<>();
            for (int i : live) byProject.computeIfAbsent(c.get(i).project(), k -> new ArrayList<>()).add(x[i]);
            for (List<Literal> v : byProject.values()) if (v.size() > 1) m.addAtMostOne(v);
            // Σ cost per instrument ≤ budget; Σ draws per limit ≤ limit
            LinearExprBuilder[] spend = new LinearExprBuilder[budget.length];
            LinearExprBuilder[] draw = new LinearExprBuilder[limit.length];
            LinearExprBuilder[] pooled = new LinearExprBuilder[poolTotal.length];
            long[] poolMax = new long[poolTotal.length];
            LinearExprBuilder totalCost = LinearExpr.newBuilder();
            for (int i : live) {
                Candidate ci = c.get(i);
                int j = budgetIndex.get(ci.instrument());
                if (spend[j] == null) spend[j] = LinearExpr.newBuilder();
                spend[j].addTerm(x[i], cost[i]);
                totalCost.addTerm(x[i], cost[i]);
                for (Draw d : ci.draws()) {
                    int k = limitIndex.get(d.limit());
                    if (draw[k] == null) draw[k] = LinearExpr.newBuilder();
                    draw[k].addTerm(x[i], cs.of(d.amount(), costMode));
                }
                for (Share s : ci.shares()) {
                    int k = poolIndex.get(s.pool());
                    if (pooled[k] == null) pooled[k] = LinearExpr.newBuilder();
                    long a = bs.of(s.amount(), RoundingMode.HALF_EVEN);
                    pooled[k].addTerm(x[i], a);
                    poolMax[k] += a;
                }
            }
            for (int j = 0; j < budget.length; j++) if (spend[j] != null) m.addLessOrEqual(spend[j], budget[j]);
            for (int j = 0; j < limit.length; j++) if (draw[j] != null) m.addLessOrEqual(draw[j], limit[j]);
            // the benefit counted: Σ benefit − Σ excess over each pool's total (excess ≥ pooled − total, ≥ 0)
            LinearExprBuilder objective = LinearExpr.newBuilder();
            for (int i : live) objective.addTerm(x[i], benefit[i]);
            for (int k = 0; k < poolTotal.length; k++) {
                if (pooled[k] == null || poolMax[k] <= poolTotal[k]) continue;
                IntVar excess = m.newIntVar(0, poolMax[k] - poolTotal[k], "excess" + k);
                pooled[k].addTerm(excess, -1);
                m.addLessOrEqual(pooled[k], poolTotal[k]);
                objective.addTerm(excess, -1);
            }
            if (atLeast == null) {
                m.maximize(objective);
            } else {
                m.addGreaterOrEqual(objective, Math.round(atLeast));
                m.minimize(totalCost);
            }
            if (hint != null) {
                Set<Candidate> h = new HashSet<>(hint);
                for (int i : live) m.addHint(x[i], h.contains(c.get(i)) ? 1 : 0);
            }
            CpSolver s = new CpSolver();
            s.getParameters().setMaxTimeInSeconds(o.timeLimitSeconds()).setNumWorkers(o.workers()).setRandomSeed(1)
                    // the full LP relaxation with cuts at every node: knapsack bounds close far sooner (bench: 500 rows)
                    .setLinearizationLevel(2);
            if (o.relativeGap() > 0 && atLeast == null) s.getParameters().setRelativeGapLimit(o.relativeGap());
            CpSolverStatus st = s.solve(m);
            if (st == CpSolverStatus.MODEL_INVALID) throw new IllegalStateException("CP-SAT refused the model: " + m.validate());
            if (st == CpSolverStatus.INFEASIBLE) throw new IllegalStateException("CP-SAT: the empty portfolio is always feasible");
            if (st != CpSolverStatus.OPTIMAL && st != CpSolverStatus.FEASIBLE) {
                // no solution in time: the empty portfolio (always feasible), and the trivial bound
                long all = 0;
                for (int i : live) all += benefit[i];
                return new Answer(atLeast == null ? List.of() : null, false, 0, all);
            }
            List<Candidate> chosen = new ArrayList<>();
            for (int i : live) if (s.booleanValue(x[i])) chosen.add(c.get(i));
            double bound = atLeast == null ? s.bestObjectiveBound() : Double.NaN;
            // a stop at the relative gap limit also says OPTIMAL: proven only when the bound meets the value
            boolean optimal = st == CpSolverStatus.OPTIMAL && (atLeast != null || bound <= s.objectiveValue());
            return new Answer(chosen, optimal, s.objectiveValue(), bound);
        }
    }

    /**
     * The LP relaxation (every x between 0 and 1) solved with GLOP on the values as given: a bound no integer
     * portfolio exceeds, up to the LP's floating tolerance (about 1e-9 of the values).
     */
    public static double lpBound(Problem p) {
        loadNatives();
        MPSolver lp = MPSolver.createSolver("GLOP");
        if (lp == null) return Double.NaN;
        try {
            List<Candidate> c = p.candidates();
            MPVariable[] x = new MPVariable[c.size()];
            MPObjective obj = lp.objective();
            for (int i = 0; i < c.size(); i++) {
                if (!(c.get(i).benefit() > 0)) continue;
                x[i] = lp.makeNumVar(0, 1, "x" + i);
                obj.setCoefficient(x[i], c.get(i).benefit());
            }
            Map<String, MPConstraint> project = new HashMap<>();
            Map<String, MPConstraint> budget = new HashMap<>();
            Map<String, MPConstraint> limit = new HashMap<>();
            Map<String, MPConstraint> pool = new HashMap<>();
            for (Budget b : p.budgets()) budget.put(b.name(), lp.makeConstraint(Double.NEGATIVE_INFINITY, b.amount()));
            for (Budget b : p.limits()) limit.put(b.name(), lp.makeConstraint(Double.NEGATIVE_INFINITY, b.amount()));
            for (Pool q : p.pools()) {
                MPConstraint k = lp.makeConstraint(Double.NEGATIVE_INFINITY, q.total());
                MPVariable excess = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "excess:" + q.name());
                k.setCoefficient(excess, -1);
                obj.setCoefficient(excess, -1);
                pool.put(q.name(), k);
            }
            for (int i = 0; i < c.size(); i++) {
                if (x[i] == null) continue;
                Candidate ci = c.get(i);
                project.computeIfAbsent(ci.project(), k -> lp.makeConstraint(Double.NEGATIVE_INFINITY, 1)).setCoefficient(x[i], 1);
                budget.get(ci.instrument()).setCoefficient(x[i], ci.cost());
                for (Draw d : ci.draws()) limit.get(d.limit()).setCoefficient(x[i], d.amount());
                for (Share s : ci.shares()) pool.get(s.pool()).setCoefficient(x[i], s.amount());
            }
            obj.setMaximization();
            MPSolver.ResultStatus st = lp.solve();
            return st == MPSolver.ResultStatus.OPTIMAL ? obj.value() : Double.NaN;
        } finally {
            lp.delete();
        }
    }
}
