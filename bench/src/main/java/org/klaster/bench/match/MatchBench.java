package org.klaster.bench.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.klaster.app.analysis.MatchAnalysis;
import org.klaster.cooperation.IoLink;
import org.klaster.cooperation.Matchmaking;
import org.klaster.data.demo.DemoIo;
import org.klaster.data.search.MatchAnalyzer;
import org.klaster.registry.Cluster;
import org.klaster.registry.ClusterType;
import org.klaster.registry.Identifiers;
import org.klaster.registry.Membership;
import org.klaster.registry.Offer;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Registry;

/**
 * The matchmaking benchmark (bench/match/run.sh, docs/benchmarks.md): a synthetic registry of N organisations
 * (default 100 000) with one or two competences each in Russian or English and a need for every fifth, built from
 * 40 industrial phrases, three modifiers each and 83 regions; then, in process, the time to build both Lucene indexes
 * ({@link MatchAnalysis.Matcher#prepared}) and the latency of single needs (all five factors: the demo's IO table,
 * 12 dependent codes, an asker with its place and clusters), one thread, after a warm-up.
 *
 * <pre>
 * MatchBench [ORGS [BUILDS [QUERIES]]]     defaults 100000 3 2000
 * </pre>
 */
public final class MatchBench {

    /** Phrase, its OKVED2/OKPD2 code. Modifiers and inflections vary the text. */
    static final String[][] PHRASES = {
            {"Производство металлорежущих станков", "28.41"}, {"CNC machine tools", "28.41"},
            {"Подшипники качения", "28.15"}, {"Roller bearings", "28.15"}, {"Литьё алюминия под давлением", "24.53"},
            {"Aluminium die casting", "24.53"}, {"Чугунные отливки", "24.51"}, {"Поковки из стали", "25.50"},
            {"Steel forgings", "25.50"}, {"Печатные платы", "26.12"}, {"PCB assembly", "26.12"},
            {"Изделия из углепластика", "22.29"}, {"Гидроцилиндры и насосы", "28.12"}, {"Hydraulic cylinders", "28.12"},
            {"Сварные металлоконструкции", "25.11"}, {"Термическая обработка металлов", "25.61"},
            {"Гальванические покрытия", "25.61"}, {"Литьё пластмасс", "22.29"}, {"Резиновые уплотнения", "22.19"},
            {"Силовые кабели", "27.32"}, {"Electric motors", "27.11"}, {"Асинхронные электродвигатели", "27.11"},
            {"Датчики давления", "26.51"}, {"Industrial sensors", "26.51"}, {"Программное обеспечение САПР", "62.01"},
            {"Испытания материалов", "71.20"}, {"Калибровка средств измерений", "71.20"}, {"Ремонт станков", "33.12"},
            {"Механическая обработка на станках с ЧПУ", "25.62"}, {"CNC machining services", "25.62"},
            {"Червячные редукторы", "28.15"}, {"Литий-ионные аккумуляторы", "27.20"}, {"Светодиодные светильники", "27.40"},
            {"Промышленные роботы", "28.99"}, {"Твердосплавные фрезы", "25.73"}, {"Высокопрочный крепёж", "25.94"},
            {"Порошковые краски", "20.30"}, {"Гофрокартон", "17.21"}, {"Лазерная резка металла", "25.62"},
            {"Бесшовные трубы", "24.20"}};
    static final String[] MODIFIERS_RU = {"серийное производство", "по чертежам заказчика", "для машиностроения",
            "для нефтегазовой отрасли", "малые партии", "с доставкой", "по ГОСТ", "импортозамещение", "для авиастроения"};
    private static final String[] MODIFIERS_EN = {"small batches", "to customer drawings", "for the automotive industry",
            "for oil and gas", "ISO 9001", "short lead times"};
    private static final String[] REGIONS = {"RU-AD", "RU-AL", "RU-BA", "RU-BU", "RU-DA", "RU-IN", "RU-KB", "RU-KL",
            "RU-KC", "RU-KR", "RU-KO", "RU-CR", "RU-ME", "RU-MO", "RU-SA", "RU-SE", "RU-TA", "RU-TY", "RU-UD", "RU-KK",
            "RU-CE", "RU-CU", "RU-ALT", "RU-ZAB", "RU-KAM", "RU-KDA", "RU-KYA", "RU-PER", "RU-PRI", "RU-STA", "RU-KHA",
            "RU-AMU", "RU-ARK", "RU-AST", "RU-BEL", "RU-BRY", "RU-VLA", "RU-VGG", "RU-VLG", "RU-VOR", "RU-IVA", "RU-IRK",
            "RU-KGD", "RU-KLU", "RU-KEM", "RU-KIR", "RU-KOS", "RU-KGN", "RU-KRS", "RU-LEN", "RU-LIP", "RU-MAG", "RU-MOS",
            "RU-MUR", "RU-NIZ", "RU-NGR", "RU-NVS", "RU-OMS", "RU-ORE", "RU-ORL", "RU-PNZ", "RU-PSK", "RU-ROS", "RU-RYA",
            "RU-SAM", "RU-SAR", "RU-SAK", "RU-SVE", "RU-SMO", "RU-TAM", "RU-TVE", "RU-TOM", "RU-TUL", "RU-TYU", "RU-ULY",
            "RU-CHE", "RU-YAR", "RU-MOW", "RU-SPE", "RU-YEV", "RU-NEN", "RU-KHM", "RU-CHU"};

    private MatchBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int builds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        long t0 = System.nanoTime();
        Registry r = registry(n, 20_250_613L);
        System.out.printf(Locale.ROOT, "registry: %d organisations, %d offers, %d memberships (generated in %.1f s)%n",
                r.organisations().size(), r.offers().size(), r.memberships().size(), (System.nanoTime() - t0) / 1e9);
        LocalDate day = LocalDate.of(2025, 1, 1);
        double[] buildSeconds = new double[builds];
        MatchAnalysis.Matcher m = null;
        for (int b = 0; b < builds; b++) {
            if (m != null) m.close();
            System.gc();
            long s = System.nanoTime();
            m = new MatchAnalysis.Matcher(r, day, MatchAnalyzer.Kind.MORPHOLOGY).prepared();
            buildSeconds[b] = (System.nanoTime() - s) / 1e9;
            System.out.printf(Locale.ROOT, "build %d: %.2f s (both indexes: competences and needs)%n", b + 1, buildSeconds[b]);
        }
        Arrays.sort(buildSeconds);
        System.out.printf(Locale.ROOT, "index build: median %.2f s, best %.2f s over %d builds%n", buildSeconds[builds / 2],
                buildSeconds[0], builds);

        IoLink io = new IoLink(DemoIo.standard());
        List<String> dependent = List.of("28.41", "28.15", "26.12", "26.51", "27.11", "27.20", "24.53", "25.73", "22.29",
                "20.30", "28.99", "62.01");
        SplittableRandom rnd = new SplittableRandom(7);
        List<MatchAnalysis.Params> asks = new ArrayList<>();
        for (int q = 0; q < 200 + queries; q++) {
            String[] p = PHRASES[rnd.nextInt(PHRASES.length)];
            String text = "Ищем поставщика: " + p[0].toLowerCase(Locale.ROOT) + ", " + MODIFIERS_RU[rnd.nextInt(MODIFIERS_RU.length)];
            String asker = r.organisations().get(rnd.nextInt(n)).inn();
            asks.add(new MatchAnalysis.Params(Matchmaking.Mode.NEED, text, rnd.nextBoolean() ? List.of(p[1]) : List.of(), asker,
                    null, null, 10, Matchmaking.Weights.DEFAULTS, Matchmaking.DEFAULT_DECAY_KM, day));
        }
        long rows = 0;
        for (int q = 0; q < 200; q++) rows += m.match(asks.get(q), io, dependent).size();   // warm-up
        double[] ms = new double[queries];
        for (int q = 0; q < queries; q++) {
            long s = System.nanoTime();
            rows += m.match(asks.get(200 + q), io, dependent).size();
            ms[q] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "need → organisations, %d queries after 200 warm-up, one thread: p50 %.1f ms, p90 %.1f ms,"
                        + " p99 %.1f ms, max %.1f ms (%d rows)%n", queries, pct(ms, 0.5), pct(ms, 0.9), pct(ms, 0.99),
                ms[ms.length - 1], rows);
        m.close();
    }

    static double pct(double[] sorted, double p) {
        int k = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
    }

    /** N organisations in 83 regions, 40 clusters of 50 members, competences and every fifth a need. */
    static Registry registry(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Organisation> orgs = new ArrayList<>(n);
        List<Offer> offers = new ArrayList<>();
        List<Membership> members = new ArrayList<>();
        List<Cluster> clusters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String first = String.format(Locale.ROOT, "99%07d", i);
            String inn = first + Identifiers.innCheckDigit(first);
            String[] p = PHRASES[rnd.nextInt(PHRASES.length)];
            String region = REGIONS[rnd.nextInt(REGIONS.length)];
            orgs.add(new Organisation(inn, "", "Организация " + i, OrganisationType.ENTERPRISE, p[1], region,
                    45 + rnd.nextDouble() * 15, 30 + rnd.nextDouble() * 60, Double.NaN, Double.NaN, false, false));
            offers.add(new Offer(inn, Offer.Kind.COMPETENCE, text(p[0], rnd), List.of(p[1])));
            if (rnd.nextInt(3) == 0) {
                String[] q = PHRASES[rnd.nextInt(PHRASES.length)];
                offers.add(new Offer(inn, Offer.Kind.COMPETENCE, text(q[0], rnd), rnd.nextBoolean() ? List.of(q[1]) : List.of()));
            }
            if (i % 5 == 0) {
                String[] q = PHRASES[rnd.nextInt(PHRASES.length)];
                offers.add(new Offer(inn, Offer.Kind.NEED, "Нужны " + text(q[0], rnd).toLowerCase(Locale.ROOT), List.of(q[1])));
            }
            if (i < 2000) {
                String c = "C" + (i / 50);
                if (i % 50 == 0) clusters.add(new Cluster(c, "Cluster " + c, ClusterType.INDUSTRIAL, List.of(region), List.of(p[1]), ""));
                members.add(new Membership(c, inn, LocalDate.of(2020, 1, 1), null));
            }
        }
        return new Registry(orgs, clusters, members, List.of(), List.of(), offers);
    }

    private static String text(String phrase, SplittableRandom rnd) {
        boolean latin = phrase.chars().anyMatch(ch -> ch >= 'A' && ch <= 'z');
        String[] mods = latin ? MODIFIERS_EN : MODIFIERS_RU;
        return phrase + ", " + mods[rnd.nextInt(mods.length)] + ", " + mods[rnd.nextInt(mods.length)] + ".";
    }
}
