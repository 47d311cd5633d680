package org.klaster.app.web.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Classes and colours for a choropleth: value → class → colour, with legend labels. Palettes are
 * ColorBrewer schemes (Brewer, colorbrewer2.org), safe for colour-blind readers and in grey print.
 */
public final class ColorScale {

    /** Sequential, light to dark (ColorBrewer YlGnBu, 6 classes). */
    static final String[] SEQUENTIAL = {"#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"};
    /** Diverging around LQ = 1 (ColorBrewer BrBG, 6 classes). */
    static final String[] DIVERGING = {"#8c510a", "#d8b365", "#e9e4d8", "#80cdc1", "#35978f", "#01665e"};
    public static final String NO_DATA = "#d4d4d8";

    /** A legend entry. */
    public record Item(String color, String label) {
    }

    private final double[] upper; // class i holds values < upper[i]; the last class is open
    private final String[] colors;
    private final List<Item> items;

    private ColorScale(double[] upper, String[] colors, List<Item> items) {
        this.upper = upper;
        this.colors = colors;
        this.items = items;
    }

    /**
     * Counts (stars, strong clusters): one class per value up to 5; above that, classes of equal
     * integer width ("0–1", "2–3", …) so the legend stays at six entries.
     */
    public static ColorScale counts(int max, DoubleFunction<String> fmt) {
        int width = max <= 5 ? 1 : (int) Math.ceil((max + 1) / 6.0);
        int k = max <= 5 ? Math.max(1, max) : (max / width); // number of breaks
        double[] upper = new double[k];
        String[] colors = new String[k + 1];
        List<Item> items = new ArrayList<>();
        for (int i = 0; i <= k; i++) {
            colors[i] = SEQUENTIAL[Math.round((float) i * (SEQUENTIAL.length - 1) / k)];
            if (i < k) upper[i] = (i + 1) * width - 0.5;
            int lo = i * width;
            int hi = i < k ? (i + 1) * width - 1 : max;
            items.add(new Item(colors[i], lo >= hi ? fmt.apply(lo) : fmt.apply(lo) + "\u2009\u2013\u2009" + fmt.apply(hi)));
        }
        return new ColorScale(upper, colors, items);
    }

    /** Location quotients: diverging around 1 with breaks 0.5, 0.8, 1.25, 2, 3. */
    public static ColorScale locationQuotient(DoubleFunction<String> fmt) {
        double[] b = {0.5, 0.8, 1.25, 2, 3};
        return breaks(b, DIVERGING, fmt);
    }

    /** Quantile classes (up to 6) of the given values, breaks rounded to two significant digits. */
    public static ColorScale quantiles(double[] values, DoubleFunction<String> fmt) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) return breaks(new double[0], new String[] {SEQUENTIAL[3]}, fmt);
        int k = Math.min(SEQUENTIAL.length, Math.max(1, v.length / 3));
        List<Double> br = new ArrayList<>();
        for (int i = 1; i < k; i++) {
            double q = round2(v[(int) Math.floor((double) i * v.length / k)]);
            if (q > v[0] && (br.isEmpty() || q > br.get(br.size() - 1))) br.add(q);
        }
        double[] b = br.stream().mapToDouble(Double::doubleValue).toArray();
        String[] colors = new String[b.length + 1];
        for (int i = 0; i <= b.length; i++) {
            colors[i] = SEQUENTIAL[b.length == 0 ? 3 : Math.round((float) i * (SEQUENTIAL.length - 1) / b.length)];
        }
        return breaks(b, colors, fmt);
    }

    private static ColorScale breaks(double[] b, String[] colors, DoubleFunction<String> fmt) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i <= b.length; i++) {
            String label;
            if (b.length == 0) label = "";
            else if (i == 0) label = "< " + fmt.apply(b[0]);
            else if (i == b.length) label = "\u2265\u00a0" + fmt.apply(b[i - 1]);
            else label = fmt.apply(b[i - 1]) + "\u2009\u2013\u2009" + fmt.apply(b[i]);
            items.add(new Item(colors[i], label));
        }
        return new ColorScale(b, colors, items);
    }

    static double round2(double x) {
        if (x == 0 || Double.isInfinite(x)) return x;
        double mag = Math.pow(10, Math.floor(Math.log10(Math.abs(x))) - 1);
        return Math.round(x / mag) * mag;
    }

    /** The colour of a value; {@link #NO_DATA} for NaN. */
    public String color(double value) {
        if (Double.isNaN(value)) return NO_DATA;
        for (int i = 0; i < upper.length; i++) {
            if (value < upper[i]) return colors[i];
        }
        return colors[colors.length - 1];
    }

    public List<Item> items() {
        return items;
    }

    /** Black or white text, whichever reads better on the colour (WCAG relative luminance). */
    public static String textOn(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double l = 0.2126 * lin((rgb >> 16) & 255) + 0.7152 * lin((rgb >> 8) & 255) + 0.0722 * lin(rgb & 255);
        return l > 0.35 ? "#111827" : "#ffffff";
    }

    private static double lin(int c) {
        double s = c / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
