package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableModelTest {

    /** Missing values (NaN, null) mixed with numbers: a total order with them last, in both directions. */
    @Test
    void missingValuesSortLastWithoutBreakingTheOrder() {
        for (String dir : new String[] {"asc", "desc"}) {
            TableModel t = new TableModel("t", "t", List.of(new TableModel.Col("v", "v", true, null)));
            List<Double> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                double v = i % 3 == 0 ? Double.NaN : (i * 37) % 101 + (i % 7 == 0 ? Double.POSITIVE_INFINITY : 0);
                t.add(new Object[] {i % 11 == 0 ? null : v}, List.of(TableModel.Cell.of("")));
            }
            t.sort("v", dir, "v", true);
            boolean seenMissing = false;
            Double last = null;
            for (TableModel.Row r : t.rows()) {
                Object o = r.raw()[0];
                boolean missing = o == null || ((Double) o).isNaN();
                if (missing) {
                    seenMissing = true;
                    continue;
                }
                assertThat(seenMissing).as("a number after a missing value").isFalse();
                double v = (Double) o;
                if (last != null) assertThat(dir.equals("asc") ? v >= last : v <= last).isTrue();
                last = v;
            }
            assertThat(seenMissing).isTrue();
        }
    }
}
