package org.klaster.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * ECharts options built on the server as JSON (put in a {@code data-chart} attribute, escaped by
 * jte, read by {@code app.js}). Every chart has axis names with units, a tooltip and, where there is
 * more than one series, a legend. {@code unit} is appended to tooltip values by {@code app.js}.
 */
public final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String[] PALETTE = {"#2c7fb8", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1"};

    private Charts() {
    }

    private static ObjectNode base(String unit, String locale) {
        ObjectNode o = JSON.createObjectNode();
        o.put("unit", unit);
        o.put("locale", locale);
        ArrayNode colors = o.putArray("color");
        for (String c : PALETTE) colors.add(c);
        o.putObject("grid").put("left", 8).put("right", 24).put("top", 48).put("bottom", 8).put("containLabel", true);
        o.put("animation", false);
        return o;
    }

    /** A line chart of one or more series over years. */
    public static String lines(String yName, String unit, String locale, List<Integer> years, List<String> names,
                               List<double[]> series) {
        ObjectNode o = base(unit, locale);
        o.putObject("tooltip").put("trigger", "axis");
        if (names.size() > 1) {
            ArrayNode l = o.putObject("legend").put("top", 0).put("type", "scroll").putArray("data");
            names.forEach(l::add);
        }
        ObjectNode x = o.putObject("xAxis").put("type", "category").put("boundaryGap", false);
        years.forEach(y -> x.withArray("data").add(String.valueOf(y)));
        o.putObject("yAxis").put("type", "value").put("name", yName).put("scale", true);
        ArrayNode s = o.putArray("series");
        for (int i = 0; i < names.size(); i++) {
            ObjectNode one = s.addObject().put("type", "line").put("name", names.get(i)).put("symbolSize", 7);
            ArrayNode d = one.putArray("data");
            for (double v : series.get(i)) {
                if (Double.isNaN(v)) d.addNull(); else d.add(v);
            }
        }
        return o.toString();
    }

    /**
     * Lines of one or more series over years with a total on its own axis on the right, so that the
     * parts stay readable beside a total many times their size.
     */
    public static String linesWithTotal(String yName, String totalName, String unit, String locale, List<Integer> years,
                                        List<String> names, List<double[]> series) {
        ObjectNode o = (ObjectNode) read(lines(yName, unit, locale, years, names, series));
        ArrayNode axes = JSON.createArrayNode();
        axes.add(o.get("yAxis"));
        axes.addObject().put("type", "value").put("name", totalName).put("scale", true).put("position", "right")
                .putObject("splitLine").put("show", false);
        o.set("yAxis", axes);
        ((ObjectNode) o.get("series").get(0)).put("yAxisIndex", 1).putObject("lineStyle").put("type", "dashed").put("width", 3);
        // every series named at once (a scrolling legend hides the fourth line): the legend wraps above the plot
        if (o.has("legend")) ((ObjectNode) o.get("legend")).put("type", "plain");
        ((ObjectNode) o.get("grid")).put("right", 16).put("top", 84);
        return o.toString();
    }

    /** The same chart with its plot this far from the top (a legend of several lines above it). */
    static String plotTop(String chart, int top) {
        ObjectNode o = (ObjectNode) read(chart);
        ((ObjectNode) o.get("grid")).put("top", top);
        return o.toString();
    }

    static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A horizontal stacked bar chart: categories down the side, one stack per series (shift-share). */
    public static String stackedBars(String xName, String unit, String locale, List<String> labels, List<String> names,
                                     List<double[]> series) {
        ObjectNode o = base(unit, locale);
        o.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        ArrayNode l = o.putObject("legend").put("top", 0).putArray("data");
        names.forEach(l::add);
        // few value labels, never overlapping (long signed numbers on a narrow card)
        o.putObject("xAxis").put("type", "value").put("name", xName).put("nameLocation", "middle").put("nameGap", 30)
                .put("splitNumber", 4).putObject("axisLabel").put("hideOverlap", true);
        ObjectNode y = o.putObject("yAxis").put("type", "category").put("inverse", true);
        labels.forEach(v -> y.withArray("data").add(v));
        y.putObject("axisLabel").put("width", 160).put("overflow", "truncate");
        ((ObjectNode) o.get("grid")).put("bottom", 40).put("top", 56);
        ArrayNode s = o.putArray("series");
        for (int i = 0; i < names.size(); i++) {
            ObjectNode one = s.addObject().put("type", "bar").put("name", names.get(i)).put("stack", "total");
            ArrayNode d = one.putArray("data");
            for (double v : series.get(i)) d.add(Math.round(v));
        }
        return o.toString();
    }

    /** Horizontal bars of one value per label (e.g. LQ of the top regions), with a reference line. */
    public static String bars(String xName, String unit, String locale, List<String> labels, double[] values, Double refLine) {
        ObjectNode o = base(unit, locale);
        o.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        o.putObject("xAxis").put("type", "value").put("name", xName).put("nameLocation", "middle").put("nameGap", 28);
        ObjectNode y = o.putObject("yAxis").put("type", "category").put("inverse", true);
        labels.forEach(v -> y.withArray("data").add(v));
        y.putObject("axisLabel").put("width", 180).put("overflow", "truncate");
        ((ObjectNode) o.get("grid")).put("bottom", 36).put("top", 16);
        ObjectNode one = o.putArray("series").addObject().put("type", "bar").put("name", xName);
        ArrayNode d = one.putArray("data");
        for (double v : values) d.add(Math.round(v * 100) / 100.0);
        if (refLine != null) {
            ObjectNode ml = one.putObject("markLine").put("symbol", "none").put("silent", true);
            ml.putArray("data").addObject().put("xAxis", refLine);
            ml.putObject("lineStyle").put("type", "dashed").put("color", "#6b7280");
        }
        return o.toString();
    }

    /** A labelled point of a scatter chart. */
    public record Point(String name, double x, double y) {
    }

    /**
     * A scatter chart of labelled points in one or more series (e.g. key sectors and the others), with
     * dashed reference lines at x = refX and y = refY that split it into quadrants. The tooltip shows
     * the point's name and both values ({@code tooltipXY}, formatted by app.js).
     */
    public static String scatter(String xName, String yName, String locale, List<String> names, List<List<Point>> series,
                                 double refX, double refY) {
        ObjectNode o = base("", locale);
        o.putObject("tooltip").put("trigger", "item");
        o.putArray("tooltipXY").add(xName).add(yName);
        if (names.size() > 1) {
            ArrayNode l = o.putObject("legend").put("top", 0).putArray("data");
            names.forEach(l::add);
        }
        o.putObject("xAxis").put("type", "value").put("name", xName).put("nameLocation", "middle").put("nameGap", 28).put("scale", true);
        // the name starts at the axis and runs right, so a long name is not cut at the chart's left edge
        o.putObject("yAxis").put("type", "value").put("name", yName).put("scale", true)
                .putObject("nameTextStyle").put("align", "left");
        ((ObjectNode) o.get("grid")).put("bottom", 36);
        ArrayNode s = o.putArray("series");
        for (int i = 0; i < names.size(); i++) {
            ObjectNode one = s.addObject().put("type", "scatter").put("name", names.get(i)).put("symbolSize", i == 0 ? 12 : 8);
            ArrayNode d = one.putArray("data");
            for (Point p : series.get(i)) {
                if (Double.isFinite(p.x()) && Double.isFinite(p.y())) {
                    d.addObject().put("name", p.name()).putArray("value").add(p.x()).add(p.y());
                }
            }
            if (i == 0) {
                ObjectNode ml = one.putObject("markLine").put("symbol", "none").put("silent", true);
                ArrayNode md = ml.putArray("data");
                md.addObject().put("xAxis", refX);
                md.addObject().put("yAxis", refY);
                ml.putObject("lineStyle").put("type", "dashed").put("color", "#6b7280");
                ml.putObject("label").put("show", false);
            }
        }
        return o.toString();
    }

    /**
     * Horizontal bars, one group per label and one bar per series (e.g. scenario A and B), values with
     * {@code digits} decimals, optional reference line.
     */
    public static String groupedBars(String xName, String unit, String locale, List<String> labels, List<String> names,
                                     List<double[]> series, int digits, Double refLine) {
        ObjectNode o = base(unit, locale);
        o.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        if (names.size() > 1) {
            ArrayNode l = o.putObject("legend").put("top", 0).putArray("data");
            names.forEach(l::add);
        }
        o.putObject("xAxis").put("type", "value").put("name", xName).put("nameLocation", "middle").put("nameGap", 28);
        ObjectNode y = o.putObject("yAxis").put("type", "category").put("inverse", true);
        labels.forEach(v -> y.withArray("data").add(v));
        y.putObject("axisLabel").put("width", 240).put("overflow", "truncate");
        ((ObjectNode) o.get("grid")).put("bottom", 36).put("top", names.size() > 1 ? 32 : 16);
        ArrayNode s = o.putArray("series");
        double scale = Math.pow(10, digits);
        for (int i = 0; i < names.size(); i++) {
            ObjectNode one = s.addObject().put("type", "bar").put("name", names.get(i));
            ArrayNode d = one.putArray("data");
            for (double v : series.get(i)) {
                if (Double.isFinite(v)) d.add(Math.round(v * scale) / scale); else d.addNull();
            }
            if (i == 0 && refLine != null) {
                ObjectNode ml = one.putObject("markLine").put("symbol", "none").put("silent", true);
                ml.putArray("data").addObject().put("xAxis", refLine);
                ml.putObject("lineStyle").put("type", "dashed").put("color", "#6b7280");
            }
        }
        return o.toString();
    }

    /** A node of a cooperation network: an organisation. */
    public record Node(String id, String label, int category, double size, String tooltip) {
    }

    /** A link of a cooperation network: supplier → buyer, the value of their contracts and the colour of their type. */
    public record Link(String source, String target, double value, String color, String tooltip) {
    }

    /** Colours of the organisation types, in {@code OrganisationType} order (enterprise first). */
    static final String[] ORG_COLORS = {"#2c7fb8", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#8c6d31"};

    /** The same chart with other series colours. */
    static String withColors(String chart, List<String> colors) {
        ObjectNode o = (ObjectNode) read(chart);
        ArrayNode c = o.putArray("color");
        colors.forEach(c::add);
        return o.toString();
    }

    /** Colours of the contract types, in {@code ContractType} order (supply, works, import substitution, SPIC). */
    static final String[] CONTRACT_COLORS = {"#2c7fb8", "#f28e2b", "#59a14f", "#b07aa1"};

    /**
     * A cooperation network (ECharts {@code graph}, force layout from a circle, so the same data give the same
     * picture): nodes in categories with a legend, each link as wide as its value allows (1–8 px on a square-root
     * scale) and coloured by its type; tooltips are the texts given ({@code tooltipText}: app.js escapes them).
     */
    public static String network(String locale, List<String> categories, List<Node> nodes, List<Link> links) {
        ObjectNode o = base("", locale);
        ArrayNode palette = o.putArray("color");
        for (String c : ORG_COLORS) palette.add(c);
        o.putObject("tooltip").put("trigger", "item");
        o.put("tooltipText", true);
        ArrayNode l = o.putObject("legend").put("top", 0).putArray("data");
        categories.forEach(l::add);
        ObjectNode s = o.putArray("series").addObject();
        // a handful of nodes on a circle (a force layout pushes two nodes out of view); more find their places by force
        boolean force = nodes.size() > 8;
        s.put("type", "graph").put("layout", force ? "force" : "circular").put("roam", true).put("draggable", force)
                .put("top", 40).put("bottom", 8).put("left", 8).put("right", 8);
        if (force) {
            s.putObject("force").put("repulsion", 160).put("edgeLength", 90).put("gravity", 0.08).put("layoutAnimation", false)
                    .put("initLayout", "circular");
        }
        ArrayNode cats = s.putArray("categories");
        categories.forEach(c -> cats.addObject().put("name", c));
        s.putObject("emphasis").put("focus", "adjacency");
        // names beside the nodes while they can be read; more nodes are named by their tooltips
        s.putObject("label").put("show", nodes.size() <= 20).put("position", "right").put("fontSize", 11);
        s.putArray("edgeSymbol").add("none").add("arrow");
        s.put("edgeSymbolSize", 6);
        double max = 0;
        for (Node n : nodes) max = Math.max(max, n.size());
        ArrayNode data = s.putArray("data");
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            double size = 10 + 20 * Math.sqrt(max > 0 ? n.size() / max : 0);
            // a fixed start on a circle: the force layout then lands the same way on every visit
            double a = 2 * Math.PI * i / Math.max(1, nodes.size());
            data.addObject().put("id", n.id()).put("name", n.label()).put("category", n.category())
                    .put("symbolSize", Math.round(size * 10) / 10.0).put("x", Math.round(300 + 250 * Math.cos(a)))
                    .put("y", Math.round(300 + 250 * Math.sin(a))).put("tip", n.tooltip());
        }
        double maxValue = 0;
        for (Link k : links) maxValue = Math.max(maxValue, k.value());
        ArrayNode ls = s.putArray("links");
        for (Link k : links) {
            double w = 1 + 5 * Math.sqrt(maxValue > 0 ? k.value() / maxValue : 0);
            ls.addObject().put("source", k.source()).put("target", k.target()).put("value", k.value()).put("tip", k.tooltip())
                    .putObject("lineStyle").put("width", Math.round(w * 10) / 10.0).put("color", k.color()).put("opacity", 0.75)
                    .put("curveness", 0.15);
        }
        return o.toString();
    }

    /**
     * A cluster over its years: output as bars (left axis, money) and participants as a line (right axis), the
     * inside share as a line on a third, percent axis; a year's compliance verdict colours its share point (green
     * pass, red fail, grey not judged).
     */
    public static String clusterYears(String locale, List<Integer> years, String outputName, String outputUnit,
                                      double[] output, String participantsName, int[] participants, String shareName,
                                      double[] share, Boolean[] compliant, String passName, String failName) {
        ObjectNode o = base(outputUnit, locale);
        o.putObject("tooltip").put("trigger", "axis");
        o.putArray("seriesUnits").add(outputUnit).add("").add("%");
        ArrayNode l = o.putObject("legend").put("top", 0).putArray("data");
        l.add(outputName).add(participantsName).add(shareName);
        ObjectNode x = o.putObject("xAxis").put("type", "category");
        years.forEach(y -> x.withArray("data").add(String.valueOf(y)));
        ArrayNode axes = o.putArray("yAxis");
        axes.addObject().put("type", "value").put("name", outputUnit).putObject("nameTextStyle").put("align", "left");
        axes.addObject().put("type", "value").put("name", participantsName).put("position", "right").put("minInterval", 1)
                .putObject("splitLine").put("show", false);
        ObjectNode pct = axes.addObject().put("type", "value").put("name", "%").put("position", "right").put("offset", 52)
                .put("min", 0);
        pct.putObject("splitLine").put("show", false);
        // the third axis sits outside the grid, where containLabel does not look: room for its labels
        ((ObjectNode) o.get("grid")).put("right", 64).put("top", 64);
        ArrayNode s = o.putArray("series");
        ArrayNode d0 = s.addObject().put("type", "bar").put("name", outputName).put("barMaxWidth", 48).putArray("data");
        for (double v : output) {
            if (Double.isNaN(v)) d0.addNull(); else d0.add(Math.round(v * 10) / 10.0);
        }
        ArrayNode d1 = s.addObject().put("type", "line").put("name", participantsName).put("yAxisIndex", 1).put("symbolSize", 8)
                .putArray("data");
        for (int v : participants) d1.add(v);
        ObjectNode sh = s.addObject().put("type", "line").put("name", shareName).put("yAxisIndex", 2).put("symbolSize", 14);
        ArrayNode d2 = sh.putArray("data");
        for (int i = 0; i < share.length; i++) {
            ObjectNode p = d2.addObject();
            if (Double.isNaN(share[i])) p.putNull("value"); else p.put("value", Math.round(share[i] * 1000) / 10.0);
            String c = compliant[i] == null ? "#9aa5b1" : compliant[i] ? "#1a9850" : "#d73027";
            p.putObject("itemStyle").put("color", c);
            p.put("verdict", compliant[i] == null ? "" : compliant[i] ? passName : failName);
        }
        return o.toString();
    }
}
