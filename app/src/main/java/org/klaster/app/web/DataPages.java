package org.klaster.app.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.klaster.app.analysis.DatasetsAnalysis;
import org.klaster.app.analysis.Importers;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.UserException;
import org.klaster.app.auth.Permission;
import org.klaster.app.web.Pages.Option;
import org.klaster.data.formats.BoundariesReader;
import org.klaster.data.formats.InputException;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind;
import org.klaster.data.store.DatasetKind.Content;

/**
 * "Bring your own data": the datasets page and uploads of every kind — activity (with a categories
 * file), firms, io, rosstat-io, trade (with production and groups files), exports — through the same
 * {@link Importers} as {@code klaster import}, so a file is refused with the same sentence naming the
 * same line and column; and boundary uploads (the same reader as {@code klaster import boundaries}).
 * Uploads are limited in size and checked for type before a reader sees them.
 */
public final class DataPages {

    /** Largest accepted upload. */
    public static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
    /** Largest accepted request body: the file with the form's other fields and files. */
    public static final long MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

    private final Workbench wb;

    public DataPages(Workbench wb) {
        this.wb = wb;
    }

    /**
     * The outcome of an upload, shown inline.
     *
     * @param line   1-based line/row of the problem, 0 when it concerns the whole file
     * @param column the column named by the reader, or null
     * @param file   which of the uploaded files the problem is in (file, categories, production, groups)
     */
    public record UploadResult(boolean ok, String message, long line, String column, String file, List<String> warnings,
                               Dataset dataset, String openUrl) {
    }

    /** A dataset row of the page: the dataset and where its data is shown. */
    public record Row(Dataset dataset, String kind, String openUrl, String units) {
    }

    public record Page(Shell shell, List<Row> datasets, List<Option> kinds, UploadResult upload, UploadResult boundaries,
                       String boundariesSource, String boundariesCoverage, boolean boundariesComplete, String maxSize,
                       List<String> classifications, UploadResult classification, String csrf, boolean canUpload) {
    }

    void page(Req q, Map<String, String> errors) {
        render(q, null, null, null, errors);
    }

    /** Where a dataset's numbers are shown. */
    static String openUrl(Dataset d) {
        String id = Shell.enc(d.id());
        if (d.kind().provides(Content.IO_TABLE)) return "/sovereignty/multipliers?dataset=" + id;
        if (d.kind().provides(Content.TRADE)) return "/sovereignty/dependency?dataset=" + id;
        if (d.kind().provides(Content.EXPORTS)) return "/opportunities/product-space?dataset=" + id;
        return "/mapping?dataset=" + id;
    }

    private void render(Req q, UploadResult upload, UploadResult boundaries, UploadResult classification,
                        Map<String, String> errors) {
        Messages m = q.msg;
        Shell shell = Pages.shell(q, Section.DATA, m.get("data.title"), null, List.of(), "/datasets", errors)
                .listsSynthetic(wb.datasets().stream().anyMatch(Dataset::synthetic));
        Table<Dataset> t = DatasetsAnalysis.run(wb.datasets());
        List<Row> rows = new ArrayList<>();
        for (Dataset d : t.list()) {
            rows.add(new Row(d, m.get("kind." + d.kind().label()), openUrl(d), d.units() == null ? ""
                    : org.klaster.app.analysis.Units.money(d.units(), m)));
        }
        List<Option> kinds = new ArrayList<>();
        for (DatasetKind k : DatasetKind.values()) kinds.add(new Option(k.label(), m.get("kind." + k.label()), k == DatasetKind.ACTIVITY));
        String coverage = wb.shapes() == null ? null : m.format("boundaries.coverage", wb.boundaryRegions().size(),
                wb.regions().all().size());
        List<String> classifications = wb.classifications().stream().map(c -> m.format("classification.stored", c.system(),
                m.count(c.rows()), c.source())).toList();
        Page p = new Page(shell, rows, kinds, upload, boundaries, wb.boundariesSource(), coverage, wb.boundariesComplete(),
                m.count(MAX_UPLOAD_BYTES / (1024 * 1024)) + "\u00a0" + m.get("unit.megabytes"), classifications, classification,
                Security.token(q.ctx), shell.user().may(Permission.UPLOAD_DATASETS));
        UploadResult any = upload != null ? upload : boundaries != null ? boundaries : classification;
        if (q.htmx() && any != null) {
            q.ctx.render("data/upload_result.jte", Map.of("r", any, "s", shell));
        } else {
            Pages.render(q.ctx, "data/datasets.jte", p);
        }
    }

    /** {@code POST /datasets/upload}: kind, file (+ categories / production / groups), sheet, units, options. */
    public void upload(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        Messages m = q.msg;
        Refused refused = form(ctx, m);
        if (refused != null) {
            ctx.status(refused.status());
            render(q, refused.result(), null, null, Map.of());
            return;
        }
        String kindName = ctx.formParam("kind");
        DatasetKind kind = kindName == null || kindName.isBlank() ? DatasetKind.ACTIVITY : DatasetKind.of(kindName.strip())
                .orElse(null);
        UploadResult r;
        if (kind == null) {
            r = fail(m.format("upload.badKind", kindName));
        } else {
            List<String> ext = switch (kind) {
                case ROSSTAT_IO -> List.of("xlsx");
                case FIRMS -> List.of("csv", "txt", "parquet");
                default -> List.of("csv", "txt", "xlsx");
            };
            r = receive(ctx, q, ext, (files, name) -> {
                String sheet = blank(ctx.formParam("sheet"));
                String units = blank(ctx.formParam("units"));
                if (units != null && units.length() > 40) throw UserException.badParameter("units", Messages.text("upload.unitsLong"));
                boolean other = "on".equals(ctx.formParam("other_territories")) || "true".equals(ctx.formParam("other_territories"));
                boolean imbalance = "on".equals(ctx.formParam("allow_imbalance")) || "true".equals(ctx.formParam("allow_imbalance"));
                Importers.Prepared p = Importers.read(kind, files.get("file"), name,
                        new Importers.Options(sheet, files.get("categories"), files.get("production"), files.get("groups"),
                                imbalance, units, null, other));
                if (p.rows() == 0) return fail(m.format("upload.empty", name));
                Importers.Stored s = wb.write(() -> Importers.store(wb.store(), p, null, false, m.text(Messages.text("upload.note"))));
                List<String> warnings = p.warnings().stream().map(m::text).toList();
                return new UploadResult(true, m.format("upload.ok", s.dataset().id(), m.count(s.dataset().rows()),
                        m.get("kind." + kind.label())), 0, null, null, warnings, s.dataset(), openUrl(s.dataset()));
            });
        }
        ctx.status(r.ok() ? 201 : 422);
        render(q, r, null, null, Map.of());
    }

    /** {@code POST /datasets/boundaries}: a GeoJSON of regions; a partial one keeps the tile grid for the rest. */
    public void uploadBoundaries(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        Messages m = q.msg;
        Refused refused = form(ctx, m);
        if (refused != null) {
            ctx.status(refused.status());
            render(q, null, refused.result(), null, Map.of());
            return;
        }
        UploadResult r = receive(ctx, q, List.of("geojson", "json"), (files, name) -> {
            BoundariesReader.Boundaries b = BoundariesReader.read(files.get("file"));
            long known = b.regions().stream().filter(x -> wb.regions().contains(x.iso())).map(BoundariesReader.Boundary::iso)
                    .distinct().count();
            if (known == 0) return fail(m.format("boundaries.noKnown", name));
            wb.setBoundaries(b);
            List<String> warnings = new ArrayList<>(b.warnings().stream().map(x -> m.text(org.klaster.app.analysis.Texts.of(x))).toList());
            long unknown = b.regions().size() - b.regions().stream().filter(x -> wb.regions().contains(x.iso())).count();
            if (unknown > 0) warnings.add(m.format("boundaries.unknown", unknown));
            int all = wb.regions().all().size();
            String msg = known == all ? m.format("boundaries.ok", name, known)
                    : m.format("boundaries.partial", name, known, all, String.join(", ", wb.boundaryRegions().stream().limit(20).toList())
                    + (known > 20 ? ", …" : ""));
            return new UploadResult(true, msg, 0, null, null, warnings, null, "/mapping");
        });
        ctx.status(r.ok() ? 201 : 422);
        render(q, null, r, null, Map.of());
    }

    /** {@code POST /datasets/classification}: product names (system, file) for pages, the API and downloads. */
    public void uploadClassification(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        Messages m = q.msg;
        Refused refused = form(ctx, m);
        if (refused != null) {
            ctx.status(refused.status());
            render(q, null, null, refused.result(), Map.of());
            return;
        }
        String system = blank(ctx.formParam("system"));
        UploadResult r = receive(ctx, q, List.of("csv", "txt", "xlsx"), (files, name) -> {
            Importers.ClassificationStored s = wb.write(() -> Importers.classification(wb.store(), system == null ? "hs" : system,
                    files.get("file")));
            return new UploadResult(true, m.format("classification.ok", s.source().system(), m.count(s.source().rows()), name), 0,
                    null, null, s.warnings().stream().map(m::text).toList(), null, "/sovereignty/dependency");
        });
        ctx.status(r.ok() ? 201 : 422);
        render(q, null, null, r, Map.of());
    }

    /** {@code POST /datasets/boundaries/clear}: back to the tile grid. */
    public void clearBoundaries(Context ctx) {
        wb.clearBoundaries();
        ctx.redirect("/datasets", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private interface Reader {
        UploadResult read(Map<String, Path> files, String name) throws IOException;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static UploadResult fail(String message) {
        return new UploadResult(false, message, 0, null, null, List.of(), null, null);
    }

    /** A form that is not taken, with its status: 413 (too large) or 400 (not a well-formed multipart form). */
    private record Refused(int status, UploadResult result) {
    }

    /** The upload limit's sentence, in the page's language. */
    static String tooLarge(Messages m) {
        return m.format("upload.tooLarge", m.count(MAX_UPLOAD_BYTES / (1024 * 1024)));
    }

    /**
     * Parses the multipart form once, before a handler reads any field of it. A body announced larger than
     * the limit is refused unread; one that grows beyond it while it streams (chunked, or longer than it said)
     * is stopped by Jetty's multipart parser at the limits set in {@code WebApp#create}, which also spools file
     * parts above 1 MB to disk, so no upload is held whole in memory. Null when the form is taken.
     */
    private static Refused form(Context ctx, Messages m) {
        if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) return new Refused(413, fail(tooLarge(m)));
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return new Refused(400, fail(m.get("upload.malformed")));
        }
        try {
            ctx.formParamMap();
        } catch (Exception e) {
            return oversize(e) ? new Refused(413, fail(tooLarge(m))) : new Refused(400, fail(m.get("upload.malformed")));
        }
        return null;
    }

    /** Whether a form that failed to parse was too large (Jetty: "max file size exceeded", "max length exceeded"), not malformed. */
    static boolean oversize(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof org.eclipse.jetty.http.HttpException h && h.getCode() == 413
                    || String.valueOf(c.getMessage()).contains("exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** The multipart parts with files, saved under their safe names; the main one is {@code file}. */
    private UploadResult receive(Context ctx, Req q, List<String> extensions, Reader reader) throws IOException {
        Messages m = q.msg;
        String tooLarge = tooLarge(m);
        Map<String, UploadedFile> parts = new java.util.LinkedHashMap<>();
        try {
            for (String part : List.of("file", "categories", "production", "groups")) {
                UploadedFile f = ctx.uploadedFile(part);
                if (f != null && f.filename() != null && !f.filename().isBlank()) parts.put(part, f);
            }
        } catch (RuntimeException e) { // multipart limits or a malformed body
            return fail(tooLarge);
        }
        UploadedFile main = parts.get("file");
        if (main == null) return fail(m.get("upload.noFile"));
        Path dir = Files.createTempDirectory("klaster-upload");
        Map<String, Path> files = new java.util.LinkedHashMap<>();
        Map<Path, String> partOf = new java.util.HashMap<>();
        try {
            for (Map.Entry<String, UploadedFile> e : parts.entrySet()) {
                UploadedFile f = e.getValue();
                if (f.size() > MAX_UPLOAD_BYTES) return fail(tooLarge);
                String name = safeName(f.filename());
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
                List<String> allowed = e.getKey().equals("file") ? extensions : List.of("csv", "txt", "xlsx");
                if (!allowed.contains(ext)) return fail(m.format("upload.badType", name, String.join(", ", allowed)));
                Path sub = Files.createDirectory(dir.resolve(e.getKey()));
                Path file = sub.resolve(name);
                try (InputStream in = f.content()) {
                    Files.copy(in, file);
                }
                String sniff = sniff(file, ext);
                if (sniff != null) return fail(m.format(sniff, name));
                files.put(e.getKey(), file);
                partOf.put(file, e.getKey());
            }
            try {
                return reader.read(files, safeName(main.filename()));
            } catch (InputException e) {
                return new UploadResult(false, m.text(org.klaster.app.analysis.Texts.of(e)), e.line(), e.column(),
                        e.file() == null ? null : partOf.get(e.file()), List.of(), null, null);
            } catch (UserException e) {
                return fail(m.text(e.text()));
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
        if (ext.equals("parquet")) return n >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1' ? null : "upload.notParquet";
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
