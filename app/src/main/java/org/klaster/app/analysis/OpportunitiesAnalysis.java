package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.klaster.AnalysisException;
import org.klaster.Text;
import org.klaster.activity.ActivityRecord;
import org.klaster.complexity.CandidateProducers;
import org.klaster.complexity.ComplexityResult;
import org.klaster.complexity.Opportunities;
import org.klaster.complexity.RegionalRelatedness;
import org.klaster.data.formats.Concordance;
import org.klaster.data.formats.ConcordanceReader;
import org.klaster.data.reference.DemoConcordance;
import org.klaster.dependency.DependencyRow;
import org.klaster.mapping.CategoryMap;

/**
 * {@code klaster opportunities} / Opportunities → a region: which of the products the country depends on
 * could a region realistically start making (ranked by density, PCI and COG), and who there could make
 * them (docs/methods-opportunities.md).
 */
public final class OpportunitiesAnalysis {

    public static final String ID = "opportunities";
    public static final String PRODUCERS_ID = "opportunities.producers";

    /** The regional "exports" of the relatedness: employment (RCA = LQ) or output by industry. */
    public enum Measure { employment, output }

    private OpportunitiesAnalysis() {
    }

    /**
     * @param region    the region (required)
     * @param year      the activity year (null: the latest)
     * @param tradeYear the dependency-screen year (null: the latest)
     * @param reporter  the country whose dependencies count (null: RUS when it imports, else the largest importer)
     * @param outside   count only imports from partners outside this group (null: all)
     * @param threshold RCA (= LQ) threshold for M
     * @param related   related present industries listed per row
     */
    public record Params(String region, Integer year, Integer tradeYear, String reporter, String outside,
                         Opportunities.Weights weights, int related, Measure measure, double threshold) {
        public Params {
            if (region == null) throw UserException.badParameter("region", Messages.text("param.required"));
            if (weights == null) weights = Opportunities.Weights.DEFAULTS;
            if (measure == null) measure = Measure.employment;
            if (related < 0) throw UserException.badParameter("related", Messages.text("param.nonNegative", related));
            Param.positive("threshold", threshold);
        }

        public static Params of(String region) {
            return new Params(region, null, null, null, null, null, Opportunities.DEFAULT_RELATED, Measure.employment, 1.0);
        }
    }

    /** The demo's HS → OKVED2 concordance, used when no concordance file is given. */
    public static CategoryMap demoConcordance() {
        return CategoryMap.of(DemoConcordance.productToIndustry(), Map.of());
    }

    /** A product,industry concordance file, or the demo's. */
    public static Concordances concordance(Path file) {
        if (file == null) return new Concordances(demoConcordance(), List.of(), null);
        try {
            Concordance c = ConcordanceReader.read(file);
            return new Concordances(CategoryMap.of(c.productToIndustry(), Map.of()), Texts.of(c.warnings()),
                    String.valueOf(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Concordances(CategoryMap map, List<Text> warnings, String file) {
    }

    /** Relatedness and industry complexity of an activity year (null complexity with a note when undefined). */
    public record Inputs(RegionalRelatedness rel, ComplexityResult complexity, Text complexityNote) {
    }

    public static Inputs inputs(ActivityInput activity, int year, Measure measure, double threshold, DataAccess access) {
        return access.memo(List.of(ID, activity.input(), year, measure, threshold), () -> {
            RegionalRelatedness rel = RegionalRelatedness.of(measured(activity.rows(), year, measure), year, threshold);
            try {
                return new Inputs(rel, Opportunities.industryComplexity(rel), null);
            } catch (AnalysisException e) {
                return new Inputs(rel, null, Texts.of(e));
            }
        });
    }

    /** The records of year y with the chosen measure in the employment slot that relatedness reads. */
    static List<ActivityRecord> measured(List<ActivityRecord> rows, int y, Measure measure) {
        if (measure == Measure.employment) return rows;
        List<ActivityRecord> out = new ArrayList<>();
        for (ActivityRecord r : rows) {
            if (r.year() != y) continue;
            if (Double.isNaN(r.output())) {
                throw UserException.badParameter("measure", Messages.text("opp.noOutput", r.region(), r.industry(), y));
            }
            out.add(ActivityRecord.of(r.region(), r.industry(), y, r.output()));
        }
        return out;
    }

    /** What a request resolved to: the inputs, the reporter and the ranking. */
    public record Ranking(ActivityInput activity, TradeInput trade, String reporter, int year, Inputs inputs,
                          Opportunities.Result result, Params params, Concordances concordance) {
    }

    public static Ranking rank(ActivityInput activity, TradeInput trade, Concordances conc, Params p, DataAccess access) {
        if (activity.years().isEmpty()) throw UserException.impossible(Messages.text("map.noRows", activity.id()));
        MappingAnalysis.Years ys = MappingAnalysis.years(activity, p.year(), null);
        int y = ys.year();
        Inputs in = inputs(activity, y, p.measure(), p.threshold(), access);
        if (!in.rel().regions().contains(p.region())) {
            throw UserException.badParameter("region", Messages.text("opp.unknownRegion", p.region(), y,
                    String.join(", ", in.rel().regions())));
        }
        DependencyAnalysis.Screen screen = DependencyAnalysis.screen(trade,
                new DependencyAnalysis.Params(p.reporter(), p.outside(), null, null, null), false, access);
        List<DependencyRow> rows = screen.all();
        if (p.tradeYear() != null && rows.stream().noneMatch(r -> r.year() == p.tradeYear())) {
            throw UserException.badParameter("trade_year", Messages.text("param.yearNotIn", p.tradeYear(),
                    MappingAnalysis.describe(trade.years(screen.reporter()))));
        }
        Opportunities.Result r = access.memo(java.util.Arrays.asList(ID, activity.input(), trade.input(), conc.file(), p,
                        screen.reporter()),
                () -> Opportunities.rank(in.rel(), in.complexity(), rows, p.tradeYear(), conc.map(), p.region(), p.weights(),
                        p.related()));
        return new Ranking(activity, trade, screen.reporter(), y, in, r, p, conc);
    }

    public static Schema<Opportunities.Row> schema(Names names) {
        return Schema.<Opportunities.Row>builder(ID, "OpportunityRow")
                .text("status", x -> x.status().label())
                .integer("rank", Unit.RANK, Opportunities.Row::rank)
                .text("industry", Opportunities.Row::industry)
                .column(new Column<>("industry_name", ColumnType.TEXT, Unit.NONE, true, false, 0,
                        x -> names.industryOrNull(x.industry())))
                .optionalNumber("score", Unit.RATIO, Opportunities.Row::score)
                .optionalNumber("density", Unit.RATIO, Opportunities.Row::density)
                .optionalNumber("pci", Unit.INDEX, 2, Opportunities.Row::pci)
                .optionalNumber("cog", Unit.INDEX, 2, Opportunities.Row::cog)
                .optionalNumber("rca", Unit.RATIO, 2, Opportunities.Row::rca)
                .integer("mcp", Unit.FLAG, Opportunities.Row::mcp)
                .number("employment", Unit.PERSONS, Opportunities.Row::employment)
                .integer("dependent_products", Unit.COUNT, x -> x.dependentProducts().size())
                .text("products", x -> String.join(" ", x.dependentProducts()))
                .number("dependent_imports", Unit.MONEY, Opportunities.Row::dependentImports)
                .optionalNumber("density_percentile", Unit.RATIO, Opportunities.Row::densityPercentile)
                .optionalNumber("pci_percentile", Unit.RATIO, Opportunities.Row::pciPercentile)
                .optionalNumber("cog_percentile", Unit.RATIO, Opportunities.Row::cogPercentile)
                .text("related_present", x -> x.relatedPresent().stream()
                        .map(z -> z.industry() + " (φ " + round(z.proximity()) + ")").collect(Collectors.joining("; ")))
                .build();
    }

    private static String round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The ranking: rows ranked ≤ {@code top} in each status group. */
    public static Table<Opportunities.Row> table(Ranking rk, int top, Names names, boolean withNames) {
        List<Opportunities.Row> rows = rk.result().rows().stream().filter(x -> x.rank() <= top).toList();
        return new Table<>(schema(names), rows, withNames, provenance(rk, ID, top), warnings(rk), notes(rk));
    }

    static Provenance provenance(Ranking rk, String id, int top) {
        Map<String, Object> params = new LinkedHashMap<>();
        Params p = rk.params();
        params.put("region", p.region());
        params.put("year", rk.year());
        params.put("reporter", rk.reporter());
        params.put("dependency_year", rk.result().dependencyYear());
        params.put("outside", p.outside());
        params.put("measure", p.measure().name());
        params.put("threshold", p.threshold());
        params.put("weights", p.weights().density() + "," + p.weights().pci() + "," + p.weights().cog());
        params.put("top", top == Integer.MAX_VALUE ? null : top);
        params.put("concordance", rk.concordance().file() == null ? "demo HS → OKVED2" : rk.concordance().file());
        return new Provenance(id, List.of(rk.activity().input(), rk.trade().input()), params, rk.trade().units());
    }

    static List<Text> warnings(Ranking rk) {
        List<Text> w = new ArrayList<>(rk.activity().warnings());
        w.addAll(rk.trade().warnings());
        w.addAll(rk.concordance().warnings());
        return w;
    }

    /** What the numbers mean, and why a table may be empty. */
    static List<Text> notes(Ranking rk) {
        Opportunities.Result r = rk.result();
        Params p = rk.params();
        List<Text> notes = new ArrayList<>();
        if (rk.inputs().complexityNote() != null) notes.add(Messages.text("opp.note.noComplexity", rk.inputs().complexityNote()));
        notes.add(Messages.text("opp.note.inputs", r.region(), rk.year(), r.dependencyYear() == null ? "—" : r.dependencyYear(),
                p.outside() == null ? "" : Messages.text("opp.note.outside", p.outside()), r.productIndustry().size(), r.unlinked().size(), p.measure().name()));
        Opportunities.Weights w = r.weights();
        notes.add(Messages.text("opp.note.method", p.threshold(), w.density(), w.pci(), w.cog(), w.density() + w.pci() + w.cog()));
        if (!r.unlinked().isEmpty()) {
            List<Object> items = new ArrayList<>();
            r.unlinked().entrySet().stream().limit(10).forEach(e -> items.add(Messages.text("opp.note.unlinkedItem", e.getKey(), e.getValue())));
            if (r.unlinked().size() > 10) items.add("…");
            notes.add(Messages.text("opp.note.unlinked", r.unlinked().size(), items));
        }
        if (r.rows().isEmpty()) {
            notes.add(r.productIndustry().isEmpty() && r.unlinked().isEmpty() ? Messages.text("opp.note.noneDependent")
                    : Messages.text("opp.note.noneLinked"));
        }
        return notes;
    }

    // ------------------------------------------------------------------ candidate producers

    /** A candidate establishment of an opportunity, with its rank and name. */
    public record Producer(int rank, String opportunity, CandidateProducers.Candidate candidate, String name) {
    }

    public static Schema<Producer> producerSchema(Names names) {
        return Schema.<Producer>builder(PRODUCERS_ID, "ProducerRow")
                .integer("rank", Unit.RANK, Producer::rank)
                .text("opportunity", Producer::opportunity)
                .name("opportunity_name", x -> names.industryOrNull(x.opportunity()))
                .text("firm_id", x -> x.candidate().establishment().id())
                .name("firm_name", Producer::name)
                .text("industry", x -> x.candidate().establishment().industry())
                .name("industry_name", x -> names.industryOrNull(x.candidate().establishment().industry()))
                .text("via", x -> x.candidate().via())
                .optionalNumber("proximity", Unit.RATIO, 2, x -> x.candidate().proximity())
                .number("employment", Unit.PERSONS, x -> x.candidate().establishment().employment())
                .optionalNumber("lat", Unit.DEGREES, x -> x.candidate().establishment().lat())
                .optionalNumber("lon", Unit.DEGREES, x -> x.candidate().establishment().lon())
                .build();
    }

    /**
     * The region's establishments in the top {@code top} opportunities (M = 0), or in {@code industry}
     * alone when given, at most {@code perOpportunity} each, largest first.
     */
    public static Table<Producer> producers(Ranking rk, org.klaster.data.store.Dataset firms, String industry, int top,
                                            int perOpportunity, DataAccess access, Names names, boolean withNames) {
        if (top < 0) throw UserException.badParameter("top", Messages.text("param.nonNegative", top));
        if (perOpportunity < 0) throw UserException.badParameter("per_opportunity", Messages.text("param.nonNegative", perOpportunity));
        Opportunities.Result r = rk.result();
        List<Opportunities.Row> chosen;
        if (industry != null) {
            Opportunities.Row row = r.row(industry);
            if (row == null) throw UserException.notFound("industry", Messages.text("opp.noIndustry", industry, r.region()));
            chosen = List.of(row);
        } else {
            chosen = r.rows().stream().filter(x -> x.status() == Opportunities.Status.OPPORTUNITY && x.rank() <= top).toList();
        }
        Establishments est = access.establishments(firms, r.region(), rk.year());
        List<Producer> rows = new ArrayList<>();
        for (Opportunities.Row row : chosen) {
            for (CandidateProducers.Candidate c : CandidateProducers.of(est.list(), r.region(), row.industry(),
                    row.relatedPresent(), perOpportunity)) {
                rows.add(new Producer(row.rank(), row.industry(), c, est.names().get(c.establishment().id())));
            }
        }
        List<Text> notes = new ArrayList<>(notes(rk));
        if (est.otherYear()) notes.add(Messages.text("opp.note.firmsYear", firms.id(), rk.year(), r.region(), est.year()));
        if (rows.isEmpty()) notes.add(Messages.text("opp.note.noProducers", r.region(), firms.id()));
        Provenance base = provenance(rk, PRODUCERS_ID, top);
        List<Provenance.Input> inputs = new ArrayList<>(base.inputs());
        inputs.add(Provenance.Input.of("firms", firms));
        Map<String, Object> params = new LinkedHashMap<>(base.parameters());
        params.put("industry", industry);
        params.put("per_opportunity", perOpportunity);
        return new Table<>(producerSchema(names), rows, withNames, new Provenance(PRODUCERS_ID, inputs, params, base.moneyUnit()),
                warnings(rk), notes);
    }
}
