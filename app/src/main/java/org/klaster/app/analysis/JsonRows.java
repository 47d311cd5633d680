package org.klaster.app.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.klaster.Text;
import org.klaster.data.store.Dataset;

/**
 * A {@link Table} as the JSON API gives it: an envelope with provenance ({@code dataset}, further
 * input datasets by role, {@code synthetic}, {@code notice}), the run's parameters and summary figures
 * as top-level fields, {@code warnings} and {@code notes} in the request's language, {@code units}, and
 * {@code rows} in the table's columns (NaN and ±∞ → null).
 */
public final class JsonRows {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonRows() {
    }

    public static ObjectNode dataset(Dataset d) {
        ObjectNode o = F.objectNode();
        o.put("id", d.id());
        o.put("kind", d.kind().label());
        o.put("source", d.source());
        o.put("rows", d.rows());
        o.put("sha256", d.sha256());
        o.put("imported_at", d.importedAt() == null ? null : d.importedAt().toString());
        o.put("generator", d.generator());
        o.put("synthetic", d.synthetic());
        o.put("note", d.note());
        o.put("units", d.units());
        return o;
    }

    /** The envelope of a table, without rows. */
    public static ObjectNode envelope(Table<?> t, Messages m) {
        ObjectNode o = F.objectNode();
        Provenance p = t.provenance();
        for (Provenance.Input in : p.inputs()) {
            if (in.dataset() == null) continue;
            String key = o.has("dataset") ? in.role() + "_dataset" : "dataset";
            if (!o.has(key)) o.set(key, dataset(in.dataset()));
        }
        o.put("synthetic", p.synthetic());
        if (p.synthetic()) o.put("notice", m.get("synthetic.badge"));
        o.put("units", p.moneyUnit());
        for (Map.Entry<String, Object> e : p.parameters().entrySet()) put(o, e.getKey(), e.getValue());
        for (Map.Entry<String, Object> e : t.summary().entrySet()) put(o, e.getKey(), e.getValue());
        o.set("warnings", texts(t.warnings(), m));
        o.set("notes", texts(t.notes(), m));
        return o;
    }

    /** Envelope and rows. */
    public static ObjectNode of(Table<?> t, Messages m) {
        ObjectNode o = envelope(t, m);
        o.set("rows", rows(t));
        return o;
    }

    private static ArrayNode texts(List<Text> texts, Messages m) {
        ArrayNode a = F.arrayNode();
        for (Text x : texts) a.add(m.text(x));
        return a;
    }

    public static <R> ArrayNode rows(Table<R> t) {
        ArrayNode a = F.arrayNode();
        List<Column<R>> cols = t.columns();
        for (R row : t.rows()) {
            ObjectNode x = a.addObject();
            for (Column<R> c : cols) x.set(c.name(), value(c.read(row)));
        }
        return a;
    }

    /** One value; NaN and infinities are null (formats.md §5). */
    public static JsonNode value(Object v) {
        if (v == null) return F.nullNode();
        if (v instanceof Double d) return d.isNaN() || d.isInfinite() ? F.nullNode() : F.numberNode(d);
        if (v instanceof Integer n) return F.numberNode(n);
        if (v instanceof Long n) return F.numberNode(n);
        if (v instanceof Boolean b) return F.booleanNode(b);
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = F.objectNode();
            map.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof List<?> list) {
            ArrayNode a = F.arrayNode();
            list.forEach(x -> a.add(value(x)));
            return a;
        }
        return F.textNode(v.toString());
    }

    private static void put(ObjectNode o, String k, Object v) {
        o.set(k, value(v));
    }
}
