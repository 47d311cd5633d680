package org.klaster.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.klaster.app.analysis.Column;
import org.klaster.app.analysis.JsonRows;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Reference;
import org.klaster.app.analysis.Schema;
import org.klaster.app.analysis.Units;
import org.klaster.inputoutput.Regionalisation;

/**
 * The OpenAPI 3.1 document of the JSON API: the paths, parameters and envelopes are written by hand
 * in {@code openapi.json}; the row schemas are generated here from the analyses' columns (name, JSON
 * type, nullability, description and unit from the English messages), and the parameters of a region's
 * table from the regionalisation's methods and δ, so the document cannot drift from what the API
 * serialises. A test validates live responses against it.
 */
final class OpenApi {

    private OpenApi() {
    }

    static byte[] document() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi.json")) {
            if (in == null) throw new IllegalStateException("openapi.json is missing from the jar");
            ObjectNode doc = (ObjectNode) JsonRows.JSON.readTree(in);
            ObjectNode schemas = (ObjectNode) doc.get("components").get("schemas");
            Messages en = Messages.of(Lang.en);
            var names = new org.klaster.app.analysis.Names(Lang.en, Reference.regions(), c -> null, c -> null);
            for (Schema<?> s : Api.schemas(names)) schemas.set(s.openApiName(), rowSchema(s, en));
            ObjectNode paths = (ObjectNode) doc.get("paths");
            for (String p : REGIONAL_PATHS) {
                ArrayNode params = (ArrayNode) paths.get(Api.PREFIX + p).get("get").get("parameters");
                params.addAll(regionalParameters(REGION_REQUIRED.contains(p)));
            }
            return JsonRows.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The input–output answers that run on a region's table when {@code region} is given. */
    static final java.util.List<String> REGIONAL_PATHS = java.util.List.of("/sovereignty/multipliers", "/sovereignty/shock",
            "/sovereignty/extraction", "/sovereignty/regional-table", "/sovereignty/leakage", "/sovereignty/localise",
            "/sovereignty/suppliers");

    /** Those that are always about a region's table. */
    static final java.util.List<String> REGION_REQUIRED = java.util.List.of("/sovereignty/regional-table",
            "/sovereignty/leakage", "/sovereignty/localise", "/sovereignty/suppliers");

    /**
     * The query parameters of a region's table (Sovereignty's region picker), from the regionalisation's own
     * definitions: its methods, δ's range and default.
     */
    static ArrayNode regionalParameters(boolean regionRequired) {
        ArrayNode a = JsonRows.JSON.createArrayNode();
        String code = "^[\\p{L}\\p{N}._:\\-]{1,64}$";
        ObjectNode region = parameter(a, "region", regionRequired, "A region of the activity dataset (e.g. RU-SAM): the answer is"
                + " about that region's table, made from the national one by location quotients of the region's employment"
                + (regionRequired ? "." : "; without it, the national table."));
        region.putObject("schema").put("type", "string").put("pattern", code);
        ObjectNode activity = parameter(a, "activity", false, "The activity (or firms) dataset whose employment by region and"
                + " industry makes the regional table; default: the demo's, else the latest import.");
        activity.putObject("schema").put("type", "string").put("pattern", code);
        ObjectNode year = parameter(a, "year", false, "The year of the employment; default: the activity's latest.");
        year.putObject("schema").put("type", "integer").put("minimum", 1900).put("maximum", 2100);
        ObjectNode method = parameter(a, "method", false, "The location quotient: flq (Flegg's, with the region's size), cilq"
                + " (cross-industry) or slq (simple); default flq.");
        ArrayNode ids = method.putObject("schema").put("type", "string").put("default", Regionalisation.Method.FLQ.id()).putArray("enum");
        for (Regionalisation.Method m : Regionalisation.Method.values()) ids.add(m.id());
        ObjectNode delta = parameter(a, "delta", false, "Flegg's \u03b4 of the FLQ, from 0 to 1 (\u03b4 = 0 is the CILQ).");
        delta.putObject("schema").put("type", "number").put("minimum", 0).put("maximum", 1).put("default", Regionalisation.DEFAULT_DELTA);
        return a;
    }

    private static ObjectNode parameter(ArrayNode a, String name, boolean required, String description) {
        return a.addObject().put("name", name).put("in", "query").put("required", required).put("description", description);
    }

    /** One row of an analysis: every column, required, typed; name columns and undefined values may be null. */
    static ObjectNode rowSchema(Schema<?> s, Messages en) {
        ObjectNode o = JsonRows.JSON.createObjectNode();
        o.put("type", "object");
        o.put("description", en.has("method." + s.id()) ? en.get("method." + s.id()) : s.id());
        ArrayNode required = o.putArray("required");
        ObjectNode props = o.putObject("properties");
        for (Column<?> c : s.columns()) {
            required.add(c.name());
            ObjectNode p = props.putObject(c.name());
            if (c.nullable()) p.putArray("type").add(c.type().json()).add("null");
            else p.put("type", c.type().json());
            StringBuilder d = new StringBuilder(en.get(c.labelKey()));
            if (en.has(c.helpKey())) d.append(". ").append(en.get(c.helpKey()));
            String unit = Units.label(c.unit(), "UNIT", en);
            if (!unit.isEmpty() && c.unit() != org.klaster.app.analysis.Unit.MONEY) d.append(" Unit: ").append(unit).append('.');
            if (c.unit() == org.klaster.app.analysis.Unit.MONEY) d.append(" In the dataset's units (the envelope's units).");
            if (c.label()) d.append(" (A name in the request's language; null when unknown.)");
            p.put("description", d.toString());
        }
        return o;
    }

    /** For tests: the document as a tree. */
    static JsonNode tree() {
        try {
            return JsonRows.JSON.readTree(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
