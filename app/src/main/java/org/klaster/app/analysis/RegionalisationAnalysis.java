package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.klaster.Text;
import org.klaster.data.formats.InputException;
import org.klaster.data.formats.SectorMap;
import org.klaster.data.formats.SectorMapReader;
import org.klaster.inputoutput.IoMath;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.RegionalTable;
import org.klaster.inputoutput.Regionalisation;
import org.klaster.inputoutput.SectorEmployment;

/**
 * {@code klaster io regionalise}: a region's input–output table from the national table and regional
 * employment, by SLQ, CILQ or Flegg's FLQ (methods.md §6; docs/methods-io.md, "Regional tables").
 *
 * <p>The result is a table like any other: {@link #model} gives its {@link IoModel}, so multipliers,
 * shocks and extraction run on it, and {@link #table} is its io.csv layout (formats.md §2) as a
 * {@link Table} — one row per line of the file, one column per column — which the command line writes
 * like every result ({@code --out} atomically, refused when it names an input) and
 * {@code klaster io multipliers --table} reads back.
 *
 * <p>The activity's industries make the table's sectors by code (an industry counts for the longest
 * sector code that prefixes it) or through a sector map ({@code sector,industry}), see
 * {@link SectorEmployment}. National employment is the sum over every region of the activity.
 */
public final class RegionalisationAnalysis {

    public static final String ID = "io.regionalise";

    /** The flags' values, checked: region code, year (null = the activity's latest), method, δ ∈ [0, 1]. */
    public record Params(String region, Integer year, Regionalisation.Method method, double delta) {

        /**
         * @param method {@code slq}, {@code cilq} or {@code flq}; null or blank is flq
         * @param delta  null is {@link Regionalisation#DEFAULT_DELTA}
         */
        public static Params of(String region, Integer year, String method, Double delta) {
            String r = Param.code("region", region);
            if (r == null) throw UserException.badParameter("region", Messages.text("param.required"));
            List<String> ids = Arrays.stream(Regionalisation.Method.values()).map(Regionalisation.Method::id).toList();
            String m = Param.oneOf("method", method == null ? null : method.strip().toLowerCase(java.util.Locale.ROOT),
                    ids, Regionalisation.Method.FLQ.id());
            double d = delta == null ? Regionalisation.DEFAULT_DELTA : delta;
            if (!(d >= 0 && d <= 1)) throw UserException.badParameter("delta", Messages.text("io.regional.delta", d));
            return new Params(r, year, Regionalisation.Method.of(m), d);
        }
    }

    /** A sector map read for a table: its links and where they came from. */
    public record SectorLinks(Map<String, List<String>> links, Provenance.Input input, Path file, List<Text> warnings) {
    }

    /**
     * Reads a sector map ({@code sector,industry}) for a table; a sector the table does not have is refused
     * at its line and column.
     */
    public static SectorLinks sectorMap(Path file, String sheet, IoTable table) {
        try {
            SectorMap m = SectorMapReader.read(file, sheet, table.sectors());
            return new SectorLinks(m.links(), Provenance.Input.file("sector-map", String.valueOf(file.getFileName()),
                    m.sha256()), file, Texts.of(m.warnings()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The regional table with what it was made from, what the reader should be told, and the year used. */
    public record Result(RegionalTable regional, Params params, int year, Provenance provenance, List<Text> warnings,
                         List<Text> notes) {

        public IoTable table() {
            return regional.table();
        }
    }

    /**
     * Regionalises the national table for one region.
     *
     * @param links a sector map, or null (the activity's industries are the table's sector codes or finer)
     * @throws UserException    NOT_FOUND when the activity has no such region; IMPOSSIBLE when the region has
     *                          no employment in the year; BAD_PARAMETER for a year not in the activity
     * @throws InputException   when sectors with output get no employment from the activity (the file at
     *                          fault named: the activity's, else the sector map, else the table's)
     */
    public static Result compute(IoModel national, ActivityInput activity, SectorLinks links, Params p, DataAccess access) {
        int year = MappingAnalysis.years(activity, p.year(), null).year();
        List<Object> key = new ArrayList<>(List.of(ID, national.input(), activity.input(), p, year));
        if (links != null) key.add(links.input());
        return access.memo(key, () -> regionalise(national, activity, links, p, year,
                // x, the active sectors and A of the national table, kept where results are kept (the web's region picker)
                access.memo(List.of(ID, "national", national.input()), () -> Regionalisation.of(national.table()))));
    }

    private static Result regionalise(IoModel national, ActivityInput activity, SectorLinks links, Params p, int year,
                                      Regionalisation prepared) {
        IoTable nation = national.table();
        double[] x = nation.totalOutput();
        SectorEmployment employment = SectorEmployment.of(nation.sectors(), x, links == null ? null : links.links(),
                activity.rows(), year);
        if (!activity.hasRegion(p.region())) {
            throw UserException.notFound("region", Messages.text("io.regional.noRegion", p.region(), name(activity),
                    examples(activity.regions(), 12)));
        }
        if (!employment.hasRegion(p.region())) {
            throw UserException.impossible(Messages.text("io.regional.noRegionYear", p.region(), name(activity), year));
        }
        List<String> missing = employment.sectorsWithoutEmployment(x);
        if (!missing.isEmpty()) throw noEmployment(national, activity, links, year, missing);

        RegionalTable r = prepared.regionalise(employment.region(p.region()), p.method(), p.delta());

        List<Text> warnings = new ArrayList<>(national.warnings());
        warnings.addAll(activity.warnings());
        if (links != null) warnings.addAll(links.warnings());
        if (!nation.hasImports()) warnings.add(Messages.text("io.regional.totalFlows"));
        Map<String, Double> unmatched = employment.unmatchedIndustries();
        if (!unmatched.isEmpty()) {
            double e = 0;
            for (double v : unmatched.values()) e += v;
            warnings.add(Messages.text("io.regional.unmatched", examples(unmatched.keySet(), 12),
                    Text.fixed(100 * e / employment.nationalTotal(), 1), year));
        }
        List<Text> notes = new ArrayList<>();
        double local = IoMath.sum(r.table().intermediate().data());
        double other = IoMath.sum(r.otherRegions().data());
        notes.add(Messages.text("io.regional.note.summary", p.region(), year,
                Text.fixed(100 * r.employment().regionShare(), 2),
                Text.fixed(100 * IoMath.sum(r.output()) / IoMath.sum(x), 2), p.method().id(), p.delta(),
                Text.fixed(r.lambda(), 4), Text.fixed(local + other > 0 ? 100 * local / (local + other) : 0, 1)));
        notes.add(Messages.text(nation.importMatrix() != null ? "io.regional.note.matrix" : "io.regional.note.row",
                Regionalisation.OTHER_REGIONS));
        for (List<String> block : employment.sharedBlocks()) {
            notes.add(Messages.text("io.regional.note.shared", examples(block, 12)));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("region", p.region());
        params.put("year", year);
        params.put("method", p.method().id());
        params.put("delta", p.delta());
        List<Provenance.Input> inputs = new ArrayList<>(List.of(national.input(), activity.input()));
        if (links != null) inputs.add(links.input());
        return new Result(r, p, year, new Provenance(ID, inputs, params, national.units()), warnings, notes);
    }

    /** A stored activity by its id, a file by its name. */
    private static String name(ActivityInput activity) {
        return activity.meta() != null ? activity.id() : activity.input().source();
    }

    /** Sectors with output and no employment: bad input, blamed on the activity file, the sector map or the table file. */
    private static RuntimeException noEmployment(IoModel national, ActivityInput activity, SectorLinks links, int year,
                                                 List<String> missing) {
        Text problem = Messages.text(links == null ? "io.regional.noEmployment" : "io.regional.noEmploymentMap", year,
                examples(missing, 20));
        if (activity.meta() == null) return InputException.column(Path.of(activity.input().source()), null, "industry", problem);
        if (links != null) return InputException.column(links.file(), null, "industry", problem);
        if (national.meta() == null) return InputException.file(Path.of(national.input().source()), problem);
        // two stored datasets that do not fit each other: like a dataset that does not hold what is read (exit 1)
        return UserException.badParameter("dataset", problem);
    }

    /** Up to {@code max} codes, comma-separated, then "…" and how many more. */
    static String examples(java.util.Collection<String> codes, int max) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String c : codes) {
            if (i == max) {
                sb.append(", … (").append(codes.size()).append(')');
                break;
            }
            if (i++ > 0) sb.append(", ");
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * The regional table as a model for the other analyses (multipliers, shocks, extraction). Its input is
     * labelled after the national table and the region; it is synthetic when either input is.
     */
    public static IoModel model(Result r) {
        Provenance.Input nat = r.provenance().inputs().get(0);
        boolean synthetic = r.provenance().synthetic();
        Provenance.Input in = new Provenance.Input("io", null, nat.label() + " → " + r.params().region() + " "
                + r.year() + " (" + r.params().method().id() + ")", null, synthetic, nat.dataset());
        return new IoModel(in, r.table(), r.table().validate(true), r.warnings());
    }

    // ------------------------------------------------------------------ the io.csv layout as a table

    /** One line of io.csv: a sector row, an {@code import:S} row, the {@code imports} row or the value-added row. */
    public record Line(String code, Kind kind, int index) {
        public enum Kind { SECTOR, IMPORT, IMPORTS, VALUE_ADDED }
    }

    /**
     * The columns of io.csv for this table: {@code code}, one per sector (money), one per final-demand
     * category, {@code total_output}. Cells a line does not have are empty (NaN).
     */
    public static Schema<Line> schema(IoTable t) {
        Schema.Builder<Line> b = Schema.<Line>builder(ID, "IoTableLine").text("code", Line::code);
        int n = t.size();
        for (int j = 0; j < n; j++) {
            final int col = j;
            b.optionalNumber(t.sectors().get(j), Unit.MONEY, l -> switch (l.kind()) {
                case SECTOR -> t.intermediate().get(l.index(), col);
                case IMPORT -> t.importMatrix().get(l.index(), col);
                case IMPORTS -> t.imports()[col];
                case VALUE_ADDED -> t.valueAdded()[col];
            });
        }
        List<String> categories = t.finalDemandCategories();
        for (int c = 0; c < categories.size(); c++) {
            final int col = c;
            b.optionalNumber(categories.get(c), Unit.MONEY,
                    l -> l.kind() == Line.Kind.SECTOR ? t.finalDemand().get(l.index(), col) : Double.NaN);
        }
        double[] given = t.givenTotalOutput();
        b.optionalNumber("total_output", Unit.MONEY,
                l -> l.kind() == Line.Kind.SECTOR && given != null ? given[l.index()] : Double.NaN);
        return b.build();
    }

    /** The lines of io.csv in order, generated while written (a 9 800-sector table is not copied). */
    static Iterable<Line> lines(IoTable t) {
        int n = t.size();
        int imports = t.importMatrix() != null ? n : t.imports() != null ? 1 : 0;
        int total = n + imports + (t.valueAdded() != null ? 1 : 0);
        return () -> new Iterator<>() {
            int next;

            @Override
            public boolean hasNext() {
                return next < total;
            }

            @Override
            public Line next() {
                if (next >= total) throw new NoSuchElementException();
                int k = next++;
                if (k < n) return new Line(t.sectors().get(k), Line.Kind.SECTOR, k);
                if (k < n + imports) {
                    return t.importMatrix() != null ? new Line("import:" + t.sectors().get(k - n), Line.Kind.IMPORT, k - n)
                            : new Line("imports", Line.Kind.IMPORTS, 0);
                }
                return new Line("value_added", Line.Kind.VALUE_ADDED, 0);
            }
        };
    }

    /** The regional table in the io.csv layout (never with name columns: the layout has none). */
    public static Table<Line> table(Result r) {
        return new Table<>(schema(r.table()), lines(r.table()), false, r.provenance(), r.warnings(), r.notes());
    }

    /** Regionalise and tabulate: what {@code klaster io regionalise} writes. */
    public static Table<Line> run(IoModel national, ActivityInput activity, SectorLinks links, Params p, DataAccess access) {
        return table(compute(national, activity, links, p, access));
    }
}
