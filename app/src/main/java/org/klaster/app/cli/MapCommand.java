package org.klaster.app.cli;

import org.klaster.app.Progress;
import java.nio.file.Path;
import org.klaster.app.analysis.ActivityInput;
import org.klaster.app.analysis.Inputs;
import org.klaster.app.analysis.MappingAnalysis;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Source;
import org.klaster.app.analysis.StoreAccess;
import org.klaster.app.analysis.Table;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster map}: location quotients, cluster stars, strong clusters and (with a base year)
 * shift-share, one row per region × category ({@link MappingAnalysis}).
 */
@Command(name = "map", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Map clusters: employment, share, location quotient, European Cluster Observatory stars and",
                "U.S. Cluster Mapping strong clusters per region × category; with --base-year also shift-share."})
public final class MapCommand extends TopLevelCommand {

    static final class Source {
        @Option(names = "--activity", paramLabel = "FILE", description = "Regional activity file (CSV or XLSX; formats.md §1).")
        Path activity;
        @Option(names = "--firms", paramLabel = "FILE", description = "Firm-level file (CSV or Parquet), aggregated on read.")
        Path firms;
        @Option(names = "--dataset", paramLabel = "ID", description = "A dataset in the database (see `klaster datasets`), e.g. demo.")
        String dataset;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--categories", paramLabel = "FILE",
            description = "industry,category[,category_name] map (longest code prefix wins); default: the dataset's own map, else 2-digit divisions.")
    Path categories;

    @Option(names = "--year", paramLabel = "Y", description = "Year to map (default: the latest in the data).")
    Integer year;

    @Option(names = "--base-year", paramLabel = "Y0", description = "Base year for shift-share.")
    Integer baseYear;

    @Option(names = "--sheet", paramLabel = "NAME", description = "Sheet of an XLSX activity file (default: the first).")
    String sheet;

    @Override
    Table<?> run(StoreAccess access, Names names) {
        org.klaster.app.analysis.Source src = source.dataset != null ? org.klaster.app.analysis.Source.stored(source.dataset)
                : org.klaster.app.analysis.Source.file(source.activity != null ? source.activity : source.firms, sheet);
        ActivityInput in;
        if (source.firms != null) {
            try (Progress.Bar bar = new Progress.Bar(err(), terminal())) {
                in = Inputs.activity(src, true, categories, access, bar);
            }
        } else {
            in = Inputs.activity(src, false, categories, access, null);
        }
        return MappingAnalysis.run(in, year, baseYear, access, names, common.names);
    }
}
