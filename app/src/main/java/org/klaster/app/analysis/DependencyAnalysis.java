package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.klaster.Text;
import org.klaster.dependency.DependencyRow;
import org.klaster.dependency.DependencyScreen;
import org.klaster.dependency.Thresholds;
import org.klaster.dependency.TradeFlow;

/**
 * {@code klaster dependency} / Sovereignty → Import dependency: the strategic dependency screen of one
 * reporter (European Commission SWD(2021) 352, CEPII GeoDep), one row per product × year
 * (docs/methods-dependency.md).
 */
public final class DependencyAnalysis {

    public static final String ID = "dependency";
    /** Values of {@link Params#only}. */
    public static final List<String> ONLY = List.of("all", "dependent", "persistent");

    private DependencyAnalysis() {
    }

    /**
     * @param reporter   the reporter screened (null: RUS when it imports, else the largest importer)
     * @param outside    count only imports from partners outside this group (null: all partners)
     * @param years      {first, last} year printed, or null for every year (persistence still looks back)
     * @param thresholds the four cut-offs
     * @param only       all, dependent or persistent rows
     */
    public record Params(String reporter, String outside, int[] years, Thresholds thresholds, String only) {
        public Params {
            if (thresholds == null) thresholds = Thresholds.DEFAULTS;
            Params.check(thresholds);
            only = Params.only(only);
        }

        static void check(Thresholds t) {
            Param.share("hhi_threshold", t.importHhi());
            Param.nonNegative("ratio_threshold", t.importExportRatio());
            Param.share("reliance_threshold", t.importReliance());
            Param.share("world_hhi_threshold", t.worldExportHhi());
        }

        public static String only(String v) {
            return Param.oneOf("only", v, ONLY, "all");
        }
    }

    /** What a request resolved to. */
    public record Screen(TradeInput trade, String reporter, String group, Set<String> excluded, int from, int to,
                         Thresholds thresholds, List<DependencyRow> all, List<Text> warnings) {

        /** The rows of the years asked for, filtered by {@code only}. */
        public List<DependencyRow> rows(String only) {
            List<DependencyRow> out = new ArrayList<>();
            for (DependencyRow r : all) {
                if (r.year() < from || r.year() > to) continue;
                if (only.equals("dependent") && !r.dependent()) continue;
                if (only.equals("persistent") && !r.persistent()) continue;
                out.add(r);
            }
            return out;
        }

        /** Rows of one year, unfiltered. */
        public List<DependencyRow> year(int y) {
            return all.stream().filter(r -> r.year() == y).toList();
        }
    }

    /** Resolves the request and screens every year of the reporter (remembered per dataset where kept). */
    public static Screen screen(TradeInput in, Params p, boolean groupsFromFile, DataAccess access) {
        String reporter = p.reporter() == null ? in.defaultReporter() : p.reporter();
        Set<String> reporters = in.reporters();
        if (!reporters.contains(reporter)) {
            String list = reporters.size() <= 10 ? String.join(", ", reporters)
                    : reporters.stream().limit(10).collect(Collectors.joining(", ")) + ", … (" + reporters.size() + ")";
            throw UserException.notFound("reporter", Messages.text("dep.unknownReporter", reporter, in.label(), list));
        }
        List<Text> warnings = new ArrayList<>(in.warnings());
        Set<String> excluded = Set.of();
        if (p.outside() != null) {
            List<String> members = in.data().groups().get(p.outside());
            if (members == null) {
                String known = in.data().groups().isEmpty() ? "—" : String.join(", ", in.data().groups().keySet());
                throw UserException.badParameter("outside", in.data().groups().isEmpty() && !groupsFromFile && in.input().id() == null
                        ? Messages.text("dep.outsideNeedsGroups", p.outside())
                        : Messages.text("dep.unknownGroup", p.outside(), known));
            }
            excluded = Set.copyOf(new HashSet<>(members));
            Set<String> partners = new LinkedHashSet<>();
            for (TradeFlow f : in.data().flows()) {
                if (f.reporter().equals(reporter) && f.flow() == TradeFlow.Flow.IMPORT) partners.add(f.partner());
            }
            if (partners.stream().noneMatch(excluded::contains)) warnings.add(Messages.text("dep.uselessGroup", p.outside(), reporter));
        } else if (groupsFromFile) {
            warnings.add(Messages.text("dep.groupsUnused"));
        }
        boolean hasProduction = !in.data().production().isEmpty();
        if (hasProduction && in.data().production().stream().noneMatch(x -> x.reporter().equals(reporter))) {
            warnings.add(Messages.text("dep.noProduction", reporter));
        }
        final Set<String> ex = excluded;
        final String rep = reporter;
        List<DependencyRow> all = access.memo(java.util.Arrays.asList(ID, in.input(), in.data().sha256(), rep, ex, p.thresholds()), () ->
                DependencyScreen.screen(in.data().flows(), rep, in.data().production(), ex, p.thresholds(), null, null));
        IntSummaryStatistics ys = in.years(rep).stream().mapToInt(Integer::intValue).summaryStatistics();
        int from = p.years() == null ? ys.getMin() : p.years()[0];
        int to = p.years() == null ? ys.getMax() : p.years()[1];
        if (all.stream().noneMatch(r -> r.year() >= from && r.year() <= to)) {
            throw UserException.notFound("years", Messages.text("dep.noYears", rep, span(from, to), in.label(),
                    span(ys.getMin(), ys.getMax())));
        }
        return new Screen(in, rep, p.outside(), ex, from, to, p.thresholds(), all, warnings);
    }

    static String span(int from, int to) {
        return from == to ? Integer.toString(from) : from + "–" + to;
    }

    public static Schema<DependencyRow> schema(Names names) {
        return Schema.<DependencyRow>builder(ID, "DependencyRow")
                .text("product", DependencyRow::product)
                .name("product_name", r -> names.productOrNull(r.product()))
                .integer("year", Unit.YEAR, DependencyRow::year)
                .number("imports", Unit.MONEY, DependencyRow::imports)
                .number("exports", Unit.MONEY, DependencyRow::exports)
                .optionalNumber("import_hhi", Unit.HHI, DependencyRow::importHhi)
                .optionalNumber("world_export_hhi", Unit.HHI, DependencyRow::worldExportHhi)
                .optionalNumber("import_export_ratio", Unit.RATIO, 2, DependencyRow::importExportRatio)
                .optionalNumber("import_reliance", Unit.SHARE, DependencyRow::importReliance)
                .flag("dependent", DependencyRow::dependent)
                .flag("persistent", DependencyRow::persistent)
                .optionalText("top_partner", DependencyRow::topPartner)
                .name("top_partner_name", r -> names.countryOrNull(r.topPartner()))
                .optionalNumber("top_partner_share", Unit.SHARE, DependencyRow::topPartnerShare)
                .build();
    }

    /** The table of a screen: the years asked for, filtered by {@code only}. */
    public static Table<DependencyRow> table(Screen s, String only, Names names, boolean withNames) {
        List<DependencyRow> rows = s.rows(only);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("reporter", s.reporter());
        params.put("from", s.from());
        params.put("to", s.to());
        params.put("outside", s.group());
        params.put("only", only);
        params.put("hhi_threshold", s.thresholds().importHhi());
        params.put("ratio_threshold", s.thresholds().importExportRatio());
        params.put("reliance_threshold", s.thresholds().importReliance());
        params.put("world_hhi_threshold", s.thresholds().worldExportHhi());
        List<Text> notes = new ArrayList<>();
        long dependent = rows.stream().filter(DependencyRow::dependent).count();
        long persistent = rows.stream().filter(DependencyRow::persistent).count();
        notes.add(Messages.text("dep.note.counts", rows.size(), s.reporter(), dependent, persistent));
        if (s.group() != null) {
            notes.add(Messages.text("dep.note.outside", s.group(), s.excluded().size(),
                    s.excluded().stream().sorted().limit(12).map(names::country).collect(Collectors.joining(", "))
                            + (s.excluded().size() > 12 ? ", …" : "")));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("dependent", dependent);
        summary.put("persistent", persistent);
        return new Table<>(schema(names), rows, withNames,
                new Provenance(ID, List.of(s.trade().input()), params, s.trade().units()), s.warnings(), notes, summary);
    }
}
