package org.klaster.app.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.klaster.data.formats.ActivityData;
import org.klaster.data.formats.ActivityReader;
import org.klaster.data.formats.BoundariesReader;
import org.klaster.data.formats.InputException;
import org.klaster.data.store.Dataset;

/**
 * "Bring your own data": the datasets page, activity uploads (validated by the same reader as
 * {@code klaster import activity}) and boundary uploads (same reader as {@code klaster import
 * boundaries}). Uploads are limited in size and checked for type before the reader sees them.
 */
public final class DataPages {

    /** Largest accepted upload. */
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;

    private final Workbench wb;

    public DataPages(Workbench wb) {
        this.wb = wb;
    }

    /**
     * The outcome of an upload, shown inline.
     *
     * @param line   1-based line/row of the problem, 0 when it concerns the whole file
     * @param column the column named by the reader, or null
     */
    public record UploadResult(boolean ok, String message, long line, String column, List<String> warnings,
                               Dataset dataset, String openUrl) {
    }

    public record Page(Shell shell, List<Dataset> datasets, UploadResult upload, UploadResult boundaries,
                       String boundariesSource, String maxSize) {
    }

    public void page(Context ctx) {
        Req q = Req.of(ctx, wb);
        render(ctx, q, null, null);
    }

    private void render(Context ctx, Req q, UploadResult upload, UploadResult boundaries) {
        Shell shell = q.shell(Section.DATA, q.msg.get("data.title"));
        Page p = new Page(shell, wb.datasets(), upload, boundaries, wb.boundariesSource(), q.msg.count(MAX_UPLOAD_BYTES / (1024 * 1024)) + " MB");
        if (q.htmx() && (upload != null || boundaries != null)) {
            ctx.render("data/upload_result.jte", Map.of("r", upload != null ? upload : boundaries, "s", shell));
        } else {
            ctx.render("data/datasets.jte", Map.of("p", p));
        }
    }

    public void upload(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        UploadResult r = receive(ctx, q, List.of("csv", "txt", "xlsx"), (file, name) -> {
            String sheet = ctx.formParam("sheet");
            ActivityData data = ActivityReader.read(file, sheet == null || sheet.isBlank() ? null : sheet.trim());
            if (data.records().isEmpty()) {
                return fail(q.msg.format("upload.empty", name));
            }
            String id = "upload-" + data.sha256().substring(0, 10);
            Dataset d = wb.dataset(id).orElse(null);
            if (d == null) {
                d = wb.addActivity(Dataset.of(id, "activity", name, data.sha256(), data.records().size(), null, false,
                        "uploaded in the web workbench; " + data.format()), data.records());
            }
            return new UploadResult(true, q.msg.format("upload.ok", d.id(), q.msg.count(d.rows())), 0, null,
                    data.warnings().stream().map(Object::toString).toList(), d, "/mapping?dataset=" + Shell.enc(d.id()));
        });
        if (r.ok()) ctx.status(201);
        else ctx.status(422);
        render(ctx, q, r, null);
    }

    public void uploadBoundaries(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        UploadResult r = receive(ctx, q, List.of("geojson", "json"), (file, name) -> {
            BoundariesReader.Boundaries b = BoundariesReader.read(file);
            long known = b.regions().stream().filter(x -> wb.regions().contains(x.iso())).count();
            if (known == 0) return fail(q.msg.format("boundaries.noKnown", name));
            wb.setBoundaries(b);
            List<String> warnings = new java.util.ArrayList<>(b.warnings().stream().map(Object::toString).toList());
            long unknown = b.regions().size() - known;
            if (unknown > 0) warnings.add(q.msg.format("boundaries.unknown", unknown));
            return new UploadResult(true, q.msg.format("boundaries.ok", name, known), 0, null, warnings, null,
                    "/mapping");
        });
        ctx.status(r.ok() ? 201 : 422);
        render(ctx, q, null, r);
    }

    private interface Reader {
        UploadResult read(Path file, String name) throws IOException;
    }

    private static UploadResult fail(String message) {
        return new UploadResult(false, message, 0, null, List.of(), null, null);
    }

    private UploadResult receive(Context ctx, Req q, List<String> extensions, Reader reader) throws IOException {
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_UPLOAD_BYTES) {
            return fail(q.msg.format("upload.tooLarge", q.msg.count(MAX_UPLOAD_BYTES / (1024 * 1024))));
        }
        UploadedFile f;
        try {
            f = ctx.uploadedFile("file");
        } catch (RuntimeException e) { // multipart limits or a malformed body
            return fail(q.msg.format("upload.tooLarge", q.msg.count(MAX_UPLOAD_BYTES / (1024 * 1024))));
        }
        if (f == null || f.filename() == null || f.filename().isBlank()) return fail(q.msg.get("upload.noFile"));
        if (f.size() > MAX_UPLOAD_BYTES) return fail(q.msg.format("upload.tooLarge", q.msg.count(MAX_UPLOAD_BYTES / (1024 * 1024))));
        String name = safeName(f.filename());
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!extensions.contains(ext)) return fail(q.msg.format("upload.badType", name, String.join(", ", extensions)));
        Path dir = Files.createTempDirectory("klaster-upload");
        Path file = dir.resolve(name);
        try {
            try (InputStream in = f.content()) {
                Files.copy(in, file);
            }
            String sniff = sniff(file, ext);
            if (sniff != null) return fail(q.msg.format(sniff, name));
            try {
                return reader.read(file, name);
            } catch (InputException e) {
                return new UploadResult(false, e.getMessage(), e.line(), e.column(), List.of(), null, null);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A message key when the bytes do not look like the extension says, else null. */
    static String sniff(Path file, String ext) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == 0) return "upload.emptyFile";
        boolean zip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (ext.equals("xlsx")) return zip ? null : "upload.notXlsx";
        if (zip) return "upload.notText";
        boolean utf16 = n >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        if (!utf16) {
            for (int i = 0; i < n; i++) if (head[i] == 0) return "upload.notText";
        }
        return null;
    }

    /** The file name without any directory part and with only harmless characters. */
    static String safeName(String original) {
        String base = original.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        base = base.replaceAll("[^\\p{L}\\p{N}._ -]", "_").trim();
        if (base.isEmpty() || base.startsWith(".")) base = "upload" + base;
        return base.length() > 100 ? base.substring(base.length() - 100) : base;
    }
}
