package org.klaster.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klaster.app.cli.IoCommand;
import org.klaster.data.store.Dataset;
import org.klaster.dependency.PartnerShares;
import org.klaster.dependency.SovereigntyCoverage;
import org.klaster.inputoutput.ShockResult;

/**
 * The Sovereignty part of the JSON API ({@code /api/v1/sovereignty/…}, documented in openapi.json).
 * Rows use the CLI's columns (formats.md §5); bad parameters are 400, a table that is not productive
 * (or an input cut on a table without imports) is 422 with the reason.
 */
public final class SovereigntyApi {

    static final String BASE = ApiV1.PREFIX + "/sovereignty";

    private final Workbench wb;
    private final SovereigntyPages pages;

    public SovereigntyApi(Workbench wb, SovereigntyPages pages) {
        this.wb = wb;
        this.pages = pages;
    }

    /** The requested dataset, which must be of the kinds; else the first such dataset; 404 when there is none. */
    private Dataset dataset(Req q, Set<String> kinds, String what) {
        String id = q.codeParam("dataset");
        if (id != null) {
            Dataset d = wb.dataset(id).orElseThrow(() -> new NotFound(q.msg.format("error.noDataset", id)));
            if (!kinds.contains(d.kind())) {
                throw new BadRequest("dataset \"" + id + "\" is " + d.kind() + ", not " + what);
            }
            return d;
        }
        Dataset d = wb.datasetOfKind(null, kinds);
        if (d == null) throw new NotFound("no dataset is " + what + " (klaster demo, or klaster import " + (kinds.contains("trade") ? "trade" : "io") + ")");
        return d;
    }

    private static ObjectNode envelope(Req q, Dataset d) {
        ObjectNode o = ApiV1.JSON.createObjectNode();
        o.set("dataset", ApiV1.dataset(d));
        o.put("synthetic", d.synthetic());
        if (d.synthetic()) o.put("notice", q.msg.get("synthetic.badge"));
        return o;
    }

    private static void send(Context ctx, ObjectNode body) {
        ctx.contentType("application/json; charset=utf-8").result(body.toString());
    }

    private static void sectors(ObjectNode o, IoView v) {
        ArrayNode a = o.putArray("sectors");
        for (String c : v.table().sectors()) a.addObject().put("sector", c).put("name", v.name(c));
    }

    public void multipliers(Context ctx) {
        Req q = Req.api(ctx, wb);
        IoView v = wb.io(dataset(q, Workbench.IO_KINDS, "an input–output table"));
        ObjectNode o = envelope(q, v.meta());
        sectors(o, v);
        o.set("rows", ApiV1.rows(SovereigntyPages.multipliersTable(v)));
        send(ctx, o);
    }

    public void extraction(Context ctx) {
        Req q = Req.api(ctx, wb);
        IoView v = wb.io(dataset(q, Workbench.IO_KINDS, "an input–output table"));
        ObjectNode o = envelope(q, v.meta());
        sectors(o, v);
        o.set("rows", ApiV1.rows(SovereigntyPages.extractionTable(v)));
        send(ctx, o);
    }

    /** {@code type=demand|input-cut|perturb&rates=S1=-0.2,S2=0.1} (the CLI's pairs; shares in [−1, 1]). */
    public void shock(Context ctx) {
        Req q = Req.api(ctx, wb);
        IoView v = wb.io(dataset(q, Workbench.IO_KINDS, "an input–output table"));
        IoView.ShockType type = IoView.ShockType.parse(ctx.queryParam("type"));
        String raw = ctx.queryParam("rates");
        if (raw == null || raw.isBlank()) throw new BadRequest("rates is required: SECTOR=r pairs such as S1=-0.2,S2=0.1");
        Map<String, Double> rates = IoCommand.ShockCommand.parsePairs("rates", Arrays.asList(raw.split(",")), v.table());
        for (Map.Entry<String, Double> e : rates.entrySet()) {
            if (Math.abs(e.getValue()) > 1) {
                throw new BadRequest("rates: " + e.getKey() + "=" + e.getValue() + " is outside [-1, 1]; rates are shares (-0.2 = -20 %)");
            }
        }
        ShockResult r = v.shock(type, rates);
        ObjectNode o = envelope(q, v.meta());
        o.put("type", type.value());
        ObjectNode rs = o.putObject("rates");
        rates.forEach(rs::put);
        ArrayNode w = o.putArray("warnings");
        r.warnings().forEach(t -> w.add(t.toString()));
        o.set("rows", ApiV1.rows(SovereigntyPages.shockTable(r)));
        o.set("total", ApiV1.rows(SovereigntyPages.shockTable(new ShockResult(List.of(), r.total(), List.of()))).get(0));
        send(ctx, o);
    }

    private ObjectNode screenEnvelope(Req q, Dataset d, SovereigntyPages.Screen sc) {
        ObjectNode o = envelope(q, d);
        o.put("reporter", sc.reporter());
        o.put("from", sc.from());
        o.put("to", sc.to());
        if (sc.group() == null) o.putNull("outside"); else o.put("outside", sc.group());
        o.put("filter", sc.filter());
        return o;
    }

    /** {@code reporter, years=Y1-Y2 | from, to, outside=GROUP, filter=all|dependent|persistent}. */
    public void dependency(Context ctx) {
        Req q = Req.api(ctx, wb);
        Dataset d = dataset(q, Workbench.TRADE_KINDS, "trade");
        SovereigntyPages.Screen sc = pages.screen(q, d);
        ObjectNode o = screenEnvelope(q, d, sc);
        ArrayNode g = o.putObject("groups").putArray("names");
        sc.data().groups().keySet().forEach(g::add);
        o.set("rows", ApiV1.rows(SovereigntyPages.dependencyTable(sc.rows())));
        send(ctx, o);
    }

    /** Import shares by partner of one product: {@code reporter, product (required), year, outside}. */
    public void partners(Context ctx) {
        Req q = Req.api(ctx, wb);
        Dataset d = dataset(q, Workbench.TRADE_KINDS, "trade");
        SovereigntyPages.Screen sc = pages.screen(q, d);
        String product = q.codeParam("product");
        if (product == null) throw new BadRequest("product is required (an HS code of the dataset)");
        Integer year = q.intParam("year", 1900, 2100);
        int y = year == null ? sc.to() : year;
        List<PartnerShares.Share> shares = PartnerShares.of(sc.data().flows(), sc.reporter(), product, y, sc.excluded());
        ObjectNode o = screenEnvelope(q, d, sc);
        o.put("product", product);
        o.put("year", y);
        double total = 0;
        double hhi = 0;
        ArrayNode a = o.putArray("partners");
        for (PartnerShares.Share s : shares) {
            ObjectNode x = a.addObject().put("partner", s.partner()).put("imports", s.imports());
            if (Double.isNaN(s.share())) x.putNull("share"); else x.put("share", s.share());
            total += s.imports();
            if (!Double.isNaN(s.share())) hhi += s.share() * s.share();
        }
        o.put("imports", total);
        if (total > 0) o.put("import_hhi", hhi); else o.putNull("import_hhi");
        send(ctx, o);
    }

    /** Sovereignty coverage per product with production: {@code reporter, year} (default: the last year). */
    public void coverage(Context ctx) {
        Req q = Req.api(ctx, wb);
        Dataset d = dataset(q, Workbench.TRADE_KINDS, "trade");
        SovereigntyPages.Screen sc = pages.screen(q, d);
        Integer year = q.intParam("year", 1900, 2100);
        int y = year == null ? sc.to() : year;
        ObjectNode o = envelope(q, d);
        o.put("reporter", sc.reporter());
        o.put("year", y);
        o.put("target", SovereigntyCoverage.TARGET);
        ArrayNode a = o.putArray("rows");
        double prod = 0;
        double exp = 0;
        double imp = 0;
        for (SovereigntyPages.Coverage c : pages.coverage(d, sc.data(), sc.reporter(), y)) {
            ObjectNode x = a.addObject().put("product", c.product()).put("year", c.year()).put("production", c.production())
                    .put("exports", c.exports()).put("imports", c.imports());
            if (Double.isNaN(c.coverage())) x.putNull("coverage"); else x.put("coverage", c.coverage());
            x.put("meets_target", c.meetsTarget());
            prod += c.production();
            exp += c.exports();
            imp += c.imports();
        }
        double total = a.isEmpty() ? Double.NaN : SovereigntyPages.coverageOrNaN(prod, exp, imp);
        if (Double.isNaN(total)) o.putNull("coverage"); else o.put("coverage", total);
        o.put("meets_target", SovereigntyCoverage.meetsTarget(total));
        send(ctx, o);
    }
}
