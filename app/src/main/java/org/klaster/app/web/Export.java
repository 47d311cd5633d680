package org.klaster.app.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.klaster.app.cli.ResultTable;
import org.klaster.app.cli.TableWriter;
import org.klaster.mapping.MappingRow;
import org.klaster.mapping.ShiftShareRow;

/**
 * Downloads of the mapping table in the CLI's columns (formats.md §5): CSV byte for byte as
 * {@code klaster map --format csv} prints it, and XLSX with the same header and numbers.
 */
public final class Export {

    private final Workbench wb;

    public Export(Workbench wb) {
        this.wb = wb;
    }

    /** The CLI columns of {@code klaster map}; shift-share columns only with a base year. */
    static ResultTable table(MappingView v, List<MappingRow> rows) {
        boolean shift = v.baseYear() != null;
        List<String> cols = new ArrayList<>(List.of("region", "category", "year", "employment", "share", "lq",
                "size_star", "specialisation_star", "focus_star", "stars", "strong"));
        if (shift) cols.addAll(List.of("employment_base", "change", "national_effect", "industry_mix", "regional_effect"));
        ResultTable t = new ResultTable(cols);
        for (MappingRow r : rows) {
            List<Object> x = new ArrayList<>(List.of(r.region(), r.category(), r.year(), r.employment(), r.share(), r.lq(),
                    r.sizeStar(), r.specialisationStar(), r.focusStar(), r.stars(), r.strong()));
            if (shift) {
                ShiftShareRow s = r.shift();
                x.addAll(List.of(s.employmentBase(), s.change(), s.nationalEffect(), s.industryMix(), s.regionalEffect()));
            }
            t.add(x.toArray());
        }
        return t;
    }

    /** The rows a request selects: all, or one region's, or one category's. */
    static List<MappingRow> select(Req q, DatasetData d, MappingView v) {
        String region = q.codeParam("region");
        String category = q.codeParam("category");
        List<MappingRow> rows = v.rows();
        if (region != null) {
            if (!d.hasRegion(region)) throw new NotFound(q.msg.format("error.noRegion", region));
            rows = v.region(region);
        }
        if (category != null) {
            if (!d.hasCategory(category)) throw new NotFound(q.msg.format("error.noCategory", category));
            final List<MappingRow> in = rows;
            rows = in.stream().filter(r -> r.category().equals(category)).toList();
        }
        return rows;
    }

    private static String fileName(DatasetData d, MappingView v, Req q, String ext) {
        String region = q.codeParam("region");
        String category = q.codeParam("category");
        return "klaster-map-" + d.id() + "-" + v.year() + (region != null ? "-" + region : "")
                + (category != null ? "-" + category : "") + "." + ext;
    }

    public void csv(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        DatasetData d = q.data();
        MappingView v = wb.mapping(d, q.intParam("year", 1900, 2100), q.intParam("base_year", 1900, 2100));
        ResultTable t = table(v, select(q, d, v));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            TableWriter.write(t, TableWriter.Format.csv, w);
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(d, v, q, "csv") + "\"");
        ctx.result(bytes.toByteArray());
    }

    public void xlsx(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        DatasetData d = q.data();
        MappingView v = wb.mapping(d, q.intParam("year", 1900, 2100), q.intParam("base_year", 1900, 2100));
        send(ctx, table(v, select(q, d, v)), fileName(d, v, q, "xlsx"), "map", d.meta(),
                "klaster map (methods.md §1): LQ, European Cluster Observatory stars, U.S. Cluster Mapping strong clusters, shift-share");
    }

    /** Sends a CLI table as CSV (byte for byte the CLI's {@code --format csv}) or XLSX, by the file name's extension. */
    static void send(Context ctx, ResultTable t, String fileName, String sheet, org.klaster.data.store.Dataset meta,
                     String method) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (fileName.endsWith(".csv")) {
            try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                TableWriter.write(t, TableWriter.Format.csv, w);
            }
            ctx.contentType("text/csv; charset=utf-8");
        } else {
            xlsx(t, sheet, meta, method, bytes);
            ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        ctx.result(bytes.toByteArray());
    }

    /** The table on one sheet (header bold and frozen, ±∞ as text) and a provenance sheet. */
    static void xlsx(ResultTable t, String sheet, org.klaster.data.store.Dataset meta, String method,
                     ByteArrayOutputStream bytes) throws IOException {
        Workbook book = new Workbook(bytes, "Klaster", "1.0");
        Worksheet ws = book.newWorksheet(sheet);
        for (int c = 0; c < t.columns().size(); c++) {
            ws.value(0, c, t.columns().get(c));
            ws.style(0, c).bold().set();
        }
        int r = 1;
        for (Object[] row : t.rows()) {
            for (int c = 0; c < row.length; c++) {
                Object x = row[c];
                if (x == null) continue;
                if (x instanceof Double dv) {
                    if (!dv.isNaN() && !dv.isInfinite()) ws.value(r, c, dv);
                    else if (dv.isInfinite()) ws.value(r, c, dv > 0 ? "inf" : "-inf");
                } else if (x instanceof Number n) ws.value(r, c, n);
                else if (x instanceof Boolean b) ws.value(r, c, b);
                else ws.value(r, c, x.toString());
            }
            r++;
        }
        ws.freezePane(0, 1);
        // provenance sheet: where the numbers came from
        Worksheet about = book.newWorksheet("provenance");
        about.value(0, 0, "dataset");
        about.value(0, 1, meta.id());
        about.value(1, 0, "source");
        about.value(1, 1, meta.source());
        about.value(2, 0, "sha256");
        about.value(2, 1, meta.sha256() == null ? "" : meta.sha256());
        about.value(3, 0, "synthetic");
        about.value(3, 1, meta.synthetic());
        about.value(4, 0, "method");
        about.value(4, 1, method);
        book.finish();
    }
}
