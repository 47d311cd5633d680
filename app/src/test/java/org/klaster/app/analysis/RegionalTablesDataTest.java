package org.klaster.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.Text;
import org.klaster.data.demo.DemoEconomy;
import org.klaster.data.demo.DemoIo;
import org.klaster.data.formats.RosstatIoReader;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.Multipliers;
import org.klaster.inputoutput.Regionalisation;
import org.klaster.mapping.CategoryMap;

/**
 * Regional tables on real-sized data: the demo's national table and the Rosstat 2016 basic tables (../shared/data,
 * skipped when absent) regionalised for every region of the demo's activity. What must hold for each: no error,
 * every regional output multiplier at most its national one, and, over all regions, regional outputs and value
 * added that add up to the national ones (the regional shares of each sector sum to 1).
 */
class RegionalTablesDataTest {

    @TempDir
    Path dir;

    static ActivityInput demoActivity() {
        return new ActivityInput(Provenance.Input.file("activity", "demo", null),
                DemoEconomy.standard().activity(DemoEconomy.LAST_YEAR), CategoryMap.divisions(), Map.of(), List.of());
    }

    /** Every region, every multiplier ≤ the national one; returns the sum of the regional outputs by sector. */
    static double[] regionaliseEveryRegion(IoModel national, ActivityInput activity, RegionalisationAnalysis.SectorLinks links,
                                           String method, DataAccess access) {
        List<Multipliers.Row> nation = national.multipliers();
        IoTable t = national.table();
        double[] outputs = new double[t.size()];
        double[] valueAdded = new double[t.size()];
        assertThat(activity.regions()).hasSize(83);
        for (String region : activity.regions()) {
            RegionalisationAnalysis.Result r = RegionalisationAnalysis.compute(national, activity, links,
                    RegionalisationAnalysis.Params.of(region, null, method, null), access);
            List<Multipliers.Row> rows = RegionalisationAnalysis.model(r).multipliers();
            for (int j = 0; j < rows.size(); j++) {
                double m = rows.get(j).outputMultiplier();
                if (!Double.isNaN(m)) {
                    assertThat(m).as("%s %s", region, rows.get(j).sector()).isBetween(1.0, nation.get(j).outputMultiplier());
                }
            }
            double[] x = r.regional().output();
            for (int j = 0; j < x.length; j++) {
                outputs[j] += x[j];
                valueAdded[j] += r.table().valueAdded()[j];
            }
        }
        double[] nx = t.totalOutput();
        for (int j = 0; j < nx.length; j++) {
            assertThat(outputs[j]).as(t.sectors().get(j)).isCloseTo(nx[j], within(1e-9 * nx[j]));
            assertThat(valueAdded[j]).isCloseTo(t.valueAdded()[j], within(1e-9 * Math.abs(nx[j])));
        }
        return outputs;
    }

    @Test
    void theDemoTableForEveryRegionAndMethod() {
        IoTable table = DemoIo.standard();
        IoModel national = new IoModel(Provenance.Input.file("io", "demo-io", null), table, table.validate(false), List.of());
        ActivityInput activity = demoActivity();
        try (StoreAccess access = new StoreAccess(dir.resolve("none.duckdb"))) {
            for (String method : List.of("flq", "cilq", "slq")) {
                regionaliseEveryRegion(national, activity, null, method, access);
            }
        }
    }

    @Test
    void theRosstat2016TableForEveryRegionOfTheDemo() throws IOException, URISyntaxException {
        Path xlsx = Path.of(System.getProperty("klaster.shared.data", "../shared/data"), "io", "rosstat_io_basic_tables_2016.xlsx");
        Assumptions.assumeTrue(Files.isRegularFile(xlsx), "shared public data not available (" + xlsx
                + "); the Rosstat regional test is skipped");
        RosstatIoReader.Result rosstat = RosstatIoReader.read(xlsx);
        IoModel national = new IoModel(Provenance.Input.file("io", "rosstat", rosstat.sha256()), rosstat.table(),
                rosstat.validation(), rosstat.warnings());
        // OKPD products of 2016 against OKVED2 employment: a sector map made for this test (one link a line)
        Path map = Path.of(getClass().getResource("rosstat-2016-okved2.csv").toURI());
        RegionalisationAnalysis.SectorLinks links = RegionalisationAnalysis.sectorMap(map, null, rosstat.table());
        assertThat(links.links()).hasSize(98);
        ActivityInput activity = demoActivity();
        try (StoreAccess access = new StoreAccess(dir.resolve("none.duckdb"))) {
            regionaliseEveryRegion(national, activity, links, "flq", access);
            RegionalisationAnalysis.Result sam = RegionalisationAnalysis.compute(national, activity, links,
                    RegionalisationAnalysis.Params.of("RU-SAM", null, "flq", 0.3), access);
            // the import matrix is kept (by product), division 99 of the demo is outside the table, food shares division 10
            assertThat(sam.table().importMatrix()).isNotNull();
            assertThat(sam.warnings()).extracting(Text::toString).anyMatch(w -> w.contains("no sector of the table count only")
                    && w.contains(": 99 ("));
            assertThat(sam.notes()).extracting(Text::toString).anyMatch(n -> n.contains("15.1, 15.2, 15.3"));
            assertThat(sam.table().finalDemandCategories()).endsWith(Regionalisation.OTHER_REGIONS);
        }
    }
}
