package org.klaster.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.klaster.app.cli.ResultTable;
import org.klaster.data.store.Dataset;
import org.klaster.mapping.MappingRow;

/**
 * The JSON API under {@code /api/v1}, described by {@code openapi.json} (our contract; a test checks
 * that every route is documented and every documented path is served). Field names are the CLI's
 * column names (snake_case, formats.md §5). Every response about data carries the dataset's provenance
 * and a {@code synthetic} flag; synthetic data also carries a {@code notice}.
 */
public final class ApiV1 {

    public static final String PREFIX = "/api/v1";
    /** The routes, for registration and for the contract test: {@code {method, path}}. */
    public static final List<String[]> ROUTES = List.of(
            new String[] {"get", PREFIX + "/datasets"},
            new String[] {"get", PREFIX + "/datasets/{id}"},
            new String[] {"get", PREFIX + "/regions"},
            new String[] {"get", PREFIX + "/categories"},
            new String[] {"get", PREFIX + "/mapping"},
            new String[] {"get", PREFIX + "/mapping/map"},
            new String[] {"get", PREFIX + "/mapping/regions/{iso}"},
            new String[] {"get", PREFIX + "/mapping/categories/{code}"},
            new String[] {"get", PREFIX + "/sovereignty/multipliers"},
            new String[] {"get", PREFIX + "/sovereignty/shock"},
            new String[] {"get", PREFIX + "/sovereignty/extraction"},
            new String[] {"get", PREFIX + "/sovereignty/dependency"},
            new String[] {"get", PREFIX + "/sovereignty/dependency/partners"},
            new String[] {"get", PREFIX + "/sovereignty/coverage"},
            new String[] {"get", PREFIX + "/openapi.json"});

    static final ObjectMapper JSON = new ObjectMapper();
    private final Workbench wb;
    private final byte[] openApi;

    public ApiV1(Workbench wb) {
        this.wb = wb;
        try (InputStream in = ApiV1.class.getResourceAsStream("openapi.json")) {
            if (in == null) throw new IllegalStateException("openapi.json is missing from the jar");
            this.openApi = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(Context ctx, ObjectNode body) {
        ctx.contentType("application/json; charset=utf-8").result(body.toString());
    }

    static ObjectNode error(int status, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", status);
        o.put("error", message);
        return o;
    }

    static ObjectNode dataset(Dataset d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id());
        o.put("kind", d.kind());
        o.put("source", d.source());
        o.put("rows", d.rows());
        o.put("sha256", d.sha256());
        o.put("imported_at", d.importedAt() == null ? null : d.importedAt().toString());
        o.put("generator", d.generator());
        o.put("synthetic", d.synthetic());
        o.put("note", d.note());
        return o;
    }

    /** A response envelope with provenance. */
    private static ObjectNode envelope(Req q, DatasetData d) {
        ObjectNode o = JSON.createObjectNode();
        o.set("dataset", dataset(d.meta()));
        o.put("synthetic", d.meta().synthetic());
        if (d.meta().synthetic()) o.put("notice", q.msg.get("synthetic.badge"));
        return o;
    }

    public void openapi(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(openApi);
    }

    public void datasets(Context ctx) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("datasets");
        for (Dataset d : wb.datasets()) a.add(dataset(d));
        send(ctx, o);
    }

    public void datasetById(Context ctx) {
        Req q = Req.api(ctx, wb);
        String id = Req.code("id", ctx.pathParam("id"));
        Dataset meta = wb.dataset(id).orElseThrow(() -> new NotFound("no dataset \"" + id + "\""));
        DatasetData d = wb.data(meta.id());
        ObjectNode o = envelope(q, d);
        ArrayNode years = o.putArray("years");
        d.years().forEach(years::add);
        o.put("regions", d.regions().size());
        o.put("categories", d.categories().size());
        send(ctx, o);
    }

    public void regions(Context ctx) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode a = o.putArray("regions");
        for (RegionInfo r : wb.regions().all()) {
            ObjectNode x = a.addObject();
            x.put("region", r.iso());
            x.put("name_ru", r.nameRu());
            x.put("name_en", r.nameEn());
            x.put("federal_district_ru", r.districtRu());
            x.put("federal_district_en", r.districtEn());
            x.put("lat", r.lat());
            x.put("lon", r.lon());
            x.put("population", r.population());
            x.put("grid_row", r.gridRow());
            x.put("grid_col", r.gridCol());
        }
        o.put("boundaries", wb.shapes() != null);
        send(ctx, o);
    }

    public void categories(Context ctx) {
        Req q = Req.api(ctx, wb);
        DatasetData d = q.data();
        MappingView v = wb.mapping(d, q.intParam("year", 1900, 2100), null);
        ObjectNode o = envelope(q, d);
        o.put("year", v.year());
        ArrayNode a = o.putArray("categories");
        for (String c : d.categories()) {
            ObjectNode x = a.addObject();
            x.put("category", c);
            x.put("category_name", wb.categoryName(d, c, q.lang));
            x.put("employment", v.categoryEmployment(c));
            x.put("regions", v.category(c).size());
            x.put("strong_clusters", v.strongInCategory(c));
        }
        send(ctx, o);
    }

    public void mapping(Context ctx) {
        Req q = Req.api(ctx, wb);
        DatasetData d = q.data();
        MappingView v = wb.mapping(d, q.intParam("year", 1900, 2100), q.intParam("base_year", 1900, 2100));
        ObjectNode o = mappingEnvelope(q, d, v);
        o.set("rows", rows(Export.table(v, Export.select(q, d, v))));
        send(ctx, o);
    }

    public void map(Context ctx) {
        Req q = Req.api(ctx, wb);
        DatasetData d = q.data();
        MappingView v = wb.mapping(d, q.intParam("year", 1900, 2100), null);
        Metric metric = Metric.parse(ctx.queryParam("metric"));
        String category = q.codeParam("category");
        if (category != null && !d.hasCategory(category)) throw new BadRequest(q.msg.format("error.noCategory", category));
        if (metric.needsCategory() && category == null) {
            throw new BadRequest("metric " + metric + " needs a category parameter");
        }
        ObjectNode o = mappingEnvelope(q, d, v);
        o.put("metric", metric.name());
        o.put("category", category);
        ArrayNode a = o.putArray("values");
        for (String r : d.regions()) {
            double x = metric.value(v, r, category);
            ObjectNode e = a.addObject().put("region", r);
            if (Double.isNaN(x) || Double.isInfinite(x)) e.putNull("value"); else e.put("value", x);
        }
        send(ctx, o);
    }

    public void region(Context ctx) {
        Req q = Req.api(ctx, wb);
        DatasetData d = q.data();
        String iso = Req.code("iso", ctx.pathParam("iso"));
        if (!d.hasRegion(iso)) throw new NotFound("region " + iso + " is not in dataset \"" + d.id() + "\"");
        MappingView v = wb.mapping(d, q.intParam("year", 1900, 2100), q.intParam("base_year", 1900, 2100));
        ObjectNode o = mappingEnvelope(q, d, v);
        o.put("region", iso);
        o.put("region_name", wb.regions().name(iso, q.lang));
        o.put("employment", v.regionEmployment(iso));
        o.put("strong_clusters", v.strongCount(iso));
        ArrayNode t = o.putArray("trend");
        for (DatasetData.Point p : d.regionTrend(iso, null)) t.addObject().put("year", p.year()).put("employment", p.employment());
        o.set("rows", rows(Export.table(v, v.region(iso))));
        send(ctx, o);
    }

    public void category(Context ctx) {
        Req q = Req.api(ctx, wb);
        DatasetData d = q.data();
        String code = Req.code("code", ctx.pathParam("code"));
        if (!d.hasCategory(code)) throw new NotFound("category " + code + " is not in dataset \"" + d.id() + "\"");
        MappingView v = wb.mapping(d, q.intParam("year", 1900, 2100), q.intParam("base_year", 1900, 2100));
        ObjectNode o = mappingEnvelope(q, d, v);
        o.put("category", code);
        o.put("category_name", wb.categoryName(d, code, q.lang));
        o.put("employment", v.categoryEmployment(code));
        o.put("strong_clusters", v.strongInCategory(code));
        ArrayNode t = o.putArray("trend");
        for (DatasetData.Point p : d.nationalTrend(code)) t.addObject().put("year", p.year()).put("employment", p.employment());
        List<MappingRow> rows = v.category(code);
        o.set("rows", rows(Export.table(v, rows)));
        send(ctx, o);
    }

    private static ObjectNode mappingEnvelope(Req q, DatasetData d, MappingView v) {
        ObjectNode o = envelope(q, d);
        o.put("year", v.year());
        if (v.baseYear() == null) o.putNull("base_year"); else o.put("base_year", v.baseYear());
        ArrayNode w = o.putArray("warnings");
        v.result().warnings().forEach(t -> w.add(t.toString()));
        return o;
    }

    /** Rows in the CLI's columns; NaN and infinities are null (formats.md §5). */
    static ArrayNode rows(ResultTable t) {
        ArrayNode a = JSON.createArrayNode();
        for (Object[] row : t.rows()) {
            ObjectNode x = a.addObject();
            for (int i = 0; i < row.length; i++) {
                String k = t.columns().get(i);
                Object v = row[i];
                if (v == null) x.putNull(k);
                else if (v instanceof Double dv) {
                    if (dv.isNaN() || dv.isInfinite()) x.putNull(k); else x.put(k, dv);
                } else if (v instanceof Integer n) x.put(k, n);
                else if (v instanceof Long n) x.put(k, n);
                else if (v instanceof Boolean b) x.put(k, b);
                else x.put(k, v.toString());
            }
        }
        return a;
    }
}
