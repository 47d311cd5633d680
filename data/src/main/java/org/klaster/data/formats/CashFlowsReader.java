package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.klaster.Text;

/**
 * Reads a project's yearly cash flows {@code year,cash_flow[,available_for_debt_service]} (formats.md §11): one row
 * per calendar year, consecutive and ascending, the investment years negative.
 *
 * <p>Errors (file, line, column named; nothing returned): a missing column, a year that is not one, a year out of
 * order or skipped, an empty or non-numeric cash flow, no data rows.
 */
public final class CashFlowsReader {

    static final String YEAR = "year";
    static final String CASH_FLOW = "cash_flow";
    static final String AVAILABLE = "available_for_debt_service";

    private CashFlowsReader() {
    }

    /**
     * @param firstYear     the first calendar year
     * @param cashFlow      c_t, t = 0 … T
     * @param available     cash flow available for debt service by year (NaN where blank); null without the column
     */
    public record CashFlowFile(int firstYear, double[] cashFlow, double[] available, String sha256, String sourceName,
                               List<Text> warnings) {
    }

    public static CashFlowFile read(Path file, String sheet) throws IOException {
        try (TabularFile t = TabularFile.open(file, sheet)) {
            t.require(YEAR, CASH_FLOW);
            int iYear = t.indexOf(YEAR);
            int iFlow = t.indexOf(CASH_FLOW);
            int iAvail = t.indexOf(AVAILABLE);
            Set<Text> warnings = new LinkedHashSet<>(ActivityReader.ignoredColumnWarnings(t, Set.of(YEAR, CASH_FLOW, AVAILABLE), "cash flows"));
            List<double[]> rows = new ArrayList<>();
            int first = 0;
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                int year = row.year(iYear);
                if (rows.isEmpty()) {
                    first = year;
                } else if (year != first + rows.size()) {
                    throw row.error(iYear, data("cashflows.year.order", Integer.toString(year), Integer.toString(first + rows.size())));
                }
                double c = row.requiredNumber(iFlow);
                double a = iAvail < 0 ? Double.NaN : row.number(iAvail);
                rows.add(new double[] {c, a});
            }
            if (rows.isEmpty()) throw t.whole(data("file.no.rows"));
            double[] c = new double[rows.size()];
            double[] a = iAvail < 0 ? null : new double[rows.size()];
            for (int k = 0; k < c.length; k++) {
                c[k] = rows.get(k)[0];
                if (a != null) a[k] = rows.get(k)[1];
            }
            warnings.addAll(t.warnings());
            return new CashFlowFile(first, c, a, t.sha256(), InputException.displayName(file), new ArrayList<>(warnings));
        }
    }
}
