package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import org.klaster.Text;
import org.klaster.complexity.ComplexityTable;
import org.klaster.complexity.EconomicComplexity;
import org.klaster.complexity.ExportRecord;
import org.klaster.data.formats.ExportsData;
import org.klaster.data.formats.ExportsReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;

/**
 * {@code klaster complexity} / Opportunities → product space: RCA, M, diversity, ubiquity, ECI, PCI,
 * density, COI and COG per year × location × product, in the columns of py-ecomplexity / Stata
 * {@code ecomplexity} (formats.md §4, docs/methods-complexity.md). Rows are generated while they are
 * written (1.25 M rows for 250 locations × 5 000 products are never held at once).
 */
public final class ComplexityAnalysis {

    public static final String ID = "complexity";

    private ComplexityAnalysis() {
    }

    /** Exports with where they came from. */
    public record Exports(Provenance.Input input, List<ExportRecord> records, List<Text> warnings, String units) {
    }

    /** An exports file or a stored exports dataset. */
    public static Exports load(Source source, DataAccess access) {
        if (source instanceof Source.File f) {
            try {
                ExportsData data = ExportsReader.read(f.path(), f.sheet());
                return new Exports(Provenance.Input.file("exports", data.sourceName(), data.sha256()), data.records(),
                        Texts.of(data.warnings()), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Dataset d = access.choose("dataset", ((Source.Stored) source).id(), Content.EXPORTS);
        return new Exports(Provenance.Input.of("exports", d), access.exports(d), List.of(), d.units());
    }

    /** Every year (or one) computed with the threshold; remembered per input where results are kept. */
    public static List<ComplexityTable.Year> compute(Exports in, Integer year, double threshold, DataAccess access) {
        Param.positive("rca_threshold", threshold);
        return access.memo(java.util.Arrays.asList(ID, in.input(), year, threshold), () -> {
            List<ExportRecord> records = in.records();
            if (year != null) {
                records = records.stream().filter(r -> r.year() == year).toList();
                if (records.isEmpty()) {
                    TreeSet<Integer> ys = new TreeSet<>();
                    in.records().forEach(r -> ys.add(r.year()));
                    throw UserException.badParameter("year", Messages.text("param.yearNotIn", year,
                            String.join(", ", ys.stream().map(String::valueOf).toList())));
                }
            }
            return ComplexityTable.compute(records, threshold);
        });
    }

    /** One year of a computed list: the requested one (BAD_PARAMETER if absent), else the latest. */
    public static ComplexityTable.Year year(List<ComplexityTable.Year> years, Integer year) {
        if (years.isEmpty()) throw UserException.impossible(Messages.text("cx.noRows"));
        if (year == null) return years.get(years.size() - 1);
        for (ComplexityTable.Year y : years) if (y.year() == year) return y;
        throw UserException.badParameter("year", Messages.text("param.yearNotIn", year,
                String.join(", ", years.stream().map(x -> String.valueOf(x.year())).toList())));
    }

    /** A cell of the output: year y, location c, product p. */
    public record Cell(ComplexityTable.Year y, int c, int p) {
    }

    private static Integer count(double v) {
        return Double.isNaN(v) ? null : (int) v;
    }

    public static Schema<Cell> schema(Names names) {
        return Schema.<Cell>builder(ID, "ComplexityRow")
                .integer("year", Unit.YEAR, x -> x.y().year())
                .text("location", x -> x.y().locations().get(x.c()))
                .name("location_name", x -> names.locationOrNull(x.y().locations().get(x.c())))
                .text("product", x -> x.y().products().get(x.p()))
                .name("product_name", x -> names.productOrNull(x.y().products().get(x.p())))
                .number("value", Unit.MONEY, x -> x.y().values().get(x.c(), x.p()))
                .optionalNumber("rca", Unit.RATIO, x -> x.y().result().rca().get(x.c(), x.p()))
                .optionalInteger("mcp", Unit.FLAG, x -> count(x.y().result().mcp().get(x.c(), x.p())))
                .optionalInteger("diversity", Unit.COUNT, x -> count(x.y().result().diversity()[x.c()]))
                .optionalInteger("ubiquity", Unit.COUNT, x -> count(x.y().result().ubiquity()[x.p()]))
                .optionalNumber("eci", Unit.INDEX, x -> x.y().result().eci()[x.c()])
                .optionalNumber("pci", Unit.INDEX, x -> x.y().result().pci()[x.p()])
                .optionalNumber("density", Unit.RATIO, x -> x.y().result().density().get(x.c(), x.p()))
                .optionalNumber("coi", Unit.INDEX, x -> x.y().result().coi()[x.c()])
                .optionalNumber("cog", Unit.INDEX, x -> x.y().result().cog().get(x.c(), x.p()))
                .build();
    }

    /** Every cell of the years, by year, location, product — generated while iterated. */
    static Iterable<Cell> cells(List<ComplexityTable.Year> years) {
        return () -> new Iterator<>() {
            int yi;
            int c;
            int p;

            @Override
            public boolean hasNext() {
                while (yi < years.size()) {
                    ComplexityTable.Year y = years.get(yi);
                    if (c < y.locations().size() && p < y.products().size()) return true;
                    yi++;
                    c = 0;
                    p = 0;
                }
                return false;
            }

            @Override
            public Cell next() {
                if (!hasNext()) throw new NoSuchElementException();
                ComplexityTable.Year y = years.get(yi);
                Cell cell = new Cell(y, c, p);
                if (++p == y.products().size()) {
                    p = 0;
                    c++;
                }
                return cell;
            }
        };
    }

    public static Table<Cell> table(Exports in, List<ComplexityTable.Year> years, double threshold, Names names,
                                    boolean withNames) {
        List<Text> warnings = new ArrayList<>(in.warnings());
        for (ComplexityTable.Year y : years) warnings.addAll(Texts.of(y.warnings()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rca_threshold", threshold);
        if (years.size() == 1) params.put("year", years.get(0).year());
        return new Table<>(schema(names), cells(years), withNames,
                new Provenance(ID, List.of(in.input()), params, in.units()), warnings, List.of());
    }

    public static Table<Cell> run(Exports in, Integer year, double threshold, DataAccess access, Names names,
                                  boolean withNames) {
        return table(in, compute(in, year, threshold, access), threshold, names, withNames);
    }

    public static final double DEFAULT_THRESHOLD = EconomicComplexity.DEFAULT_THRESHOLD;

    // ------------------------------------------------------------------ the ECI ranking of one year

    /** One location of a year: ECI, its rank (0 when undefined), diversity, COI. */
    public record Location(String location, double eci, int rank, double diversity, double coi) {
    }

    /** A location's ECI rank: 1 + the number of locations with a higher ECI (0 when its ECI is undefined). */
    public static int eciRank(double[] eci, int c) {
        if (!Double.isFinite(eci[c])) return 0;
        int rank = 1;
        for (double e : eci) if (Double.isFinite(e) && e > eci[c]) rank++;
        return rank;
    }

    public static Schema<Location> locationSchema(Names names) {
        return Schema.<Location>builder("complexity.locations", "EciRow")
                .text("location", Location::location)
                .name("location_name", x -> names.locationOrNull(x.location()))
                .optionalNumber("eci", Unit.INDEX, Location::eci)
                .optionalInteger("eci_rank", Unit.RANK, x -> x.rank() == 0 ? null : x.rank())
                .optionalInteger("diversity", Unit.COUNT, x -> count(x.diversity()))
                .optionalNumber("coi", Unit.INDEX, Location::coi)
                .build();
    }

    public static Table<Location> locations(Exports in, ComplexityTable.Year y, Names names, boolean withNames) {
        List<Location> rows = new ArrayList<>();
        var r = y.result();
        for (int c = 0; c < y.locations().size(); c++) {
            rows.add(new Location(y.locations().get(c), r.eci()[c], eciRank(r.eci(), c), r.diversity()[c], r.coi()[c]));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", y.year());
        params.put("rca_threshold", r.threshold());
        return new Table<>(locationSchema(names), rows, withNames,
                new Provenance("complexity.locations", List.of(in.input()), params, in.units()), Texts.of(y.warnings()), List.of());
    }

    /** One product of a year: PCI, ubiquity, world exports. */
    public record Product(String product, double pci, double ubiquity, double worldExports) {
    }

    public static Schema<Product> productSchema(Names names) {
        return Schema.<Product>builder("complexity.products", "PciRow")
                .text("product", Product::product)
                .name("product_name", x -> names.productOrNull(x.product()))
                .optionalNumber("pci", Unit.INDEX, Product::pci)
                .optionalInteger("ubiquity", Unit.COUNT, x -> count(x.ubiquity()))
                .number("world_exports", Unit.MONEY, Product::worldExports)
                .build();
    }

    public static Table<Product> products(Exports in, ComplexityTable.Year y, Names names, boolean withNames) {
        List<Product> rows = new ArrayList<>();
        var r = y.result();
        for (int p = 0; p < y.products().size(); p++) {
            double total = 0;
            for (int c = 0; c < y.locations().size(); c++) total += y.values().get(c, p);
            rows.add(new Product(y.products().get(p), r.pci()[p], r.ubiquity()[p], total));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", y.year());
        params.put("rca_threshold", r.threshold());
        return new Table<>(productSchema(names), rows, withNames,
                new Provenance("complexity.products", List.of(in.input()), params, in.units()), List.of(), List.of());
    }
}
