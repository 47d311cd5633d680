package org.klaster.app.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.TableWriter;
import org.klaster.app.analysis.Xlsx;

/**
 * The downloads of every page: its analysis's table with names in the page's language, as CSV (byte
 * for byte what {@code klaster … --format csv --names --lang L} prints) or as an XLSX workbook
 * (labelled columns, a column sheet and a provenance sheet, {@link Xlsx}).
 */
final class Downloads {

    private Downloads() {
    }

    /** {@code .csv} or {@code .xlsx} from the request path. */
    static String extension(Context ctx) {
        return ctx.path().endsWith(".xlsx") ? "xlsx" : "csv";
    }

    static void send(Context ctx, Table<?> t, String baseName, Messages m) throws IOException {
        send(ctx, t, baseName, m, false);
    }

    /** With {@code layout}, a table that is a file layout (a regional io.csv): its XLSX is headed by the column names. */
    static void send(Context ctx, Table<?> t, String baseName, Messages m, boolean layout) throws IOException {
        String ext = extension(ctx);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (ext.equals("csv")) {
            try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
                TableWriter.write(t, TableWriter.Format.csv, w);
            }
            ctx.contentType("text/csv; charset=utf-8");
        } else {
            Xlsx.write(t, m, bytes, layout);
            ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        String name = (t.synthetic() ? "SYNTHETIC-" : "") + baseName.replaceAll("[^A-Za-z0-9._-]", "_") + "." + ext;
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.result(bytes.toByteArray());
    }
}
