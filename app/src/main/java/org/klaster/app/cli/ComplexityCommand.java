package org.klaster.app.cli;

import java.nio.file.Path;
import org.klaster.app.analysis.ComplexityAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster complexity}: RCA, M, diversity, ubiquity, ECI, PCI, density, COI and COG per year,
 * one row per year × location × product in the column order of formats.md §4 ({@link ComplexityAnalysis}).
 * Left-out locations and products are named on stderr; their values print empty (CSV) or null (JSON).
 * A malformed file exits 2, a year whose complexity is undefined exits 1.
 */
@Command(name = "complexity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Economic complexity (Hidalgo & Hausmann; the Atlas / Stata ecomplexity conventions): RCA, M,",
                "diversity, ubiquity, ECI, PCI, density, COI and COG, one row per year × location × product."})
public final class ComplexityCommand extends TopLevelCommand {

    static final class From {
        @Option(names = "--exports", paramLabel = "FILE", required = true,
                description = "Exports file year,location,product,value (CSV or XLSX; formats.md §4).")
        Path exports;
        @Option(names = "--dataset", paramLabel = "ID", required = true,
                description = "A stored exports dataset (klaster import exports; the demo's is demo-exports).")
        String dataset;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    From from;

    @Option(names = "--rca-threshold", paramLabel = "T", defaultValue = "1",
            description = "M = 1 where RCA ≥ T (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--year", paramLabel = "Y", description = "Only this year (default: every year in the data).")
    Integer year;

    @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet of an XLSX exports file (default: the first).")
    String sheet;

    @Override
    Table<?> run(StoreAccess access, Names names) {
        ComplexityAnalysis.Exports in = ComplexityAnalysis.load(
                from.dataset != null ? Source.stored(from.dataset) : Source.file(from.exports, sheet), access);
        return ComplexityAnalysis.run(in, year, threshold, access, names, common.names);
    }
}
