package org.klaster.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.klaster.complexity.ComplexityTable;
import org.klaster.linalg.DenseMatrix;

/**
 * The product space of one year as a drawable graph (Hidalgo et al. 2007; the Atlas draws it the same
 * way): nodes are the products with a non-zero world total, edges the maximum spanning tree of the
 * proximity φ (the backbone that keeps the graph connected with the strongest links) plus the strongest
 * other links with φ ≥ {@link #EXTRA_PHI}, at most {@link #MAX_EXTRA}. The layout is computed here, once,
 * by a deterministic force-directed method (Fruchterman–Reingold, fixed start, fixed iterations), so the
 * picture is the same on every visit and the browser only draws.
 *
 * @param products   node labels (product codes)
 * @param worldTrade Σ_c x_cp per node
 * @param x          layout x in [0, 1000]
 * @param y          layout y in [0, 1000]
 * @param edges      tree edges first, then extra edges by φ descending
 */
public record ProductSpace(List<String> products, double[] worldTrade, double[] x, double[] y, List<Edge> edges) {

    /** Extra (non-tree) links need at least this proximity (the Atlas's cut-off for its drawing). */
    static final double EXTRA_PHI = 0.55;
    /** At most this many extra links, so the drawing stays legible (a few hundred edges in all). */
    static final int MAX_EXTRA = 200;
    private static final int ITERATIONS = 500;
    /** Pull of a non-tree link relative to a tree link: cliques of strong links would otherwise collapse to a point. */
    private static final double EXTRA_PULL = 0.1;
    private static final double SIZE = 1000;

    /** An edge between nodes a < b (indices into {@link #products}); {@code tree} = part of the spanning tree. */
    public record Edge(int a, int b, double proximity, boolean tree) {
    }

    /** The graph and layout of a computed year. */
    public static ProductSpace of(ComplexityTable.Year year) {
        boolean[] in = year.result().productIncluded();
        List<Integer> keep = new ArrayList<>();
        for (int p = 0; p < year.products().size(); p++) if (in[p]) keep.add(p);
        int n = keep.size();
        DenseMatrix phiAll = year.result().proximity();
        double[][] phi = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = i == j ? 0 : phiAll.get(keep.get(i), keep.get(j));
                phi[i][j] = Double.isFinite(v) ? v : 0;
            }
        }
        List<String> labels = new ArrayList<>();
        double[] trade = new double[n];
        for (int i = 0; i < n; i++) {
            int p = keep.get(i);
            labels.add(year.products().get(p));
            for (int c = 0; c < year.locations().size(); c++) trade[i] += year.values().get(c, p);
        }
        List<Edge> edges = edges(phi);
        double[][] xy = layout(n, edges);
        return new ProductSpace(List.copyOf(labels), trade, xy[0], xy[1], List.copyOf(edges));
    }

    /**
     * The maximum spanning forest of φ (Prim's algorithm on the dense matrix, O(n²); links with φ = 0
     * are not links, so unrelated groups stay apart), then the extra links.
     */
    static List<Edge> edges(double[][] phi) {
        int n = phi.length;
        List<Edge> out = new ArrayList<>();
        boolean[] done = new boolean[n];
        double[] best = new double[n];
        int[] from = new int[n];
        boolean[][] used = new boolean[n][n];
        for (int start = 0; start < n; start++) {
            if (done[start]) continue;
            java.util.Arrays.fill(from, -1);
            java.util.Arrays.fill(best, 0);
            int cur = start;
            while (cur >= 0) {
                done[cur] = true;
                if (from[cur] >= 0) {
                    int a = Math.min(cur, from[cur]);
                    int b = Math.max(cur, from[cur]);
                    out.add(new Edge(a, b, phi[a][b], true));
                    used[a][b] = true;
                }
                for (int j = 0; j < n; j++) {
                    // ties keep the lower index: the tree does not depend on iteration accidents
                    if (!done[j] && phi[cur][j] > best[j]) {
                        best[j] = phi[cur][j];
                        from[j] = cur;
                    }
                }
                cur = -1;
                double max = 0;
                for (int j = 0; j < n; j++) {
                    if (!done[j] && from[j] >= 0 && best[j] > max) {
                        max = best[j];
                        cur = j;
                    }
                }
            }
        }
        List<Edge> extra = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                if (!used[a][b] && phi[a][b] >= EXTRA_PHI) extra.add(new Edge(a, b, phi[a][b], false));
            }
        }
        extra.sort(Comparator.comparingDouble((Edge e) -> -e.proximity()).thenComparingInt(Edge::a).thenComparingInt(Edge::b));
        out.addAll(extra.subList(0, Math.min(MAX_EXTRA, extra.size())));
        return out;
    }

    /**
     * Fruchterman–Reingold: nodes start on a golden-angle spiral (by index, no randomness), repel as k²/d,
     * linked nodes attract as d²/k (non-tree links at {@link #EXTRA_PULL} of that), moves are capped by a temperature that cools linearly; finally scaled to
     * [0, SIZE]². k = √(area / n).
     */
    static double[][] layout(int n, List<Edge> edges) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double r = SIZE / 2 * Math.sqrt((i + 0.5) / Math.max(n, 1));
            double t = i * Math.PI * (3 - Math.sqrt(5));
            x[i] = r * Math.cos(t);
            y[i] = r * Math.sin(t);
        }
        if (n < 2) return new double[][] {scale(x), scale(y)};
        double k = Math.sqrt(SIZE * SIZE / n);
        double temp = SIZE / 5;
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(dx, 0);
            java.util.Arrays.fill(dy, 0);
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double ex = x[i] - x[j];
                    double ey = y[i] - y[j];
                    double d2 = Math.max(ex * ex + ey * ey, 1e-4);
                    double f = k * k / d2; // (k²/d) along the unit vector (ex, ey)/d
                    dx[i] += ex * f;
                    dy[i] += ey * f;
                    dx[j] -= ex * f;
                    dy[j] -= ey * f;
                }
            }
            for (Edge e : edges) {
                double ex = x[e.a()] - x[e.b()];
                double ey = y[e.a()] - y[e.b()];
                double d = Math.max(Math.sqrt(ex * ex + ey * ey), 1e-2);
                double f = d / k * (e.tree() ? 1 : EXTRA_PULL); // (d²/k) along the unit vector
                dx[e.a()] -= ex * f;
                dy[e.a()] -= ey * f;
                dx[e.b()] += ex * f;
                dy[e.b()] += ey * f;
            }
            for (int i = 0; i < n; i++) {
                // a weak pull to the centre keeps separate groups on the canvas
                dx[i] -= 0.01 * x[i] * k / SIZE * 10;
                dy[i] -= 0.01 * y[i] * k / SIZE * 10;
                double d = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
                if (d > 0) {
                    double step = Math.min(d, temp);
                    x[i] += dx[i] / d * step;
                    y[i] += dy[i] / d * step;
                }
            }
            temp = Math.max(temp * 0.99, 0.5);
        }
        return new double[][] {scale(x), scale(y)};
    }

    private static double[] scale(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = hi > lo ? Math.round((v[i] - lo) / (hi - lo) * SIZE * 10) / 10.0 : SIZE / 2;
        return out;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The ECharts option: a graph without its own layout (positions above), node size ∝ √(world trade),
     * two categories (the country's M = 1 and the rest) with a legend; {@code tooltipGraph} tells app.js
     * to format node and edge tooltips (value with unit, φ for edges).
     *
     * @param mcp M of the country per node (1, 0, or NaN when the country is left out)
     */
    /**
     * @param label a product's label for tooltips ("8471 · Computers"); nodes and links keep the code as id
     */
    public String chart(double[] mcp, String inName, String outName, String unit, String locale, String phiLabel,
                        java.util.function.Function<String, String> label, String worldLabel) {
        ObjectNode o = JSON.createObjectNode();
        o.put("worldLabel", worldLabel);
        o.put("unit", unit);
        o.put("locale", locale);
        o.put("animation", false);
        o.putArray("color").add("#d95f02").add("#c9d1dc");
        o.putObject("tooltip").put("trigger", "item");
        o.putArray("tooltipGraph").add(phiLabel);
        ArrayNode legend = o.putObject("legend").put("top", 0).putArray("data");
        legend.add(inName).add(outName);
        ObjectNode s = o.putArray("series").addObject();
        s.put("type", "graph").put("layout", "none").put("roam", true).put("top", 32).put("bottom", 8)
                .put("left", 8).put("right", 8);
        s.putArray("categories").add(JSON.createObjectNode().put("name", inName)).add(JSON.createObjectNode().put("name", outName));
        s.putObject("lineStyle").put("color", "#9aa5b1").put("opacity", 0.5).put("width", 0.8);
        s.putObject("emphasis").put("focus", "adjacency");
        double maxTrade = 0;
        for (double t : worldTrade) maxTrade = Math.max(maxTrade, t);
        ArrayNode data = s.putArray("data");
        // nodes the country holds are drawn last, on top
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < products.size(); i++) if (mcp[i] != 1) order.add(i);
        for (int i = 0; i < products.size(); i++) if (mcp[i] == 1) order.add(i);
        ArrayNode links = s.putArray("links");
        for (int i : order) {
            boolean held = mcp[i] == 1;
            double size = 4 + 14 * Math.sqrt(maxTrade > 0 ? worldTrade[i] / maxTrade : 0);
            data.addObject().put("name", products.get(i)).put("full", label.apply(products.get(i))).put("x", x[i]).put("y", y[i])
                    .put("value", Math.round(worldTrade[i])).put("category", held ? 0 : 1)
                    .put("symbolSize", Math.round(size * 10) / 10.0);
        }
        ObjectNode labels = o.putObject("labels");
        for (String p : products) labels.put(p, label.apply(p));
        for (Edge e : edges) {
            links.addObject().put("source", products.get(e.a())).put("target", products.get(e.b()))
                    .put("value", Math.round(e.proximity() * 1000) / 1000.0);
        }
        return o.toString();
    }
}
