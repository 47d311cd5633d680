package org.klaster.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klaster.complexity.CandidateProducers;
import org.klaster.complexity.ComplexityResult;
import org.klaster.complexity.ComplexityTable;
import org.klaster.complexity.Opportunities;
import org.klaster.data.store.Dataset;

/**
 * The Opportunities part of the JSON API ({@code /api/v1/opportunities/…}, documented in openapi.json).
 * Ranking rows use the columns of {@code klaster opportunities}, complexity values those of
 * {@code klaster complexity} (formats.md §4–§5); undefined numbers are null.
 */
public final class OpportunitiesApi {

    static final String BASE = ApiV1.PREFIX + "/opportunities";

    private final Workbench wb;
    private final OpportunitiesPages pages;

    public OpportunitiesApi(Workbench wb, OpportunitiesPages pages) {
        this.wb = wb;
        this.pages = pages;
    }

    /** The requested dataset, which must be of the kinds; else the first such dataset; 404 when there is none. */
    private Dataset dataset(Req q, String param, Set<String> kinds, String what) {
        String id = q.codeParam(param);
        if (id != null) {
            Dataset d = wb.dataset(id).orElseThrow(() -> new NotFound(q.msg.format("error.noDataset", id)));
            if (!kinds.contains(d.kind())) throw new BadRequest("dataset \"" + id + "\" is " + d.kind() + ", not " + what);
            return d;
        }
        Dataset d = wb.datasetOfKind(null, kinds);
        if (d == null) throw new NotFound("no " + what + " dataset is stored (klaster demo, or klaster import)");
        return d;
    }

    private static ObjectNode envelope(Req q, Dataset d) {
        ObjectNode o = ApiV1.JSON.createObjectNode();
        o.set("dataset", ApiV1.dataset(d));
        o.put("synthetic", d.synthetic());
        if (d.synthetic()) o.put("notice", q.msg.get("synthetic.badge"));
        return o;
    }

    private static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v); else o.putNull(key);
    }

    private static void send(Context ctx, ObjectNode body) {
        ctx.contentType("application/json; charset=utf-8").result(body.toString());
    }

    /** {@code dataset, year}: ECI, its rank, diversity and COI per country; PCI, ubiquity and world exports per product. */
    public void complexity(Context ctx) {
        Req q = Req.api(ctx, wb);
        Dataset d = dataset(q, "dataset", Workbench.EXPORTS_KINDS, "exports");
        ComplexityTable.Year y = OpportunitiesPages.year(q, wb.complexity(d));
        ComplexityResult r = y.result();
        ObjectNode o = envelope(q, d);
        o.put("year", y.year());
        o.put("rca_threshold", r.threshold());
        ArrayNode locs = o.putArray("locations");
        for (int c = 0; c < y.locations().size(); c++) {
            ObjectNode x = locs.addObject().put("location", y.locations().get(c));
            num(x, "eci", r.eci()[c]);
            int rank = OpportunitiesPages.eciRank(r.eci(), c);
            if (rank == 0) x.putNull("eci_rank"); else x.put("eci_rank", rank);
            num(x, "diversity", r.diversity()[c]);
            num(x, "coi", r.coi()[c]);
        }
        ArrayNode prods = o.putArray("products");
        for (int p = 0; p < y.products().size(); p++) {
            double total = 0;
            for (int c = 0; c < y.locations().size(); c++) total += y.values().get(c, p);
            ObjectNode x = prods.addObject().put("product", y.products().get(p));
            num(x, "pci", r.pci()[p]);
            num(x, "ubiquity", r.ubiquity()[p]);
            x.put("world_exports", total);
        }
        ArrayNode w = o.putArray("warnings");
        y.warnings().forEach(t -> w.add(t.toString()));
        send(ctx, o);
    }

    /** {@code dataset, year, country}: the graph drawn on the page (nodes with layout and the country's RCA/M, edges). */
    public void productSpace(Context ctx) {
        Req q = Req.api(ctx, wb);
        Dataset d = dataset(q, "dataset", Workbench.EXPORTS_KINDS, "exports");
        ComplexityTable.Year y = OpportunitiesPages.year(q, wb.complexity(d));
        String country = OpportunitiesPages.country(q, y);
        int c = y.locations().indexOf(country);
        ComplexityResult r = y.result();
        ProductSpace ps = wb.productSpace(d, y);
        Map<String, Integer> col = new HashMap<>();
        for (int p = 0; p < y.products().size(); p++) col.put(y.products().get(p), p);
        ObjectNode o = envelope(q, d);
        o.put("year", y.year());
        o.put("country", country);
        o.put("extra_edge_min_proximity", ProductSpace.EXTRA_PHI);
        ArrayNode nodes = o.putArray("nodes");
        for (int i = 0; i < ps.products().size(); i++) {
            int p = col.get(ps.products().get(i));
            ObjectNode x = nodes.addObject().put("product", ps.products().get(i)).put("x", ps.x()[i]).put("y", ps.y()[i])
                    .put("world_exports", ps.worldTrade()[i]).put("value", y.values().get(c, p));
            num(x, "rca", r.rca().get(c, p));
            num(x, "mcp", r.mcp().get(c, p));
            num(x, "density", r.density().get(c, p));
            num(x, "pci", r.pci()[p]);
            num(x, "cog", r.cog().get(c, p));
        }
        ArrayNode edges = o.putArray("edges");
        for (ProductSpace.Edge e : ps.edges()) {
            edges.addObject().put("source", ps.products().get(e.a())).put("target", ps.products().get(e.b()))
                    .put("proximity", e.proximity()).put("tree", e.tree());
        }
        send(ctx, o);
    }

    private OpportunitiesPages.Ranking ranking(Req q, Dataset activity) {
        String region = q.ctx.pathParam("iso");
        Req.code("iso", region);
        return pages.ranking(q, activity, region);
    }

    private ObjectNode rankingEnvelope(Req q, OpportunitiesPages.Ranking rk) {
        ObjectNode o = envelope(q, rk.activity());
        o.set("trade_dataset", ApiV1.dataset(rk.trade()));
        o.put("region", rk.result().region());
        o.put("year", rk.year());
        o.put("reporter", rk.reporter());
        if (rk.result().dependencyYear() == null) o.putNull("dependency_year");
        else o.put("dependency_year", rk.result().dependencyYear());
        return o;
    }

    /** {@code /regions/{iso}?dataset, trade, reporter, year}: the ranking with the CLI's columns, weights and unlinked products. */
    public void region(Context ctx) {
        Req q = Req.api(ctx, wb);
        Dataset d = dataset(q, "dataset", Workbench.ACTIVITY_KINDS, "activity");
        if (q.codeParam("trade") != null) dataset(q, "trade", Workbench.TRADE_KINDS, "trade");
        OpportunitiesPages.Ranking rk = ranking(q, d);
        ObjectNode o = rankingEnvelope(q, rk);
        Opportunities.Weights w = rk.result().weights();
        o.putObject("weights").put("density", w.density()).put("pci", w.pci()).put("cog", w.cog());
        o.put("complexity_defined", rk.inputs().complexity() != null);
        o.set("rows", ApiV1.rows(OpportunitiesPages.rankingTable(rk.result(), Integer.MAX_VALUE)));
        ObjectNode un = o.putObject("unlinked");
        rk.result().unlinked().forEach((k, t) -> un.put(k, t.toString()));
        send(ctx, o);
    }

    /** {@code /regions/{iso}/producers?industry (required), firms, dataset, trade, year, top}: candidate establishments. */
    public void producers(Context ctx) {
        Req q = Req.api(ctx, wb);
        Dataset d = dataset(q, "dataset", Workbench.ACTIVITY_KINDS, "activity");
        Dataset firms = dataset(q, "firms", Workbench.FIRMS_KINDS, "firms");
        String industry = q.codeParam("industry");
        if (industry == null) throw new BadRequest("industry is required (an industry of the ranking, e.g. 28.4)");
        Integer top = q.intParam("top", 0, 1000);
        OpportunitiesPages.Ranking rk = ranking(q, d);
        Opportunities.Row row = rk.result().row(industry);
        if (row == null) throw new NotFound(q.msg.format("opp.noIndustry", industry, rk.result().region()));
        List<CandidateProducers.Candidate> cands = CandidateProducers.of(
                wb.establishments(firms, rk.result().region(), rk.year()), rk.result().region(), industry,
                row.relatedPresent(), top == null ? OpportunitiesPages.PRODUCERS : top);
        ObjectNode o = rankingEnvelope(q, rk);
        o.set("firms_dataset", ApiV1.dataset(firms));
        o.put("industry", industry);
        o.put("status", row.status().label());
        o.put("rank", row.rank());
        ArrayNode rel = o.putArray("related_present");
        for (Opportunities.Related x : row.relatedPresent()) {
            rel.addObject().put("industry", x.industry()).put("proximity", x.proximity()).put("rca", x.rca());
        }
        ArrayNode a = o.putArray("rows");
        for (CandidateProducers.Candidate c : cands) {
            var e = c.establishment();
            ObjectNode x = a.addObject().put("firm_id", e.id()).put("industry", e.industry()).put("via", c.via());
            num(x, "proximity", c.proximity());
            x.put("employment", e.employment());
            num(x, "lat", e.lat());
            num(x, "lon", e.lon());
        }
        send(ctx, o);
    }
}
