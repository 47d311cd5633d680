package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.cooperation.IndustryCodes;
import org.klaster.cooperation.IoLink;
import org.klaster.cooperation.Matchmaking;
import org.klaster.cooperation.Matchmaking.Candidate;
import org.klaster.cooperation.Matchmaking.Match;
import org.klaster.cooperation.Matchmaking.Mode;
import org.klaster.cooperation.Matchmaking.Weights;
import org.klaster.data.formats.CodeListReader;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.reference.Okved2;
import org.klaster.data.search.MatchAnalyzer;
import org.klaster.data.search.TextIndex;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;
import org.klaster.data.store.PlatformStore;
import org.klaster.dependency.DependencyRow;
import org.klaster.mapping.CategoryMap;
import org.klaster.registry.Membership;
import org.klaster.registry.Offer;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;

/**
 * {@code klaster match}: partner matchmaking on a registry (docs/methods-cooperation.md). For a need, the
 * organisations that could meet it; for a competence, the needs it could meet — in the asker's clusters, in its
 * region, then in the rest of the country, each ranked by score = Σ weight × factor over text relevance (Lucene
 * BM25 with Russian and English analysers), code match, input–output link, distance and dependency. The columns of
 * the contract are the rank, the organisation, the score and the five contributions, which add up to the score.
 *
 * <p>{@link Matcher} is the prepared part — the registry's offers indexed once — so the web can keep it and ask it
 * many questions; {@link #run} asks one.
 */
public final class MatchAnalysis {

    public static final String ID = "match";
    /** At most this many rows per tier. */
    public static final int MAX_TOP = 1000;
    /** Offers outside the asker's cluster and region scored for their text alone: the best this many by BM25. */
    public static final int TEXT_CANDIDATES = 2000;
    /** A longer text is refused (a need or competence is a sentence or a paragraph). */
    public static final int MAX_TEXT = 4000;

    private MatchAnalysis() {
    }

    // ================================================================== parameters

    /**
     * A request.
     *
     * @param codes   OKPD2/OKVED2 codes as written (checked)
     * @param inn     the asking organisation (its industry, place and clusters), or null
     * @param cluster the cluster whose members come first, or null (the asker's clusters)
     * @param region  the asker's region, or null (the asker's own)
     * @param asOf    the day whose memberships count
     */
    public record Params(Mode mode, String text, List<String> codes, String inn, String cluster, String region, int top,
                         Weights weights, double decayKm, LocalDate asOf) {

        public Params {
            codes = List.copyOf(codes);
        }

        /**
         * Checks values as given (flags, query parameters): exactly one of {@code need} and {@code competence};
         * {@code codes} {@code ;}-separated; {@code weights} {@code name=w} pairs replacing the defaults they name;
         * blank {@code top}, {@code decayKm}, {@code asOf}: the defaults (10, 500 km, today).
         */
        public static Params of(String need, String competence, String codes, String inn, String cluster, String region,
                                String top, String weights, String decayKm, String asOf) {
            boolean n = need != null;
            boolean c = competence != null;
            if (n == c) throw UserException.badParameter("need", Messages.text("match.needOrCompetence"));
            String text = (n ? need : competence).strip();
            String param = n ? "need" : "competence";
            if (text.isEmpty()) throw UserException.badParameter(param, Messages.text("param.required"));
            if (text.length() > MAX_TEXT) throw UserException.badParameter(param, Messages.text("match.text.long", MAX_TEXT));
            Integer t = Param.integer("top", top, 1, MAX_TOP);
            Double d = Param.number("decay_km", decayKm);
            double km = d == null ? Matchmaking.DEFAULT_DECAY_KM : Param.positive("decay_km", d);
            LocalDate day = asOf == null || asOf.isBlank() ? LocalDate.now() : ComplianceAnalysis.date("as_of", asOf);
            String i = Param.code("inn", inn);
            return new Params(n ? Mode.NEED : Mode.COMPETENCE, text, MatchAnalysis.codes(codes), i, Param.code("cluster", cluster),
                    Param.code("region", region), t == null ? 10 : t, MatchAnalysis.weights(weights), km, day);
        }
    }

    /** {@code 28.41;25.62} → the codes, each checked; blank → none. */
    public static List<String> codes(String v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isBlank()) return out;
        for (String raw : v.split(";")) {
            String s = raw.strip();
            if (s.isEmpty()) continue;
            if (!IndustryCodes.valid(s)) throw UserException.badParameter("codes", Messages.text("match.code.invalid", Param.shorten(s)));
            if (!out.contains(s)) out.add(s);
        }
        return out;
    }

    /** {@code text=0.6,code=0.3} → the defaults with those weights replaced. */
    public static Weights weights(String v) {
        Weights w = Weights.DEFAULTS;
        if (v == null || v.isBlank()) return w;
        Set<String> seen = new HashSet<>();
        for (String raw : v.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) continue;
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq).strip();
            if (eq < 0 || !Weights.NAMES.contains(name)) {
                throw UserException.badParameter("weights", Messages.text("match.weights.item", Param.shorten(item),
                        String.join(", ", Weights.NAMES)));
            }
            if (!seen.add(name)) throw UserException.badParameter("weights", Messages.text("match.weights.twice", name));
            Double x = Param.number("weights", item.substring(eq + 1));
            if (x == null) throw UserException.badParameter("weights", Messages.text("match.weights.item", Param.shorten(item),
                    String.join(", ", Weights.NAMES)));
            try {
                w = w.with(name, x);
            } catch (InvalidParameterException e) {
                throw UserException.badParameter("weights", e.text());
            }
        }
        return w;
    }

    // ================================================================== the prepared registry

    /** An organisation as the factors see it. */
    private record Org(Organisation o, String activity, double lat, double lon, Set<String> clusters) {
    }

    /** One indexed offer: its candidate, the offer's text as written and its codes as written. */
    private record Doc(Candidate candidate, int org, String text, List<String> codes) {
    }

    /** The offers of one side indexed: their candidates, the text index, and the offers by division of their codes. */
    private static final class Side {
        final List<Doc> docs;
        final TextIndex index;
        final Map<String, int[]> byDivision;
        final Map<String, Doc> byKey = new HashMap<>();

        Side(List<Doc> docs, TextIndex index, Map<String, int[]> byDivision) {
            this.docs = docs;
            this.index = index;
            this.byDivision = byDivision;
            for (Doc d : docs) byKey.put(d.candidate().key(), d);
        }
    }

    /**
     * A registry prepared for matching on a day: its organisations with their places and clusters, and the offers
     * of each kind in a Lucene index (built on first use, then kept). Immutable once built; safe for many threads.
     */
    public static final class Matcher implements AutoCloseable {
        private final Registry registry;
        private final LocalDate asOf;
        private final MatchAnalyzer.Kind kind;
        private final List<Org> orgs = new ArrayList<>();
        private final Map<String, Integer> byInn = new HashMap<>();
        private volatile Side competences;
        private volatile Side needs;

        /**
         * @param asOf the day whose memberships make the clusters
         * @param kind the text analysis (MORPHOLOGY; PLAIN only to measure the baseline)
         */
        public Matcher(Registry registry, LocalDate asOf, MatchAnalyzer.Kind kind) {
            this.registry = registry;
            this.asOf = asOf;
            this.kind = kind;
            Map<String, Set<String>> clusters = new HashMap<>();
            for (Membership m : registry.memberships()) {
                if (m.activeOn(asOf)) clusters.computeIfAbsent(m.inn(), k -> new TreeSet<>()).add(m.cluster());
            }
            RegionCatalog regions = Reference.regions();
            for (Organisation o : registry.organisations()) {
                double lat = o.lat();
                double lon = o.lon();
                if (Double.isNaN(lat) || Double.isNaN(lon)) {
                    RegionInfo r = regions.get(o.region()).orElse(null);
                    lat = r == null ? Double.NaN : r.lat();
                    lon = r == null ? Double.NaN : r.lon();
                }
                byInn.put(o.inn(), orgs.size());
                orgs.add(new Org(o, IndustryCodes.path(o.okved()), lat, lon, clusters.getOrDefault(o.inn(), Set.of())));
            }
        }

        public Registry registry() {
            return registry;
        }

        public LocalDate asOf() {
            return asOf;
        }

        /** Builds both indexes now (the web does, before it answers). */
        public Matcher prepared() {
            side(Mode.NEED);
            side(Mode.COMPETENCE);
            return this;
        }

        /** The offers a query of {@code mode} is matched against: competences for a need, needs for a competence. */
        private Side side(Mode mode) {
            if (mode == Mode.NEED) {
                Side s = competences;
                if (s == null) {
                    synchronized (this) {
                        if (competences == null) competences = build(Offer.Kind.COMPETENCE);
                        s = competences;
                    }
                }
                return s;
            }
            Side s = needs;
            if (s == null) {
                synchronized (this) {
                    if (needs == null) needs = build(Offer.Kind.NEED);
                    s = needs;
                }
            }
            return s;
        }

        private Side build(Offer.Kind kind) {
            List<Doc> docs = new ArrayList<>();
            Map<String, Integer> offersOf = new HashMap<>();
            for (Offer f : registry.offers()) {
                if (f.kind() != kind) continue;
                int k = offersOf.merge(f.inn(), 1, Integer::sum);
                docs.add(doc(byInn.get(f.inn()), f.inn() + "#" + k, f.text(), f.codes()));
            }
            if (kind == Offer.Kind.COMPETENCE) {
                // an organisation that states no competence still stands with what its activity code says
                for (int i = 0; i < orgs.size(); i++) {
                    Org o = orgs.get(i);
                    if (offersOf.containsKey(o.o().inn())) continue;
                    docs.add(doc(i, o.o().inn(), activityText(o.o().okved()), List.of()));
                }
            }
            List<String> texts = new ArrayList<>(docs.size());
            // postings for code matches: each code under its first three digits (28.4 for 28.41) or, a bare division,
            // under its two; and under "*" + its division, for a request that names a bare division
            Map<String, List<Integer>> postings = new HashMap<>();
            for (int d = 0; d < docs.size(); d++) {
                Doc doc = docs.get(d);
                texts.add(doc.text());
                Set<String> keys = new HashSet<>();
                List<String> own = new ArrayList<>(doc.candidate().codes());
                // a competence also matches by its organisation's activity (what the supplier makes)
                if (kind == Offer.Kind.COMPETENCE && doc.candidate().activity() != null) own.add(doc.candidate().activity());
                for (String p : own) {
                    keys.add(p.substring(0, Math.min(3, p.length())));
                    keys.add("*" + p.substring(0, 2));
                }
                for (String key : keys) postings.computeIfAbsent(key, x -> new ArrayList<>()).add(d);
            }
            Map<String, int[]> byDivision = new HashMap<>();
            postings.forEach((k, v) -> byDivision.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            return new Side(List.copyOf(docs), TextIndex.build(texts, this.kind), byDivision);
        }

        private Doc doc(int org, String key, String text, List<String> codes) {
            Org o = orgs.get(org);
            List<String> paths = new ArrayList<>();
            for (String c : codes) {
                String p = IndustryCodes.path(c);
                if (p != null && !paths.contains(p)) paths.add(p);
            }
            Candidate c = new Candidate(key, o.o().inn(), o.activity(), paths, o.o().region(), o.lat(), o.lon(), o.clusters());
            return new Doc(c, org, text, codes);
        }

        /** The organisation with this INN, or null. */
        public Organisation organisation(String inn) {
            Integer i = byInn.get(inn);
            return i == null ? null : orgs.get(i).o();
        }

        /**
         * The ranked rows of one request. {@code io} and {@code dependent} (OKPD2/OKVED2 codes) may be null: those
         * factors are then 0 for every candidate.
         */
        public List<Row> match(Params p, IoLink io, List<String> dependent) {
            Side side = side(p.mode());
            Org asker = null;
            if (p.inn() != null) {
                Integer i = byInn.get(p.inn());
                if (i == null) throw UserException.badParameter("inn", Messages.text("match.inn.unknown", p.inn()));
                asker = orgs.get(i);
            }
            Set<String> clusters = new LinkedHashSet<>();
            if (p.cluster() != null) {
                if (registry.cluster(p.cluster()) == null) {
                    throw UserException.badParameter("cluster", Messages.text("match.cluster.unknown", p.cluster()));
                }
                clusters.add(p.cluster());
            } else if (asker != null) {
                clusters.addAll(asker.clusters());
            }
            String region = p.region() != null ? p.region() : asker == null ? null : asker.o().region();
            double lat = Double.NaN;
            double lon = Double.NaN;
            if (asker != null && (p.region() == null || p.region().equals(asker.o().region()))) {
                lat = asker.lat();
                lon = asker.lon();
            } else if (region != null) {
                RegionInfo r = Reference.regions().get(region).orElse(null);
                if (r != null) {
                    lat = r.lat();
                    lon = r.lon();
                }
            }
            List<String> codePaths = new ArrayList<>();
            for (String c : p.codes()) codePaths.add(IndustryCodes.path(c));
            Matchmaking.Query q = new Matchmaking.Query(p.mode(), asker == null ? null : asker.o().inn(),
                    asker == null ? null : asker.activity(), codePaths, region, lat, lon, clusters);

            // candidates: offers with a code on a branch the request's codes could match (Matchmaking.MIN_CODE), and
            // offers sharing a word with the text — all in the asker's cluster and region, the TEXT_CANDIDATES best
            // elsewhere (a nationwide word in common is common: "производство" is in half the offers)
            float[] bm25 = new float[side.docs.size()];
            int[] hits = new int[64];
            int[] nHits = {0};
            int[][] hitRef = {hits};
            side.index.search(p.text(), (doc, score) -> {
                bm25[doc] = score;
                if (nHits[0] == hitRef[0].length) hitRef[0] = Arrays.copyOf(hitRef[0], 2 * hitRef[0].length);
                hitRef[0][nHits[0]++] = doc;
            });
            hits = hitRef[0];
            float floor = 0;
            if (nHits[0] > TEXT_CANDIDATES) {
                float[] sorted = new float[nHits[0]];
                for (int i = 0; i < nHits[0]; i++) sorted[i] = bm25[hits[i]];
                Arrays.sort(sorted);
                floor = sorted[nHits[0] - TEXT_CANDIDATES];
            }
            boolean[] take = new boolean[side.docs.size()];
            for (int i = 0; i < nHits[0]; i++) {
                int d = hits[i];
                Candidate c = side.docs.get(d).candidate();
                if (bm25[d] >= floor || (region != null && region.equals(c.region())) || !java.util.Collections.disjoint(clusters, c.clusters())) {
                    take[d] = true;
                }
            }
            Set<String> keys = new HashSet<>();
            List<String> wanted = new ArrayList<>(codePaths);
            if (p.mode() == Mode.COMPETENCE && q.activity() != null) wanted.add(q.activity());
            for (String c : wanted) {
                if (c.length() == 2) {
                    keys.add("*" + c);
                } else {
                    keys.add(c.substring(0, 3));
                    keys.add(c.substring(0, 2));   // offers that name only the division
                }
            }
            for (String key : keys) for (int d : side.byDivision.getOrDefault(key, new int[0])) take[d] = true;
            List<Candidate> cands = new ArrayList<>();
            double[] s = new double[64];
            for (int d = 0; d < take.length; d++) {
                if (take[d]) {
                    if (cands.size() == s.length) s = Arrays.copyOf(s, 2 * s.length);
                    s[cands.size()] = bm25[d];
                    cands.add(side.docs.get(d).candidate());
                }
            }
            s = Arrays.copyOf(s, cands.size());
            List<String> dependentPaths = new ArrayList<>();
            if (dependent != null) for (String c : dependent) dependentPaths.add(IndustryCodes.path(c));
            List<Match> matches;
            try {
                matches = Matchmaking.rank(q, cands, s, new Matchmaking.Context(io, dependentPaths, p.decayKm()), p.weights(),
                        p.top());
            } catch (InvalidParameterException e) {
                throw UserException.badParameter("top", e.text());
            }
            List<Row> rows = new ArrayList<>();
            for (Match m : matches) {
                Doc d = side.byKey.get(m.candidate().key());
                Organisation o = orgs.get(d.org()).o();
                boolean ownText = !d.candidate().key().equals(o.inn());
                rows.add(new Row(m, o.name(), ownText ? d.text() : null, String.join(";", d.codes())));
            }
            return rows;
        }

        @Override
        public void close() {
            if (competences != null) competences.index.close();
            if (needs != null) needs.index.close();
        }
    }

    /** The text an organisation without competences stands with: its activity's name in Russian and English. */
    static String activityText(String okved) {
        if (okved == null || okved.isBlank()) return "";
        for (int k = okved.length(); k >= 2; k--) {
            String prefix = okved.substring(0, k);
            var ru = Okved2.name(prefix, "ru");
            if (ru.isPresent()) return ru.get() + ". " + Okved2.name(prefix, "en").orElse("");
        }
        return "";
    }

    // ================================================================== the table

    /**
     * One row: the match, the organisation's name, the text of the offer matched (null when an organisation without
     * competences stands with its activity) and the offer's codes as written.
     */
    public record Row(Match match, String name, String offer, String codes) {
    }

    public static Schema<Row> schema(Names names) {
        return Schema.<Row>builder(ID, "MatchRow")
                .integer("rank", Unit.RANK, r -> r.match().rank())
                .text("inn", r -> r.match().candidate().inn())
                .text("name", Row::name)
                .number("score", Unit.RATIO, r -> r.match().score())
                .number("text", Unit.RATIO, r -> r.match().contributions().text())
                .number("code", Unit.RATIO, r -> r.match().contributions().code())
                .number("io_link", Unit.RATIO, r -> r.match().contributions().ioLink())
                .number("distance", Unit.RATIO, r -> r.match().contributions().distance())
                .number("dependency", Unit.RATIO, r -> r.match().contributions().dependency())
                // what a reader needs to judge a row: named (extended) tables only, like the name columns
                .column(new Column<>("tier", ColumnType.TEXT, Unit.NONE, false, true, 0, r -> r.match().tier().code()))
                .column(new Column<>("region", ColumnType.TEXT, Unit.NONE, true, true, 0, r -> r.match().candidate().region()))
                .name("region_name", r -> names.regions().contains(r.match().candidate().region())
                        ? names.region(r.match().candidate().region()) : null)
                .column(new Column<>("distance_km", ColumnType.NUMBER, Unit.NONE, true, true, 0, r -> r.match().distanceKm()))
                .column(new Column<>("offer", ColumnType.TEXT, Unit.NONE, true, true, 0, Row::offer))
                .column(new Column<>("codes", ColumnType.TEXT, Unit.NONE, true, true, 0, Row::codes))
                .build();
    }

    /** What the IO link and the dependency read, and what the provenance says of them. */
    public record Context(IoLink io, Provenance.Input ioInput, List<String> dependent, Provenance.Input dependentInput,
                          List<Text> warnings, List<Text> notes) {
        public Context {
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The IO table and the dependent products of a request: a table file or dataset ({@code io}, null: the default
     * stored table when {@code store} is true and one is stored); a file of dependent codes ({@code dependentFile}),
     * else a trade dataset ({@code trade}, null: the default stored trade when {@code store}) screened for the
     * reporter's dependent products of its latest year, mapped to industries by the demo's HS → OKVED2 concordance.
     */
    public static Context context(Source io, Path dependentFile, String trade, boolean store, DataAccess access) {
        List<Text> warnings = new ArrayList<>();
        List<Text> notes = new ArrayList<>();
        IoLink link = null;
        Provenance.Input ioInput = null;
        IoModel model = null;
        if (io != null) {
            model = Inputs.io(io, true, access);
        } else if (store) {
            var d = access.defaultOf(Content.IO_TABLE);
            if (d.isPresent()) model = access.io(d.get());
        }
        if (model != null) {
            link = new IoLink(model.table());
            ioInput = model.input();
            warnings.addAll(model.warnings());
        } else {
            notes.add(Messages.text("match.note.noIo"));
        }
        List<String> dependent = null;
        Provenance.Input depInput = null;
        if (dependentFile != null) {
            try {
                CodeListReader.Result r = CodeListReader.read(dependentFile);
                dependent = r.codes();
                depInput = Provenance.Input.file("dependent", String.valueOf(dependentFile.getFileName()), r.sha256());
                warnings.addAll(Texts.of(r.warnings()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (trade != null || store) {
            Dataset d = trade != null ? access.choose("trade_dataset", trade, Content.TRADE)
                    : access.defaultOf(Content.TRADE).orElse(null);
            if (d != null) {
                TradeInput in = TradeInput.of(d, access);
                DependencyAnalysis.Screen screen = DependencyAnalysis.screen(in,
                        new DependencyAnalysis.Params(null, null, null, null, null), false, access);
                dependent = dependentIndustries(screen.all(), OpportunitiesAnalysis.demoConcordance());
                depInput = in.input();
                notes.add(Messages.text("match.note.dependentTrade", d.id(), screen.reporter(), dependent.size()));
            }
        }
        if (dependent == null) notes.add(Messages.text("match.note.noDependent"));
        return new Context(link, ioInput, dependent == null ? List.of() : dependent, depInput, warnings, notes);
    }

    /** The industries of the products marked dependent in the latest year screened (sorted). */
    static List<String> dependentIndustries(List<DependencyRow> rows, CategoryMap concordance) {
        int last = Integer.MIN_VALUE;
        for (DependencyRow r : rows) last = Math.max(last, r.year());
        Set<String> out = new TreeSet<>();
        for (DependencyRow r : rows) {
            if (r.year() != last || !r.dependent()) continue;
            String industry = org.klaster.complexity.Opportunities.industryOf(concordance, r.product());
            if (industry != null && IndustryCodes.valid(industry)) out.add(industry);
        }
        return List.copyOf(out);
    }

    /** Reads the registry folder and answers one request. */
    public static Table<Row> run(Path registryDir, Params p, Context ctx, Names names, boolean withNames) {
        try {
            RegistryReader.Result reg = RegistryReader.read(registryDir);
            List<Text> warnings = new ArrayList<>(reg.warnings());
            try (Matcher m = new Matcher(reg.registry(), p.asOf(), MatchAnalyzer.Kind.MORPHOLOGY)) {
                return table(m, p, ctx, names, withNames, warnings,
                        Provenance.Input.file("registry", fileName(registryDir), reg.sha256()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers one request on the registry of the platform store. */
    public static Table<Row> runStored(PlatformStore store, Params p, Context ctx, Names names, boolean withNames) {
        try (Matcher m = new Matcher(store.registry(), p.asOf(), MatchAnalyzer.Kind.MORPHOLOGY)) {
            return table(m, p, ctx, names, withNames, new ArrayList<>(),
                    Provenance.Input.file("registry", "platform store " + store.location(), null));
        }
    }

    /** Answers one request on a prepared registry (the web keeps the matcher). */
    public static Table<Row> table(Matcher m, Params p, Context ctx, Names names, boolean withNames, List<Text> warnings,
                                   Provenance.Input registryInput) {
        List<Row> rows = m.match(p, ctx.io(), ctx.dependent());
        List<Text> w = new ArrayList<>(warnings);
        w.addAll(ctx.warnings());
        List<Text> notes = new ArrayList<>(ctx.notes());
        if (p.inn() == null && p.mode() == Mode.NEED) notes.add(Messages.text("match.note.noBuyer"));
        if (p.inn() == null && p.region() == null) notes.add(Messages.text("match.note.noPlace"));
        Weights wt = p.weights();
        notes.add(Messages.text("match.note.method", wt.text(), wt.code(), wt.ioLink(), wt.distance(), wt.dependency(),
                p.decayKm()));
        int[] tiers = new int[Matchmaking.Tier.values().length];
        for (Row r : rows) tiers[r.match().tier().ordinal()]++;
        notes.add(Messages.text("match.note.tiers", tiers[0], tiers[1], tiers[2], p.top()));
        if (rows.isEmpty()) notes.add(Messages.text("match.note.none"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(p.mode() == Mode.NEED ? "need" : "competence", p.text());
        params.put("codes", String.join(";", p.codes()));
        params.put("inn", p.inn());
        params.put("cluster", p.cluster());
        params.put("region", p.region());
        params.put("as_of", p.asOf().toString());
        params.put("top", p.top());
        params.put("weights", "text=" + wt.text() + ",code=" + wt.code() + ",io_link=" + wt.ioLink() + ",distance="
                + wt.distance() + ",dependency=" + wt.dependency());
        params.put("decay_km", p.decayKm());
        params.put("dependent_codes", ctx.dependent().size());
        List<Provenance.Input> inputs = new ArrayList<>();
        inputs.add(registryInput);
        if (ctx.ioInput() != null) inputs.add(ctx.ioInput());
        if (ctx.dependentInput() != null) inputs.add(ctx.dependentInput());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", rows.size());
        summary.put("in_cluster", tiers[0]);
        summary.put("in_region", tiers[1]);
        summary.put("elsewhere", tiers[2]);
        return new Table<>(schema(names), rows, withNames, new Provenance(ID, inputs, params, null), w, notes, summary);
    }

    private static String fileName(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
