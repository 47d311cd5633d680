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

/**
 * The OpenAPI 3.1 document of the JSON API: the paths, parameters and envelopes are written by hand
 * in {@code openapi.json}; the row schemas are generated here from the analyses' columns (name, JSON
 * type, nullability, description and unit from the English messages), so the document cannot drift
 * from what the API serialises. A test validates live responses against it.
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
            return JsonRows.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
