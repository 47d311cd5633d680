package org.klaster.complexity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.klaster.AnalysisException;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.linalg.DenseMatrix;

/**
 * Economic complexity per year from records (formats.md §4): each year's records become a
 * location × product matrix (locations and products in ordinal string order; a pair without a
 * record is 0, as in the Stata package's rectangularised data), and {@link EconomicComplexity}
 * runs on it. The rows come out in the output order of formats.md §4.
 */
public final class ComplexityTable {

    private ComplexityTable() {
    }

    /**
     * One output row: {@code year,location,product,value,rca,mcp,diversity,ubiquity,eci,pci,density,coi,cog}.
     * NaN = undefined (printed empty / null): see {@link ComplexityResult}.
     */
    public record Row(int year, String location, String product, double value, double rca, double mcp,
                      double diversity, double ubiquity, double eci, double pci, double density,
                      double coi, double cog) {
    }

    /** One year: labels, the value matrix and the result, indexed alike. */
    public record Year(int year, List<String> locations, List<String> products, DenseMatrix values,
                       ComplexityResult result) {

        public Year {
            locations = List.copyOf(locations);
            products = List.copyOf(products);
        }

        /** All location × product rows, by location then product. */
        public List<Row> rows() {
            ComplexityResult r = result;
            List<Row> rows = new ArrayList<>(locations.size() * products.size());
            for (int c = 0; c < locations.size(); c++) {
                for (int p = 0; p < products.size(); p++) {
                    rows.add(new Row(year, locations.get(c), products.get(p), values.get(c, p), r.rca().get(c, p),
                            r.mcp().get(c, p), r.diversity()[c], r.ubiquity()[p], r.eci()[c], r.pci()[p],
                            r.density().get(c, p), r.coi()[c], r.cog().get(c, p)));
                }
            }
            return rows;
        }

        /**
         * The same rows as {@link #rows()}, in the same order, one at a time and without materialising
         * them (see {@link ComplexityRowCursor}): what writers of large outputs should use.
         */
        public ComplexityRowCursor cursor() {
            return new ComplexityRowCursor(this);
        }

        /** One sentence per left-out location or product, for the user. */
        public List<Text> warnings() {
            List<Text> w = new ArrayList<>();
            for (int c : result.zeroTotalLocations()) {
                w.add(Text.core("complexity.location.zero", year, locations.get(c)));
            }
            for (int p : result.zeroTotalProducts()) {
                w.add(Text.core("complexity.product.zero", year, products.get(p)));
            }
            for (int c : result.locationsOutsideCore()) {
                w.add(Text.core("complexity.location.outside", year, locations.get(c), Text.plain(result.threshold()),
                        (int) result.diversity()[c]));
            }
            for (int p : result.productsOutsideCore()) {
                w.add(Text.core("complexity.product.outside", year, products.get(p), Text.plain(result.threshold())));
            }
            return w;
        }
    }

    /**
     * Every year of the records, in year order.
     *
     * @throws IllegalArgumentException naming the record: a negative or non-finite value, a missing
     *                                  code, or a second record for the same (year, location, product)
     * @throws org.klaster.AnalysisException naming the year when its complexity is undefined
     */
    public static List<Year> compute(Collection<ExportRecord> records, double threshold) {
        Map<Integer, List<ExportRecord>> byYear = new TreeMap<>();
        Set<Key> seen = new HashSet<>(records.size() * 2);
        for (ExportRecord r : records) {
            if (r.location() == null || r.location().isEmpty() || r.product() == null || r.product().isEmpty()) {
                throw new InvalidParameterException(Text.core("complexity.record.code", r.describe()));
            }
            if (!(r.value() >= 0) || !Double.isFinite(r.value())) {
                throw new InvalidParameterException(Text.core("complexity.record.value", r.describe()));
            }
            if (!seen.add(new Key(r.year(), r.location(), r.product()))) {
                throw new InvalidParameterException(Text.core("complexity.record.duplicate", r.describe()));
            }
            byYear.computeIfAbsent(r.year(), y -> new ArrayList<>()).add(r);
        }
        List<Year> years = new ArrayList<>();
        for (Map.Entry<Integer, List<ExportRecord>> e : byYear.entrySet()) {
            years.add(year(e.getKey(), e.getValue(), threshold));
        }
        return years;
    }

    private static Year year(int year, List<ExportRecord> records, double threshold) {
        List<String> locations = new ArrayList<>(new TreeSet<>(records.stream().map(ExportRecord::location).toList()));
        List<String> products = new ArrayList<>(new TreeSet<>(records.stream().map(ExportRecord::product).toList()));
        Map<String, Integer> li = index(locations);
        Map<String, Integer> pi = index(products);
        DenseMatrix x = new DenseMatrix(locations.size(), products.size());
        double total = 0;
        for (ExportRecord r : records) {
            x.set(li.get(r.location()), pi.get(r.product()), r.value());
            total += r.value();
        }
        if (!Double.isFinite(total)) { // finite values whose sum is not: every RCA would be NaN
            throw new AnalysisException(Text.core("complexity.year", year, Text.core("complexity.too.large")));
        }
        try {
            return new Year(year, locations, products, x, EconomicComplexity.compute(x, threshold));
        } catch (AnalysisException ex) {
            throw new AnalysisException(Text.core("complexity.year", year, ex.text()));
        }
    }

    /**
     * (year, location, product) with a mixing hash: the default 31·h combination of codes such as
     * C001…C250 × P0001…P5000 collides massively (31·Δh_location = −Δh_product), and a HashSet of
     * such keys degrades to lists of thousands (seconds for 500 000 records instead of milliseconds).
     */
    record Key(int year, String location, String product) {
        @Override
        public int hashCode() {
            int h = location.hashCode() * 0x9E3779B1 + product.hashCode();
            h = h * 0x85EBCA6B + year;
            return h ^ (h >>> 15);
        }
    }

    static Map<String, Integer> index(List<String> labels) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            m.put(labels.get(i), i);
        }
        return m;
    }
}
