package org.klaster.app.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klaster.Text;
import org.klaster.complexity.CandidateProducers;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.LocalSuppliers;
import org.klaster.inputoutput.Localisation;
import org.klaster.inputoutput.RegionalTable;
import org.klaster.linalg.DenseMatrix;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;

/**
 * {@code klaster io leakage|suppliers|localise}: on a region's table ({@link RegionalisationAnalysis}), what its
 * industries — all, some sectors, or a cluster's — buy outside the region, who nearby could supply it, and what
 * localising a share of it brings (docs/methods-io.md, "Leakage, local suppliers and localisation").
 */
public final class LocalisationAnalysis {

    public static final String LEAKAGE_ID = "io.leakage";
    public static final String LOCALISE_ID = "io.localise";
    public static final String SUPPLIERS_ID = "io.suppliers";
    /** The code of the total row. */
    public static final String TOTAL = "TOTAL";

    private LocalisationAnalysis() {
    }

    // ================================================================== buyers

    /**
     * The buying sectors asked about: table sector codes (empty: every sector), and the cluster they came from
     * (null when given as codes).
     */
    public record Buyers(List<String> sectors, String cluster) {

        public Buyers {
            sectors = List.copyOf(sectors);
        }

        public static Buyers all() {
            return new Buyers(List.of(), null);
        }

        /** Sector codes as given ({@code 29,30}); blank: all. */
        public static Buyers of(List<String> codes) {
            List<String> out = new ArrayList<>();
            if (codes != null) {
                for (String c : codes) {
                    String s = Param.code("buyers", c);
                    if (s != null && !out.contains(s)) out.add(s);
                }
            }
            return new Buyers(out, null);
        }

        public boolean everySector() {
            return sectors.isEmpty();
        }

        /** Table indices; an unknown sector is a BAD_PARAMETER naming it. */
        int[] indices(IoTable t) {
            if (sectors.isEmpty()) {
                int[] all = new int[t.size()];
                for (int i = 0; i < all.length; i++) all[i] = i;
                return all;
            }
            Map<String, Integer> index = t.sectorIndex();
            int[] out = new int[sectors.size()];
            for (int k = 0; k < out.length; k++) {
                Integer i = index.get(sectors.get(k));
                if (i == null) {
                    throw UserException.badParameter("buyers", Messages.text("io.localise.unknownSector", sectors.get(k),
                            RegionalisationAnalysis.examples(t.sectors(), 12)));
                }
                out[k] = i;
            }
            return out;
        }

        /** How the parameters record it. */
        Object describe() {
            if (cluster != null) return "cluster " + cluster + ": " + String.join(",", sectors);
            return sectors.isEmpty() ? "all" : String.join(",", sectors);
        }
    }

    /**
     * The sectors of a cluster's members on {@code asOf}: each member's OKVED2 code goes to the table sector
     * whose code (or, with a sector map, a linked industry code) is its longest prefix. NOT_FOUND for an unknown
     * cluster; IMPOSSIBLE when no member's code falls in a sector.
     */
    public static Buyers ofCluster(Registry r, String clusterId, LocalDate asOf, IoTable t, Map<String, List<String>> links) {
        if (r.cluster(clusterId) == null) {
            throw UserException.notFound("cluster", Messages.text("io.localise.noCluster", clusterId));
        }
        Map<String, String> sectorOfCode = new LinkedHashMap<>();
        if (links != null) {
            links.forEach((sector, codes) -> codes.forEach(c -> sectorOfCode.putIfAbsent(c, sector)));
        } else {
            for (String s : t.sectors()) sectorOfCode.put(s, s);
        }
        Map<String, Organisation> byInn = r.byInn();
        Set<String> sectors = new LinkedHashSet<>();
        for (Membership m : r.memberships()) {
            if (!m.cluster().equals(clusterId) || !m.activeOn(asOf)) continue;
            Organisation o = byInn.get(m.inn());
            if (o == null || o.okved() == null) continue;
            String s = longestPrefix(o.okved(), sectorOfCode);
            if (s != null) sectors.add(s);
        }
        if (sectors.isEmpty()) throw UserException.impossible(Messages.text("io.localise.clusterNoSector", clusterId, asOf));
        List<String> ordered = t.sectors().stream().filter(sectors::contains).toList();
        return new Buyers(ordered, clusterId);
    }

    private static String longestPrefix(String code, Map<String, String> sectorOfCode) {
        for (int k = code.length(); k >= 1; k--) {
            String s = sectorOfCode.get(code.substring(0, k));
            if (s != null) return s;
        }
        return null;
    }

    // ================================================================== leakage

    /**
     * One supplying product: what the buyers buy of it inside the region, from other regions, from abroad (NaN
     * when the table gives imports only as a row), outside in all, and the outside share of their purchases.
     */
    public record LeakageRow(String sector, double inside, double otherRegions, double abroad, double outside, double outsideShare) {
    }

    public static Schema<LeakageRow> leakageSchema(IoModel names_of, Names names) {
        return Schema.<LeakageRow>builder(LEAKAGE_ID, "LeakageRow")
                .text("sector", LeakageRow::sector)
                .name("sector_name", r -> names_of == null || TOTAL.equals(r.sector()) ? null : names.sector(names_of, r.sector()))
                .number("bought_in_region", Unit.MONEY, LeakageRow::inside)
                .number("from_other_regions", Unit.MONEY, LeakageRow::otherRegions)
                .optionalNumber("from_abroad", Unit.MONEY, LeakageRow::abroad)
                .optionalNumber("outside", Unit.MONEY, LeakageRow::outside)
                .optionalNumber("outside_share", Unit.SHARE, LeakageRow::outsideShare)
                .build();
    }

    /** The n×n purchases from abroad, s_j·M_ij (regional import rows less other regions); null without an import matrix. */
    static DenseMatrix abroad(RegionalTable r) {
        IoTable t = r.table();
        if (t.importMatrix() == null) return null;
        double[] m = t.importMatrix().data();
        double[] o = r.otherRegions().data();
        double[] a = new double[m.length];
        for (int k = 0; k < a.length; k++) a[k] = Math.max(0.0, m[k] - o[k]);
        return DenseMatrix.wrap(t.size(), t.size(), a);
    }

    /** Leakage rows, the largest outside purchases first, then TOTAL. */
    public static List<LeakageRow> leakageRows(RegionalTable r, int[] buyers) {
        IoTable t = r.table();
        int n = t.size();
        double[] inside = Localisation.leakage(t.intermediate(), buyers);
        double[] other = Localisation.leakage(r.otherRegions(), buyers);
        DenseMatrix abroadFlows = abroad(r);
        double[] abroad = abroadFlows == null ? null : Localisation.leakage(abroadFlows, buyers);
        List<LeakageRow> rows = new ArrayList<>();
        double ti = 0;
        double to = 0;
        double ta = 0;
        for (int i = 0; i < n; i++) {
            double a = abroad == null ? Double.NaN : abroad[i];
            double out = abroad == null ? Double.NaN : other[i] + a;
            if (inside[i] == 0 && other[i] == 0 && !(a > 0)) continue;
            rows.add(new LeakageRow(t.sectors().get(i), inside[i], other[i], a, out, share(out, inside[i])));
            ti += inside[i];
            to += other[i];
            if (abroad != null) ta += a;
        }
        if (abroad == null) {
            // only the imports row: abroad by buyer, not by product — the total is known
            double[] row = t.imports();
            for (int j : buyers) {
                double otherOfJ = 0;
                for (int i = 0; i < n; i++) otherOfJ += r.otherRegions().get(i, j);
                ta += row == null ? 0 : Math.max(0.0, row[j] - otherOfJ);
            }
        }
        rows.sort(Comparator.comparingDouble((LeakageRow x) -> Double.isNaN(x.outside()) ? -x.otherRegions() : -x.outside())
                .thenComparing(LeakageRow::sector));
        rows.add(new LeakageRow(TOTAL, ti, to, ta, to + ta, share(to + ta, ti)));
        return rows;
    }

    private static double share(double outside, double inside) {
        double all = outside + inside;
        return all > 0 ? outside / all : Double.NaN;
    }

    public static Table<LeakageRow> leakage(RegionalisationAnalysis.Result r, IoModel national, Buyers b, Names names,
                                            boolean withNames) {
        int[] buyers = b.indices(r.table());
        List<Text> notes = new ArrayList<>(List.of(Messages.text("io.leakage.note", r.params().region(), b.describe())));
        if (r.table().importMatrix() == null) notes.add(Messages.text("io.leakage.note.row"));
        return new Table<>(leakageSchema(national, names), leakageRows(r.regional(), buyers), withNames,
                provenance(LEAKAGE_ID, r, Map.of("buyers", b.describe())), r.warnings(), notes);
    }

    // ================================================================== localisation scenario

    /** Which outside purchases are localised. */
    public enum From {
        abroad, other_regions, both;

        /** The value on the command line and in the API: abroad, other-regions, both. */
        public String value() {
            return name().replace('_', '-');
        }

        public static From parse(String param, String v) {
            if (v == null || v.isBlank()) return abroad;
            for (From f : values()) if (f.value().equals(v.strip())) return f;
            throw UserException.badParameter(param, Messages.text("param.oneOf", Param.shorten(v), "abroad, other-regions, both"));
        }
    }

    /** The scenario: buyers, the share θ of their outside purchases made in the region, and which purchases. */
    public record Scenario(Buyers buyers, double share, From from) {
        public Scenario {
            if (!(share >= 0 && share <= 1)) {
                throw UserException.badParameter("share", Messages.text("param.share", share));
            }
        }
    }

    /**
     * One sector of the region: its output, the change, value added and jobs that come with it, and — as a
     * supplying product — the outside purchases now made in the region and those that stay outside because the
     * region does not make the product.
     */
    public record LocaliseRow(String sector, double output, double outputChange, double outputChangePct,
                              double valueAddedChange, double jobsChange, double replaced, double notLocalisable) {
    }

    public static Schema<LocaliseRow> localiseSchema(IoModel namesOf, Names names) {
        return Schema.<LocaliseRow>builder(LOCALISE_ID, "LocaliseRow")
                .text("sector", LocaliseRow::sector)
                .name("sector_name", r -> namesOf == null || TOTAL.equals(r.sector()) ? null : names.sector(namesOf, r.sector()))
                .number("output", Unit.MONEY, LocaliseRow::output)
                .optionalNumber("output_change", Unit.MONEY, 1, LocaliseRow::outputChange)
                .optionalNumber("output_change_pct", Unit.PERCENT, LocaliseRow::outputChangePct)
                .optionalNumber("value_added_change", Unit.MONEY, 1, LocaliseRow::valueAddedChange)
                .optionalNumber("jobs_change", Unit.PERSONS, 1, LocaliseRow::jobsChange)
                .optionalNumber("imports_replaced", Unit.MONEY, 1, LocaliseRow::replaced)
                .optionalNumber("not_localisable", Unit.MONEY, 1, LocaliseRow::notLocalisable)
                .build();
    }

    /** The outside flows the scenario may localise. IMPOSSIBLE for abroad on a table without an import matrix. */
    static DenseMatrix outside(RegionalTable r, From from) {
        DenseMatrix abroad = abroad(r);
        if (abroad == null && from != From.other_regions) {
            throw UserException.impossible(Messages.text("io.localise.noImportMatrix"));
        }
        return switch (from) {
            case abroad -> abroad;
            case other_regions -> r.otherRegions();
            case both -> {
                DenseMatrix s = abroad.copy();
                double[] d = s.data();
                double[] o = r.otherRegions().data();
                for (int k = 0; k < d.length; k++) d[k] += o[k];
                yield s;
            }
        };
    }

    /** Sector rows in table order (sectors the region has), then TOTAL. */
    public static List<LocaliseRow> localiseRows(RegionalTable r, Scenario s) {
        IoTable t = r.table();
        int n = t.size();
        double[] x = r.output();
        Localisation.Outcome o = Localisation.localise(r.regionalCoefficients(), outside(r, s.from()), x,
                s.buyers().indices(t), s.share());
        double[] va = t.valueAdded();
        double[] vaPerUnit = new double[n];
        double[] jobsPerUnit = new double[n];
        double[] employment = r.employment().regional();
        for (int i = 0; i < n; i++) {
            vaPerUnit[i] = va != null && x[i] > 0 ? va[i] / x[i] : Double.NaN;
            jobsPerUnit[i] = x[i] > 0 ? employment[i] / x[i] : Double.NaN;
        }
        double[] dva = va == null ? null : o.change(vaPerUnit);
        double[] djobs = o.change(jobsPerUnit);
        List<LocaliseRow> rows = new ArrayList<>();
        double tx = 0;
        double tdx = 0;
        double tva = 0;
        double tj = 0;
        double tr = 0;
        double tn = 0;
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0) && o.notLocalisable()[i] == 0) continue;
            double dx = o.outputChange()[i];
            rows.add(new LocaliseRow(t.sectors().get(i), x[i], dx, x[i] > 0 ? 100 * dx / x[i] : Double.NaN,
                    dva == null ? Double.NaN : dva[i], djobs[i], o.replaced()[i], o.notLocalisable()[i]));
            tx += x[i];
            tdx += dx;
            tva += dva == null ? 0 : dva[i];
            tj += djobs[i];
            tr += o.replaced()[i];
            tn += o.notLocalisable()[i];
        }
        rows.add(new LocaliseRow(TOTAL, tx, tdx, tx > 0 ? 100 * tdx / tx : Double.NaN, dva == null ? Double.NaN : tva, tj, tr, tn));
        return rows;
    }

    public static Table<LocaliseRow> localise(RegionalisationAnalysis.Result r, IoModel national, Scenario s,
                                              DataAccess access, Names names, boolean withNames) {
        List<LocaliseRow> rows = access.memo(List.of(LOCALISE_ID, r.provenance(), s), () -> localiseRows(r.regional(), s));
        LocaliseRow total = rows.get(rows.size() - 1);
        List<Text> notes = new ArrayList<>();
        notes.add(Messages.text("io.localise.note", r.params().region(), s.buyers().describe(), Text.fixed(100 * s.share(), 1),
                s.from().value()));
        if (total.notLocalisable() > 0) notes.add(Messages.text("io.localise.note.notMade"));
        if (r.table().valueAdded() == null) notes.add(Messages.text("io.localise.note.noValueAdded"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("buyers", s.buyers().describe());
        params.put("share", s.share());
        params.put("from", s.from().value());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("output_change", total.outputChange());
        summary.put("value_added_change", total.valueAddedChange());
        summary.put("jobs_change", total.jobsChange());
        summary.put("imports_replaced", total.replaced());
        return new Table<>(localiseSchema(national, names), rows, withNames, provenance(LOCALISE_ID, r, params), r.warnings(),
                notes, summary);
    }

    // ================================================================== candidate suppliers

    /**
     * A candidate for one leaking input.
     *
     * @param input   the supplying sector
     * @param outside what the buyers buy of it outside the region
     * @param rank    1 = the first candidate of this input
     */
    public record SupplierRow(String input, double outside, int rank, LocalSuppliers.Candidate candidate) {
    }

    public static Schema<SupplierRow> suppliersSchema(IoModel namesOf, Names names) {
        return Schema.<SupplierRow>builder(SUPPLIERS_ID, "SupplierRow")
                .text("input", SupplierRow::input)
                .name("input_name", r -> namesOf == null ? null : names.sector(namesOf, r.input()))
                .number("outside", Unit.MONEY, SupplierRow::outside)
                .integer("rank", Unit.RANK, SupplierRow::rank)
                .integer("ring", Unit.COUNT, r -> r.candidate().ring())
                .text("region", r -> r.candidate().supplier().region())
                .name("region_name", r -> names.region(r.candidate().supplier().region()))
                .text("id", r -> r.candidate().supplier().id())
                .optionalText("name", r -> r.candidate().supplier().name())
                .text("source", r -> r.candidate().supplier().registry() ? "registry" : "establishment")
                .text("industry", r -> r.candidate().supplier().industry())
                .optionalNumber("employment", Unit.PERSONS, r -> r.candidate().supplier().employment())
                .optionalNumber("distance_km", Unit.NONE, 1, r -> r.candidate().distanceKm())
                .flag("located", r -> r.candidate().located())
                .optionalText("clusters", r -> r.candidate().supplier().clusters().isEmpty() ? null
                        : String.join(";", r.candidate().supplier().clusters()))
                .build();
    }

    /**
     * Where candidates come from: establishments by region (a firms dataset; empty when none), registry
     * organisations (empty when the caller may not read the registry), region centres, and the buyers' places.
     */
    public interface SupplierSources {
        /** The establishments of a region in the year (names included). */
        List<LocalSuppliers.Supplier> establishments(String region);

        List<LocalSuppliers.Supplier> registry();

        Map<String, double[]> centres();

        /** The buyers of {@code region} in these industry codes: establishments weighted by employment; empty: none known. */
        List<LocalSuppliers.Buyer> buyers(String region, List<String> industries);
    }

    /** The options: how many leaking inputs, candidates per input and ring (the region; its nearest regions), nearest regions. */
    public record SupplierOptions(int inputs, int top, int neighbours) {
        public SupplierOptions {
            if (inputs < 1 || inputs > 100) throw UserException.badParameter("inputs", Messages.text("param.integer", 1, 100, inputs));
            if (top < 1 || top > 1000) throw UserException.badParameter("top", Messages.text("param.integer", 1, 1000, top));
            if (neighbours < 0 || neighbours > 20) {
                throw UserException.badParameter("neighbours", Messages.text("param.integer", 0, 20, neighbours));
            }
        }
    }

    /**
     * For the {@code inputs} largest outside purchases of the buyers (other regions and abroad), the candidates in
     * the supplying industry: the region first, then its {@code neighbours} nearest regions.
     *
     * @param links the sector map of the regionalisation (null: a sector's industry is its code)
     */
    public static Table<SupplierRow> suppliers(RegionalisationAnalysis.Result r, IoModel national, Buyers b, SupplierOptions opt,
                                               SupplierSources sources, Map<String, List<String>> links, Names names,
                                               boolean withNames) {
        String home = r.params().region();
        List<LeakageRow> leaks = leakageRows(r.regional(), b.indices(r.table()));
        List<String> buyerIndustries = new ArrayList<>();
        for (String s : b.everySector() ? r.table().sectors() : b.sectors()) buyerIndustries.addAll(industries(s, links));
        List<LocalSuppliers.Buyer> buyers = sources.buyers(home, buyerIndustries);
        List<String> near = LocalSuppliers.nearestRegions(home, sources.centres(), opt.neighbours());
        List<LocalSuppliers.Supplier> pool = new ArrayList<>(sources.registry());
        pool.addAll(sources.establishments(home));
        for (String region : near) pool.addAll(sources.establishments(region));
        List<SupplierRow> rows = new ArrayList<>();
        int taken = 0;
        for (LeakageRow l : leaks) {
            if (TOTAL.equals(l.sector()) || taken == opt.inputs()) continue;
            double out = Double.isNaN(l.outside()) ? l.otherRegions() : l.outside();
            if (!(out > 0)) continue;
            taken++;
            List<LocalSuppliers.Candidate> all = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (String industry : industries(l.sector(), links)) {
                for (LocalSuppliers.Candidate c : LocalSuppliers.of(pool, industry, home, near, sources.centres(), buyers, Integer.MAX_VALUE)) {
                    if (seen.add(c.supplier().id())) all.add(c);
                }
            }
            all.sort(Comparator.comparingInt(LocalSuppliers.Candidate::ring)
                    .thenComparingDouble(c -> Double.isNaN(c.supplier().employment()) ? Double.POSITIVE_INFINITY : -c.supplier().employment())
                    .thenComparing(c -> c.supplier().id()));
            // up to top of the region, then up to top of its nearest regions: the neighbours show even where the region has many
            int[] perRing = new int[2];
            int rank = 0;
            for (LocalSuppliers.Candidate c : all) {
                if (perRing[c.ring()]++ < opt.top()) rows.add(new SupplierRow(l.sector(), out, ++rank, c));
            }
        }
        List<Text> notes = new ArrayList<>();
        notes.add(Messages.text("io.suppliers.note", home, String.join(", ", near)));
        if (sources.registry().isEmpty()) notes.add(Messages.text("io.suppliers.note.noRegistry"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("buyers", b.describe());
        params.put("inputs", opt.inputs());
        params.put("top", opt.top());
        params.put("neighbours", near);
        return new Table<>(suppliersSchema(national, names), rows, withNames, provenance(SUPPLIERS_ID, r, params), r.warnings(), notes);
    }

    /**
     * The sources of a store: a firms dataset's establishments of {@code year} (or the region's latest; none when
     * {@code firms} is null), the given registry organisations, and the region catalogue's centres.
     */
    public static SupplierSources sources(DataAccess access, org.klaster.data.store.Dataset firms, int year,
                                          List<LocalSuppliers.Supplier> registry, RegionCatalog regions) {
        Map<String, double[]> centres = new LinkedHashMap<>();
        for (RegionInfo ri : regions.all()) centres.put(ri.iso(), new double[] {ri.lat(), ri.lon()});
        Map<String, List<LocalSuppliers.Supplier>> byRegion = new java.util.HashMap<>();
        List<LocalSuppliers.Supplier> fromRegistry = List.copyOf(registry);
        return new SupplierSources() {
            @Override
            public List<LocalSuppliers.Supplier> establishments(String region) {
                if (firms == null) return List.of();
                return byRegion.computeIfAbsent(region, r -> establishmentSuppliers(access.establishments(firms, r, year)));
            }

            @Override
            public List<LocalSuppliers.Supplier> registry() {
                return fromRegistry;
            }

            @Override
            public Map<String, double[]> centres() {
                return centres;
            }

            @Override
            public List<LocalSuppliers.Buyer> buyers(String region, List<String> industries) {
                List<LocalSuppliers.Buyer> out = new ArrayList<>();
                for (LocalSuppliers.Supplier e : establishments(region)) {
                    if (industries.stream().anyMatch(i -> org.klaster.complexity.Opportunities.within(e.industry(), i))) {
                        out.add(new LocalSuppliers.Buyer(e.lat(), e.lon(), Double.isFinite(e.employment()) ? e.employment() : 1));
                    }
                }
                return out;
            }
        };
    }

    /** The activity industries of a sector: its linked codes with a sector map, else its own code. */
    static List<String> industries(String sector, Map<String, List<String>> links) {
        if (links == null) return List.of(sector);
        return links.getOrDefault(sector, List.of());
    }

    /** Registry organisations as suppliers, with the clusters each is a member of on {@code asOf}. */
    public static List<LocalSuppliers.Supplier> registrySuppliers(Registry r, LocalDate asOf) {
        Map<String, List<String>> clusters = new LinkedHashMap<>();
        for (Membership m : r.memberships()) {
            if (m.activeOn(asOf)) clusters.computeIfAbsent(m.inn(), k -> new ArrayList<>()).add(m.cluster());
        }
        List<LocalSuppliers.Supplier> out = new ArrayList<>();
        for (Organisation o : r.organisations()) {
            if (o.okved() == null || o.okved().isBlank() || o.region() == null || o.region().isBlank()) continue;
            out.add(new LocalSuppliers.Supplier(o.inn(), o.name(), true, o.region(), o.okved(), o.employees(), o.lat(), o.lon(),
                    clusters.getOrDefault(o.inn(), List.of())));
        }
        return out;
    }

    /** Establishments of a firms dataset as suppliers (no cluster memberships: they are not registry organisations). */
    public static List<LocalSuppliers.Supplier> establishmentSuppliers(Establishments e) {
        List<LocalSuppliers.Supplier> out = new ArrayList<>();
        for (CandidateProducers.Establishment x : e.list()) {
            out.add(new LocalSuppliers.Supplier(x.id(), e.names().get(x.id()), false, x.region(), x.industry(), x.employment(),
                    x.lat(), x.lon(), List.of()));
        }
        return out;
    }

    private static Provenance provenance(String id, RegionalisationAnalysis.Result r, Map<String, Object> extra) {
        Map<String, Object> params = new LinkedHashMap<>(r.provenance().parameters());
        params.putAll(extra);
        return new Provenance(id, r.provenance().inputs(), params, r.provenance().moneyUnit());
    }
}
