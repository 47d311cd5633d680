package org.klaster.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.ComplexityCsv;
import org.klaster.complexity.ComplexityTable;
import org.klaster.complexity.ExportRecord;
import org.klaster.data.formats.ExportsData;
import org.klaster.data.formats.ExportsReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster complexity}: RCA, M, diversity, ubiquity, ECI, PCI, density, COI and COG per year,
 * one row per year × location × product in the column order of formats.md §4 (methods.md §4).
 * Left-out locations and products are named on stderr; their values print empty (CSV) or null (JSON).
 * A malformed file exits 2, a year whose complexity is undefined exits 1.
 */
@Command(name = "complexity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Economic complexity (Hidalgo & Hausmann; the Atlas / Stata ecomplexity conventions): RCA, M,",
                "diversity, ubiquity, ECI, PCI, density, COI and COG, one row per year × location × product."})
public final class ComplexityCommand extends TopLevelCommand {

    /** The output columns, formats.md §4. */
    static final List<String> COLUMNS = List.of("year", "location", "product", "value", "rca", "mcp", "diversity",
            "ubiquity", "eci", "pci", "density", "coi", "cog");

    static final class Source {
        @Option(names = "--exports", paramLabel = "FILE", required = true,
                description = "Exports file year,location,product,value (CSV or XLSX; formats.md §4).")
        Path exports;
        @Option(names = "--dataset", paramLabel = "ID", required = true,
                description = "A stored exports dataset (klaster import exports; the demo's is demo-exports).")
        String dataset;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--rca-threshold", paramLabel = "T", defaultValue = "1",
            description = "M = 1 where RCA ≥ T (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--year", paramLabel = "Y", description = "Only this year (default: every year in the data).")
    Integer year;

    @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet of an XLSX exports file (default: the first).")
    String sheet;


    @Override
    public Integer call() throws Exception {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("--rca-threshold must be a positive number, got " + threshold);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<ExportRecord> records;
        if (source.exports != null) {
            ExportsData data = ExportsReader.read(source.exports, sheet);
            data.warnings().forEach(w -> err.println("warning: " + w));
            records = data.records();
        } else {
            try (Store store = Store.open(common.dbPath())) {
                Dataset d = store.require(source.dataset);
                records = store.exports(d.id());
                err.println("dataset " + d.provenance());
                if (d.synthetic()) err.println("note: " + d.id() + " is SYNTHETIC demo data, not official statistics");
            }
        }
        if (year != null) records = ofYear(records, year);
        List<ComplexityTable.Year> years = ComplexityTable.compute(records, threshold);
        records = null;   // the years hold what is needed; let the records go before the output
        if (common.format(root.terminal()) == TableWriter.Format.csv) {
            // CSV is streamed row by row (ComplexityCsv: the same bytes as the table path below)
            years.forEach(y -> y.warnings().forEach(w -> err.println("warning: " + w)));
            err.flush();
            Output.stream(common, out(), w -> ComplexityCsv.write(years, w));
            return Klaster.OK;
        }
        ResultTable t = new ResultTable(COLUMNS);
        for (ComplexityTable.Year y : years) {
            y.warnings().forEach(w -> err.println("warning: " + w));
            for (ComplexityTable.Row r : y.rows()) {
                t.add(r.year(), r.location(), r.product(), r.value(), r.rca(), count(r.mcp()), count(r.diversity()),
                        count(r.ubiquity()), r.eci(), r.pci(), r.density(), r.coi(), r.cog());
            }
        }
        err.flush();
        emit(t);
        return Klaster.OK;
    }

    /** The records of one year; a year without records is a usage error naming the years there are. */
    static List<ExportRecord> ofYear(List<ExportRecord> records, int year) {
        List<ExportRecord> out = records.stream().filter(r -> r.year() == year).toList();
        if (out.isEmpty()) {
            TreeSet<Integer> years = new TreeSet<>();
            records.forEach(r -> years.add(r.year()));
            throw new IllegalArgumentException("--year " + year + ": the exports have no rows of that year (years: "
                    + String.join(", ", years.stream().map(String::valueOf).toList()) + ")");
        }
        return out;
    }

    /** M, diversity and ubiquity are whole numbers; NaN (left out) stays undefined. */
    private static Integer count(double v) {
        return Double.isNaN(v) ? null : (int) v;
    }
}
