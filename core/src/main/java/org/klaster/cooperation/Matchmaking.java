package org.klaster.cooperation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.inputoutput.LocalSuppliers;

/**
 * Partner matchmaking (docs/methods-cooperation.md): for a need, the organisations that could meet it; for a
 * competence, the needs it could meet. Each candidate gets five factors in [0, 1] — text relevance (BM25 divided
 * by the best BM25 of the query), code match, input–output link, distance and dependency — and
 * score = Σ weight × factor. Every contribution is rounded to 6 decimals and the score is their exact sum, so
 * the printed contributions add up to the printed score.
 *
 * <p>Only candidates with some text relevance, or a code match of at least {@link #MIN_CODE}, could meet the request;
 * the others are left out.
 * Rows come in three tiers — members of the asker's clusters, then organisations of its region, then the rest of
 * the country — each ranked by score (ties: INN, then key) and cut at {@code top}; ranks run on through the tiers.
 */
public final class Matchmaking {

    /** Default scale of the distance decay exp(−d / scale), km. */
    public static final double DEFAULT_DECAY_KM = 500;

    /**
     * A code match alone makes a candidate from this similarity on: the same branch down to a division (28.41 and
     * 28), or sisters below a common group (28.41 and 28.49); not cousins that share only the division (28.41, 28.15).
     */
    public static final double MIN_CODE = 0.5;

    private static final double SCALE = 1e6;

    private Matchmaking() {
    }

    /** What is matched: a need against organisations (their competences), or a competence against needs. */
    public enum Mode {
        NEED, COMPETENCE
    }

    /** Where a candidate stands to the asker; rows come in this order. */
    public enum Tier {
        CLUSTER, REGION, NATION;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The five factors (or their contributions) of one candidate, in column order. */
    public record Factors(double text, double code, double ioLink, double distance, double dependency) {
    }

    /** The weight of each factor: finite, ≥ 0, not all 0. */
    public record Weights(double text, double code, double ioLink, double distance, double dependency) {

        /** The defaults: text 0.5, code 0.2, input–output link 0.1, distance 0.1, dependency 0.1. */
        public static final Weights DEFAULTS = new Weights(0.5, 0.2, 0.1, 0.1, 0.1);

        /** The factor names as {@code --weights} writes them, in column order. */
        public static final List<String> NAMES = List.of("text", "code", "io_link", "distance", "dependency");

        public Weights {
            double[] all = {text, code, ioLink, distance, dependency};
            double sum = 0;
            for (int k = 0; k < all.length; k++) {
                if (!(all[k] >= 0) || Double.isInfinite(all[k])) {
                    throw new InvalidParameterException(Text.core("match.weight.invalid", NAMES.get(k), all[k]));
                }
                sum += all[k];
            }
            if (!(sum > 0)) throw new InvalidParameterException(Text.core("match.weight.zero"));
        }

        /** This set with one weight replaced, by its name in {@link #NAMES} (IllegalArgumentException otherwise). */
        public Weights with(String name, double w) {
            return switch (name) {
                case "text" -> new Weights(w, code, ioLink, distance, dependency);
                case "code" -> new Weights(text, w, ioLink, distance, dependency);
                case "io_link" -> new Weights(text, code, w, distance, dependency);
                case "distance" -> new Weights(text, code, ioLink, w, dependency);
                case "dependency" -> new Weights(text, code, ioLink, distance, w);
                default -> throw new IllegalArgumentException("unknown factor " + name);
            };
        }

        public double sum() {
            return text + code + ioLink + distance + dependency;
        }
    }

    /**
     * The asker's side.
     *
     * @param mode     what the text and codes describe: a need or a competence
     * @param inn      the asking organisation (never its own candidate), or null
     * @param activity the asker's OKVED2 path ({@link IndustryCodes#path}), or null: in NEED mode the buying
     *                 industry, in COMPETENCE mode one more code of what it supplies
     * @param codes    paths of the need's or competence's codes
     * @param region   the asker's region (tier REGION), or null
     * @param lat      where the asker is (its own coordinates or its region's centre), NaN when unknown
     * @param clusters clusters whose members are tier CLUSTER
     */
    public record Query(Mode mode, String inn, String activity, List<String> codes, String region, double lat, double lon,
                        Set<String> clusters) {
        public Query {
            Objects.requireNonNull(mode, "mode");
            codes = List.copyOf(codes);
            clusters = Set.copyOf(clusters);
        }
    }

    /**
     * One candidate: an organisation with one of its competences (NEED mode; an organisation without one stands with
     * its activity alone), or one need of an organisation (COMPETENCE mode).
     *
     * @param key      identifies the offer (rows are one per organisation in NEED mode: its best offer)
     * @param activity the organisation's OKVED2 path, or null
     * @param codes    paths of the offer's codes
     * @param lat      where the organisation is (its coordinates or its region's centre), NaN when unknown
     * @param clusters clusters the organisation is a member of
     */
    public record Candidate(String key, String inn, String activity, List<String> codes, String region, double lat,
                            double lon, Set<String> clusters) {
        public Candidate {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(inn, "inn");
            codes = List.copyOf(codes);
            clusters = Set.copyOf(clusters);
        }
    }

    /**
     * What the factors read besides the two sides.
     *
     * @param io        the input–output links, or null (factor 0)
     * @param dependent paths of the products the dependency screen marks dependent (empty: factor 0)
     * @param decayKm   the distance decay's scale, km, &gt; 0
     */
    public record Context(IoLink io, List<String> dependent, double decayKm) {
        public Context {
            dependent = List.copyOf(dependent);
            if (!(decayKm > 0) || Double.isInfinite(decayKm)) {
                throw new InvalidParameterException(Text.core("match.decay.invalid", decayKm));
            }
        }
    }

    /** One row: rank, tier, the candidate, score = Σ contributions, the factors, the contributions, km (NaN unknown). */
    public record Match(int rank, Tier tier, Candidate candidate, double score, Factors factors, Factors contributions,
                        double distanceKm) {
    }

    /**
     * The ranked rows: at most {@code top} per tier.
     *
     * @param bm25 the text relevance of each candidate's offer to the query as the index scored it (0: no word in
     *             common), in the order of {@code candidates}
     */
    public static List<Match> rank(Query q, List<Candidate> candidates, double[] bm25, Context ctx, Weights w, int top) {
        if (top < 1) throw new InvalidParameterException(Text.core("match.top.invalid", top));
        if (bm25.length != candidates.size()) throw new IllegalArgumentException("one BM25 per candidate");
        double maxBm25 = 0;
        for (int k = 0; k < bm25.length; k++) {
            if (bm25[k] > maxBm25 && !candidates.get(k).inn().equals(q.inn())) maxBm25 = bm25[k];
        }
        int buyerOfQuery = q.mode() == Mode.NEED && ctx.io() != null ? sector(ctx.io(), q.activity()) : -1;
        List<String> supplierOfQuery = q.mode() == Mode.COMPETENCE ? supplierCodes(q.codes(), q.activity()) : null;
        int[] supplierSectorsOfQuery = supplierOfQuery != null && ctx.io() != null ? sectors(ctx.io(), supplierOfQuery) : null;
        // phase 1: every factor but distance, which is the same for all offers of one organisation (its place)
        int n = candidates.size();
        double[] ft = new double[n];
        double[] fc = new double[n];
        double[] fi = new double[n];
        double[] fd = new double[n];
        double[] partial = new double[n];
        Tier[] tiers = new Tier[n];
        Map<String, Integer> best = new HashMap<>(Math.max(16, n * 2));
        for (int k = 0; k < n; k++) {
            Candidate c = candidates.get(k);
            if (c.inn().equals(q.inn())) continue;
            double text = maxBm25 > 0 ? Math.min(1.0, Math.max(0.0, bm25[k] / maxBm25)) : 0;
            // the supplier's products: its offer's codes and its activity (NEED), or the query's (COMPETENCE)
            double code;
            if (q.mode() == Mode.NEED) {
                code = IndustryCodes.best(q.codes(), c.codes());
                if (c.activity() != null) code = Math.max(code, IndustryCodes.best(q.codes(), List.of(c.activity())));
            } else {
                code = IndustryCodes.best(c.codes(), supplierOfQuery);
            }
            if (text <= 0 && code < MIN_CODE) continue;   // nothing says it could meet the request
            double io = 0;
            if (ctx.io() != null) {
                if (q.mode() == Mode.NEED) {
                    if (buyerOfQuery >= 0) {
                        for (String p : c.codes()) io = Math.max(io, ctx.io().link(sector(ctx.io(), p), buyerOfQuery));
                        io = Math.max(io, ctx.io().link(sector(ctx.io(), c.activity()), buyerOfQuery));
                    }
                } else {
                    io = ctx.io().link(supplierSectorsOfQuery, sector(ctx.io(), c.activity()));
                }
            }
            // the candidate's products: what the organisation makes (NEED), what the need asks for (COMPETENCE)
            boolean dependent = onDependentBranch(c.codes(), ctx.dependent())
                    || (q.mode() == Mode.NEED && c.activity() != null && onDependentBranch(List.of(c.activity()), ctx.dependent()));
            double dependency = dependent ? 1 : 0;
            ft[k] = text;
            fc[k] = code;
            fi[k] = io;
            fd[k] = dependency;
            partial[k] = w.text() * text + w.code() * code + w.ioLink() * io + w.dependency() * dependency;
            tiers[k] = tier(q, c);
            String group = q.mode() == Mode.NEED ? c.inn() : c.key();
            Integer before = best.get(group);
            if (before == null || before(partial[k], c, partial[before], candidates.get(before))) best.put(group, k);
        }
        // phase 2, per tier: the full scores of the best `top` by the other factors bound the top's last score from
        // below; a candidate whose other factors plus the largest distance contribution stay under it cannot enter
        int[] count = new int[Tier.values().length];
        for (int k : best.values()) count[tiers[k].ordinal()]++;
        int[][] byTier = new int[count.length][];
        for (int t = 0; t < count.length; t++) byTier[t] = new int[count[t]];
        int[] fill = new int[count.length];
        for (int k : best.values()) byTier[tiers[k].ordinal()][fill[tiers[k].ordinal()]++] = k;
        List<Match> out = new ArrayList<>();
        for (int[] members : byTier) {
            java.util.Comparator<Integer> worstFirst = (a, b) -> before(partial[a], candidates.get(a), partial[b],
                    candidates.get(b)) ? 1 : before(partial[b], candidates.get(b), partial[a], candidates.get(a)) ? -1 : 0;
            java.util.PriorityQueue<Integer> first = new java.util.PriorityQueue<>(worstFirst);
            for (int k : members) {
                if (first.size() < top) {
                    first.add(k);
                } else if (before(partial[k], candidates.get(k), partial[first.peek()], candidates.get(first.peek()))) {
                    first.poll();
                    first.add(k);
                }
            }
            List<Scored> scored = new ArrayList<>();
            java.util.Set<Integer> done = new java.util.HashSet<>(first);
            double floor = Double.POSITIVE_INFINITY;
            for (int k : first) {
                Scored x = scored(q, candidates.get(k), ft[k], fc[k], fi[k], fd[k], partial[k], tiers[k], ctx, w);
                scored.add(x);
                floor = Math.min(floor, x.raw());
            }
            if (scored.size() < top) floor = Double.NEGATIVE_INFINITY;
            for (int k : members) {
                if (done.contains(k) || partial[k] + w.distance() < floor) continue;
                scored.add(scored(q, candidates.get(k), ft[k], fc[k], fi[k], fd[k], partial[k], tiers[k], ctx, w));
            }
            scored.sort(ORDER);
            for (Scored x : scored.subList(0, Math.min(top, scored.size()))) out.add(match(out.size() + 1, x, w));
        }
        return out;
    }

    /** Whether a candidate goes before another by partial score, then INN, then key. */
    private static boolean before(double pa, Candidate a, double pb, Candidate b) {
        if (pa != pb) return pa > pb;
        int c = a.inn().compareTo(b.inn());
        return c != 0 ? c < 0 : a.key().compareTo(b.key()) < 0;
    }

    /** The candidate with its distance: the one factor left. */
    private static Scored scored(Query q, Candidate c, double text, double code, double io, double dependency, double partial,
                                 Tier tier, Context ctx, Weights w) {
        double km = Double.isNaN(q.lat()) || Double.isNaN(c.lat()) ? Double.NaN
                : LocalSuppliers.distanceKm(q.lat(), q.lon(), c.lat(), c.lon());
        double distance = Double.isNaN(km) ? 0 : Math.exp(-km / ctx.decayKm());
        return new Scored(c, new Factors(text, code, io, distance, dependency), partial + w.distance() * distance, km, tier);
    }

    private record Scored(Candidate c, Factors f, double raw, double km, Tier tier) {
    }

    /** Within a tier: score descending, then INN, then key. */
    private static final Comparator<Scored> ORDER = (a, b) -> {
        int c = Double.compare(b.raw(), a.raw());
        if (c != 0) return c;
        c = a.c().inn().compareTo(b.c().inn());
        return c != 0 ? c : a.c().key().compareTo(b.c().key());
    };

    private static Match match(int rank, Scored s, Weights w) {
        Factors f = s.f();
        long[] units = {units(w.text() * f.text()), units(w.code() * f.code()), units(w.ioLink() * f.ioLink()),
                units(w.distance() * f.distance()), units(w.dependency() * f.dependency())};
        long sum = 0;
        for (long u : units) sum += u;
        Factors contributions = new Factors(units[0] / SCALE, units[1] / SCALE, units[2] / SCALE, units[3] / SCALE,
                units[4] / SCALE);
        // the sum in millionths is exact; one division gives the double nearest to the decimal sum
        return new Match(rank, s.tier(), s.c(), sum / SCALE, f, contributions, s.km());
    }

    /** A contribution in millionths, rounded half up. */
    private static long units(double v) {
        return Math.round(v * SCALE);
    }

    static Tier tier(Query q, Candidate c) {
        for (String cl : c.clusters()) if (q.clusters().contains(cl)) return Tier.CLUSTER;
        if (q.region() != null && q.region().equals(c.region())) return Tier.REGION;
        return Tier.NATION;
    }

    /** What a supplier makes: its offer's codes and its activity. */
    static List<String> supplierCodes(List<String> codes, String activity) {
        if (activity == null || codes.contains(activity)) return codes;
        List<String> out = new ArrayList<>(codes);
        out.add(activity);
        return out;
    }

    private static int[] sectors(IoLink io, List<String> paths) {
        int[] out = new int[paths.size()];
        for (int k = 0; k < out.length; k++) out[k] = sector(io, paths.get(k));
        return out;
    }

    private static int sector(IoLink io, String path) {
        return path == null ? -1 : io.sectorOfPath(path);
    }

    /** Whether some code lies on the branch of a dependent product ({@link IndustryCodes#sameBranch}). */
    static boolean onDependentBranch(List<String> codes, List<String> dependent) {
        for (String c : codes) {
            for (String d : dependent) if (IndustryCodes.sameBranch(c, d)) return true;
        }
        return false;
    }
}
