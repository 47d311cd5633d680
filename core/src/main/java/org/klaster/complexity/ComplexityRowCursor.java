package org.klaster.complexity;

import java.util.List;
import org.klaster.linalg.DenseMatrix;

/**
 * The output rows of one {@link ComplexityTable.Year} one at a time, by location then product (the
 * order of {@link ComplexityTable.Year#rows()}), without materialising them: a cursor over
 * (location, product) with primitive getters that read straight from the year's arrays. A year of
 * 250 locations × 5 000 products has 1.25 M rows; {@code rows()} builds 1.25 M {@link ComplexityTable.Row}
 * objects, the cursor none — a writer streams each row to its output and forgets it.
 *
 * <p>Every getter returns exactly the value of the same field of the corresponding
 * {@link ComplexityTable.Row} (NaN = undefined, as there). Use:
 * <pre>{@code
 * ComplexityRowCursor r = year.cursor();
 * while (r.next()) {
 *     out.print(r.location()); out.print(r.eci()); ...
 * }
 * }</pre>
 * Not thread-safe; one cursor per reader (cursors are cheap: {@link ComplexityTable.Year#cursor()}).
 */
public final class ComplexityRowCursor {

    private final int year;
    private final List<String> locations;
    private final List<String> products;
    private final int nc;
    private final int np;
    private final double[] values;
    private final double[] rca;
    private final double[] mcp;
    private final double[] density;
    private final double[] cog;
    private final double[] diversity;
    private final double[] ubiquity;
    private final double[] eci;
    private final double[] pci;
    private final double[] coi;
    private int c;
    private int p;
    private int cell;   // c + p·nc: the position of (c, p) in the column-major matrices

    ComplexityRowCursor(ComplexityTable.Year y) {
        this.year = y.year();
        this.locations = y.locations();
        this.products = y.products();
        this.nc = locations.size();
        this.np = products.size();
        ComplexityResult r = y.result();
        this.values = data(y.values(), nc, np);
        this.rca = data(r.rca(), nc, np);
        this.mcp = data(r.mcp(), nc, np);
        this.density = data(r.density(), nc, np);
        this.cog = data(r.cog(), nc, np);
        this.diversity = r.diversity();
        this.ubiquity = r.ubiquity();
        this.eci = r.eci();
        this.pci = r.pci();
        this.coi = r.coi();
        this.c = 0;
        this.p = -1;
    }

    private static double[] data(DenseMatrix m, int rows, int cols) {
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalStateException("matrix is " + m.rows() + "×" + m.cols() + ", expected " + rows + "×" + cols);
        }
        return m.data();
    }

    /** Moves to the next row; false (and the cursor is spent) after the last. */
    public boolean next() {
        if (np == 0 || c >= nc) {
            c = nc;
            return false;
        }
        if (++p == np) {
            p = 0;
            if (++c == nc) {
                return false;
            }
        }
        cell = c + p * nc;
        return true;
    }

    /** Number of rows of the year (locations × products). */
    public long size() {
        return (long) nc * np;
    }

    /** Index of the current location in {@link ComplexityTable.Year#locations()}. */
    public int locationIndex() {
        return c;
    }

    /** Index of the current product in {@link ComplexityTable.Year#products()}. */
    public int productIndex() {
        return p;
    }

    public int year() {
        return year;
    }

    public String location() {
        return locations.get(c);
    }

    public String product() {
        return products.get(p);
    }

    public double value() {
        return values[cell];
    }

    public double rca() {
        return rca[cell];
    }

    public double mcp() {
        return mcp[cell];
    }

    public double diversity() {
        return diversity[c];
    }

    public double ubiquity() {
        return ubiquity[p];
    }

    public double eci() {
        return eci[c];
    }

    public double pci() {
        return pci[p];
    }

    public double density() {
        return density[cell];
    }

    public double coi() {
        return coi[c];
    }

    public double cog() {
        return cog[cell];
    }

    /** The current row as a {@link ComplexityTable.Row} (for tests and small outputs). */
    public ComplexityTable.Row row() {
        return new ComplexityTable.Row(year, location(), product(), value(), rca(), mcp(), diversity(), ubiquity(),
                eci(), pci(), density(), coi(), cog());
    }
}
