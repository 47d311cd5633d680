package org.klaster.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.klaster.activity.ActivityRecord;
import org.klaster.app.Klaster;
import org.klaster.data.formats.ActivityData;
import org.klaster.data.formats.ActivityReader;
import org.klaster.data.formats.Categories;
import org.klaster.data.formats.CategoriesReader;
import org.klaster.data.formats.FirmsReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.Store;
import org.klaster.mapping.CategoryMap;
import org.klaster.mapping.ClusterMapping;
import org.klaster.mapping.MappingResult;
import org.klaster.mapping.MappingRow;
import org.klaster.mapping.ShiftShareRow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code klaster map}: location quotients, cluster stars, strong clusters and (with a base year)
 * shift-share, one row per region × category (formats.md §5, methods.md §1).
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
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<ActivityRecord> rows;
        CategoryMap categoryMap = null;
        if (source.activity != null) {
            ActivityData data = ActivityReader.read(source.activity, sheet);
            data.warnings().forEach(w -> err.println("warning: " + w));
            rows = data.records();
        } else if (source.firms != null) {
            ActivityData data;
            try (Progress.Bar bar = new Progress.Bar(err, root.terminal())) {
                data = new FirmsReader().read(source.firms, bar, false); // nothing is stored: no digest needed
            }
            data.warnings().forEach(w -> err.println("warning: " + w));
            rows = data.records();
        } else {
            try (Store store = Store.open(common.dbPath())) {
                Dataset d = store.require(source.dataset);
                rows = store.activity(d.id());
                if (d.synthetic()) err.println("note: " + d.id() + " is SYNTHETIC demo data, not official statistics");
                Map<String, String> map = store.categoryMap(d.id());
                if (!map.isEmpty()) categoryMap = CategoryMap.of(map, store.categoryNames(d.id()));
            }
        }
        if (categories != null) {
            Categories c = CategoriesReader.read(categories);
            c.warnings().forEach(w -> err.println("warning: " + w));
            categoryMap = CategoryMap.of(c.codeToCategory(), c.categoryNames());
        }
        if (categoryMap == null) categoryMap = CategoryMap.divisions();

        MappingResult result = ClusterMapping.map(rows, categoryMap, year, baseYear);
        result.warnings().forEach(w -> err.println("warning: " + w));
        emit(table(result));
        return Klaster.OK;
    }

    static ResultTable table(MappingResult result) {
        boolean shift = result.baseYear() != null;
        List<String> cols = new java.util.ArrayList<>(List.of("region", "category", "year", "employment", "share", "lq",
                "size_star", "specialisation_star", "focus_star", "stars", "strong"));
        if (shift) cols.addAll(List.of("employment_base", "change", "national_effect", "industry_mix", "regional_effect"));
        ResultTable t = new ResultTable(cols);
        for (MappingRow r : result.rows()) {
            Object[] v = new Object[cols.size()];
            v[0] = r.region();
            v[1] = r.category();
            v[2] = r.year();
            v[3] = r.employment();
            v[4] = r.share();
            v[5] = r.lq();
            v[6] = r.sizeStar();
            v[7] = r.specialisationStar();
            v[8] = r.focusStar();
            v[9] = r.stars();
            v[10] = r.strong();
            if (shift) {
                ShiftShareRow s = r.shift();
                v[11] = s.employmentBase();
                v[12] = s.change();
                v[13] = s.nationalEffect();
                v[14] = s.industryMix();
                v[15] = s.regionalEffect();
            }
            t.add(v);
        }
        return t;
    }
}
