package org.klaster.app.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.klaster.Text;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.Texts;
import org.klaster.app.analysis.UserException;
import org.klaster.app.auth.Access;
import org.klaster.app.auth.Permission;
import org.klaster.app.auth.Principal;
import org.klaster.app.web.Pages.Option;
import org.klaster.app.web.Pages.Tab;
import org.klaster.data.formats.DataText;
import org.klaster.data.formats.InputException;
import org.klaster.data.formats.RulesReader;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.RuleVersion;
import org.klaster.data.store.StoreException;
import org.klaster.registry.Confidence;
import org.klaster.registry.Requirement;
import org.klaster.registry.Rule;
import org.klaster.registry.RuleSet;

/**
 * The administrator's page of the compliance rules ({@code /admin/rules}): the rows of a version, every version,
 * what changed from the version before, and three ways to save a new one — the edit form, a rules file, the
 * project's own file (the CLI's {@code klaster registry rules --save FILE|project}). A version is never changed:
 * each save is a new one through {@link PlatformStore#saveRules}, which writes the audit trail. Rows typed in the
 * form are read by {@link RulesReader} like a file's, so the page, an upload and the command line accept exactly the
 * same rules and refuse the rest with the same sentence.
 */
public final class RulesPages {

    /** Rows the edit form may send (the project's file has nine). */
    static final int MAX_ROWS = 500;
    static final String PATH = "/admin/rules";
    private static final String HEADER = "rule,parameter,value,valid_from,valid_to,source,confidence";
    /** Links in a source: http(s) up to a space, a separator of the file's citations, or a quote. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s;,<>\"']+");

    private final Workbench wb;

    RulesPages(Workbench wb) {
        this.wb = wb;
    }

    /** The routes, each for the roles that may save rules (administrators; {@link Permission#EDIT_RULES}). */
    void install(Routes r) {
        Access editors = Access.of(Permission.EDIT_RULES);
        r.get(PATH, editors, Pages.page(wb, this::page));
        r.post(PATH, editors, this::saveForm);
        r.post(PATH + "/upload", editors, this::upload);
        r.post(PATH + "/project", editors, this::restoreProject);
    }

    private PlatformStore store() {
        return wb.platform();
    }

    // ------------------------------------------------------------------ the page

    /** A run of a source's text, a link when {@code href} is set. */
    public record Piece(String text, String href) {
    }

    /** A row of a version. */
    public record RuleRow(int n, String name, String requirement, String value, String share, String validFrom, String validTo,
                          List<Piece> source, String confidence, String confidenceLabel, boolean unconfirmed) {
    }

    /** A saved version in the list. */
    public record VersionRow(String version, String note, String by, String at, int rules, boolean current, boolean shown,
                             String url) {
    }

    /** One difference between two versions: {@code kind} added, removed or changed, with "field: before → after" lines. */
    public record ChangeRow(String kind, String kindLabel, String name, List<String> details) {
    }

    /** The differences of the shown version from {@code against} (a label), or nothing to compare with. */
    public record Diff(String against, List<ChangeRow> changes) {
        public long count(String kind) {
            return changes.stream().filter(c -> c.kind().equals(kind)).count();
        }
    }

    /** A row of the edit form; {@code id} is its index in the form, or {@code new}; {@code error} its refusal. */
    public record FormRow(String id, String label, String rule, String parameter, String value, String validFrom,
                          String validTo, String source, String confidence, boolean removed, String errorField, String error) {

        String name() {
            return rule + "." + parameter;
        }

        boolean blank() {
            return rule.isEmpty() && value.isEmpty() && validFrom.isEmpty() && validTo.isEmpty() && source.isEmpty();
        }

        FormRow refused(String field, String sentence) {
            return new FormRow(id, label, rule, parameter, value, validFrom, validTo, source, confidence, removed, field, sentence);
        }

        /** Whether the refusal concerns this field (the input is marked invalid). */
        public boolean invalid(String field) {
            return error != null && field.equals(errorField);
        }
    }

    /**
     * The edit form: the rows it starts from, a new row, the note. {@code base} is the version current when it was
     * drawn ("" while none is saved): a save on top of another administrator's newer version is refused, not merged.
     */
    public record EditForm(String base, String fromVersion, String from, List<FormRow> rows, FormRow added, String note,
                           String noteError, String error) {
    }

    /**
     * The page. {@code shown} is the version shown (null: none saved, the project's file is shown); {@code current}
     * the latest version (null: none). {@code message} belongs to the form {@code messageFor} ({@code page} at the top).
     */
    public record RulesPage(Shell shell, String csrf, List<Tab> tabs, RuleVersion shown, RuleVersion current, String projectSha,
                            List<RuleRow> rules, List<VersionRow> versions, List<Option> versionOptions, Diff diff,
                            EditForm form, List<Option> names, List<Option> confidences, String messageFor, String message,
                            boolean ok, List<String> warnings) {

        public String messageOf(String form) {
            return form.equals(messageFor) ? message : null;
        }

        public boolean isCurrent() {
            return shown != null && current != null && shown.version().equals(current.version());
        }

        public String shownAt() {
            return shown == null ? "" : when(shown);
        }
    }

    void page(Req q, Map<String, String> errors) {
        List<RuleVersion> all = store().ruleVersions();
        RuleVersion shown = all.isEmpty() ? null : all.get(all.size() - 1);
        String asked = q.param("version");
        if (asked != null && !asked.isBlank()) {
            shown = all.stream().filter(v -> v.version().equals(asked.strip())).findFirst().orElseThrow(() ->
                    UserException.notFound("version", Messages.text("admin.rules.noVersion", Param.shorten(asked))));
        }
        String message = null;
        if (shown != null && "saved".equals(q.param("done"))) {
            message = q.msg.format("admin.rules.saved", shown.version(), shown.rules());
        }
        draw(q, errors, all, shown, null, "page", message, true, List.of());
    }

    /** Draws the page with version {@code shown}; {@code form} refills the edit form after a refusal (null: from the rows). */
    private void draw(Req q, Map<String, String> errors, List<RuleVersion> all, RuleVersion shown, EditForm form,
                      String messageFor, String message, boolean ok, List<String> warnings) {
        Messages m = q.msg;
        RuleVersion current = all.isEmpty() ? null : all.get(all.size() - 1);
        RuleSet project = RulesReader.project().rules();
        RuleSet set = shown == null ? project : store().rules(shown.version()).orElseThrow();
        Shell s = Pages.shell(q, Section.ACCOUNT, m.get("admin.rules.title"), null, List.of(), PATH, errors);
        if (!all.isEmpty()) s.controls("version"); // the version picker shows its refusal; without versions, the top does

        List<RuleRow> rows = new ArrayList<>();
        int n = 1;
        for (Rule r : set.rules()) rows.add(row(m, n++, r));

        List<VersionRow> versions = new ArrayList<>();
        List<Option> options = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            RuleVersion v = all.get(i);
            boolean isShown = shown != null && v.version().equals(shown.version());
            versions.add(new VersionRow(v.version(), v.note(), v.createdBy(), when(v), v.rules(), i == all.size() - 1, isShown,
                    s.url(PATH, "version", v.version())));
            options.add(new Option(v.version(), m.format("admin.rules.versionOption", v.version(), when(v)), isShown));
        }

        Diff diff = null;
        if (shown != null) {
            int at = all.indexOf(shown);
            RuleSet before = at == 0 ? project : store().rules(all.get(at - 1).version()).orElseThrow();
            String against = at == 0 ? m.format("admin.rules.againstProject", RulesReader.PROJECT_RULES_NAME)
                    : m.format("admin.rules.againstVersion", all.get(at - 1).version());
            diff = new Diff(against, changes(m, diff(before.rules(), set.rules())));
        }

        if (form == null) {
            List<FormRow> fr = new ArrayList<>();
            int i = 0;
            for (Rule r : set.rules()) {
                fr.add(new FormRow(Integer.toString(i), Integer.toString(i + 1), r.rule(), r.parameter(), plain(r.value()),
                        r.validFrom().toString(), r.validTo() == null ? "" : r.validTo().toString(), r.source(),
                        r.confidence().name(), false, null, null));
                i++;
            }
            form = new EditForm(current == null ? "" : current.version(), shown == null ? "" : shown.version(), from(m, shown, current),
                    fr, emptyRow(m), "", null, null);
        }
        List<Option> names = new ArrayList<>();
        names.add(new Option("", m.get("admin.rules.choose"), form.added().rule().isEmpty()));
        for (Requirement rq : Requirement.values()) {
            for (String p : rq.parameters()) {
                String name = rq.code() + "." + p;
                names.add(new Option(name, m.get("registry.req." + rq.code()) + " \u2014 " + name, name.equals(form.added().name())));
            }
        }
        Pages.render(q.ctx, "account/rules.jte", new RulesPage(s, Security.token(q.ctx), tabs(m, PATH), shown, current,
                project.version(), rows, versions, options, diff, form, names, confidences(m), messageFor, message, ok, warnings));
    }

    /** The administrator's tabs: accounts and rules. */
    static List<Tab> tabs(Messages m, String path) {
        return List.of(new Tab(m.get("admin.users.link"), "/admin/users", path.equals("/admin/users")),
                new Tab(m.get("admin.rules.link"), PATH, path.equals(PATH)));
    }

    private static String from(Messages m, RuleVersion shown, RuleVersion current) {
        if (shown == null) return m.format("admin.rules.fromProject", RulesReader.PROJECT_RULES_NAME);
        if (shown.version().equals(current.version())) return m.format("admin.rules.fromCurrent", shown.version());
        return m.format("admin.rules.fromOld", shown.version(), current.version());
    }

    private static FormRow emptyRow(Messages m) {
        return new FormRow("new", m.get("admin.rules.newRow"), "", "", "", "", "", "", "", false, null, null);
    }

    private static List<Option> confidences(Messages m) {
        List<Option> out = new ArrayList<>();
        for (Confidence c : Confidence.values()) out.add(new Option(c.name(), c.name() + " \u2014 " + m.get("admin.rules.conf." + c.name()), false));
        return out;
    }

    private static RuleRow row(Messages m, int n, Rule r) {
        Requirement rq = Requirement.parse(r.rule());
        String share = rq != null && rq.isShare(r.parameter()) ? m.percent(r.value()) : "";
        return new RuleRow(n, r.name(), rq == null ? r.rule() : m.get("registry.req." + rq.code()), plain(r.value()), share,
                r.validFrom().toString(), r.validTo() == null ? "" : r.validTo().toString(), pieces(r.source()),
                r.confidence().name(), m.get("admin.rules.conf." + r.confidence().name()), r.confidence().unconfirmed());
    }

    /** A value as the rules file writes it: 0.2, 1, 3 (no grouping, no rounding). */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A source's text with its http(s) addresses as links. */
    static List<Piece> pieces(String source) {
        List<Piece> out = new ArrayList<>();
        Matcher u = URL.matcher(source);
        int at = 0;
        while (u.find()) {
            String href = u.group();
            // a citation's closing bracket or full stop is not part of the address
            while (!href.isEmpty() && ".)]".indexOf(href.charAt(href.length() - 1)) >= 0) href = href.substring(0, href.length() - 1);
            int end = u.start() + href.length();
            if (u.start() > at) out.add(new Piece(source.substring(at, u.start()), null));
            out.add(new Piece(href, href));
            at = end;
        }
        if (at < source.length()) out.add(new Piece(source.substring(at), null));
        return out;
    }

    private static String when(RuleVersion v) {
        return v.createdAt() == null ? "" : v.createdAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
    }

    // ------------------------------------------------------------------ what changed

    /** Kinds of {@link Change}. */
    enum Kind { ADDED, REMOVED, CHANGED }

    /** A difference between two versions' rows: {@code before} null when added, {@code after} null when removed. */
    record Change(Kind kind, Rule before, Rule after, List<String> fields) {
        String name() {
            return after != null ? after.name() : before.name();
        }
    }

    /**
     * What changed from {@code before} to {@code after}. Equal rows are unchanged; a row of the same
     * {@code rule.parameter} with the same {@code valid_from} (else the first one left of that name) is the same row
     * changed — so a value corrected or a date moved reads as one change, not a removal and an addition; the rest are
     * added or removed. In the order of {@code after}, removed rows after those.
     */
    static List<Change> diff(List<Rule> before, List<Rule> after) {
        boolean[] usedBefore = new boolean[before.size()];
        Rule[] pair = new Rule[after.size()];
        boolean[] same = new boolean[after.size()];
        for (int j = 0; j < after.size(); j++) {
            for (int i = 0; i < before.size(); i++) {
                if (!usedBefore[i] && before.get(i).equals(after.get(j))) {
                    usedBefore[i] = true;
                    pair[j] = before.get(i);
                    same[j] = true;
                    break;
                }
            }
        }
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < after.size(); j++) {
                if (pair[j] != null) continue;
                Rule a = after.get(j);
                for (int i = 0; i < before.size(); i++) {
                    Rule b = before.get(i);
                    if (!usedBefore[i] && b.name().equals(a.name()) && (pass == 1 || b.validFrom().equals(a.validFrom()))) {
                        usedBefore[i] = true;
                        pair[j] = b;
                        break;
                    }
                }
            }
        }
        List<Change> out = new ArrayList<>();
        for (int j = 0; j < after.size(); j++) {
            if (same[j]) continue;
            Rule a = after.get(j);
            out.add(pair[j] == null ? new Change(Kind.ADDED, null, a, List.of()) : new Change(Kind.CHANGED, pair[j], a, fields(pair[j], a)));
        }
        for (int i = 0; i < before.size(); i++) {
            if (!usedBefore[i]) out.add(new Change(Kind.REMOVED, before.get(i), null, List.of()));
        }
        return out;
    }

    private static List<String> fields(Rule b, Rule a) {
        List<String> f = new ArrayList<>();
        if (Double.compare(b.value(), a.value()) != 0) f.add("value");
        if (!b.validFrom().equals(a.validFrom())) f.add("valid_from");
        if (!String.valueOf(b.validTo()).equals(String.valueOf(a.validTo()))) f.add("valid_to");
        if (!b.source().equals(a.source())) f.add("source");
        if (b.confidence() != a.confidence()) f.add("confidence");
        return f;
    }

    private static List<ChangeRow> changes(Messages m, List<Change> changes) {
        List<ChangeRow> out = new ArrayList<>();
        for (Change c : changes) {
            List<String> details = new ArrayList<>();
            switch (c.kind()) {
                case CHANGED -> {
                    for (String f : c.fields()) details.add(f + ": " + field(c.before(), f) + " \u2192 " + field(c.after(), f));
                }
                case ADDED -> details.add(summary(c.after()));
                case REMOVED -> details.add(summary(c.before()));
                default -> throw new IllegalStateException();
            }
            String kind = c.kind().name().toLowerCase(Locale.ROOT);
            out.add(new ChangeRow(kind, m.get("admin.rules.diff." + kind), c.name(), details));
        }
        return out;
    }

    private static String field(Rule r, String f) {
        return switch (f) {
            case "value" -> plain(r.value());
            case "valid_from" -> r.validFrom().toString();
            case "valid_to" -> r.validTo() == null ? "\u2014" : r.validTo().toString();
            case "source" -> r.source();
            case "confidence" -> r.confidence().name();
            default -> throw new IllegalArgumentException(f);
        };
    }

    private static String summary(Rule r) {
        return "value " + plain(r.value()) + ", " + r.validFrom() + " \u2013 " + (r.validTo() == null ? "" : r.validTo())
                + ", " + r.confidence().name();
    }

    // ------------------------------------------------------------------ saving

    /** A form field: line breaks and tabs as spaces (every field is one line of the rules file), stripped; never null. */
    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /**
     * {@code POST /admin/rules}: {@code base}, {@code note}, {@code rows} and per row {@code rule_i, parameter_i,
     * value_i, valid_from_i, valid_to_i, source_i, confidence_i, remove_i}, and a new row {@code new_name} (rule.parameter),
     * {@code new_value} …. The rows kept are read as a rules file; any refusal draws the form again with the sentence
     * next to its row and field (422), and nothing is saved.
     */
    void saveForm(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        Messages m = q.msg;
        Principal a = Auth.user(ctx);
        List<RuleVersion> all = store().ruleVersions();
        RuleVersion current = all.isEmpty() ? null : all.get(all.size() - 1);
        String base = field(ctx, "base");
        if (!base.equals(current == null ? "" : current.version())) {
            // another administrator saved meanwhile: the rows of this form were not what is current now
            ctx.status(409);
            draw(q, Map.of(), all, current, null, "edit", current == null ? m.get("admin.rules.conflictNone")
                    : m.format("admin.rules.conflict", current.version(), current.createdBy(), when(current)), false, List.of());
            return;
        }
        int n;
        try {
            n = Integer.parseInt(field(ctx, "rows"));
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 0 || n > MAX_ROWS) {
            ctx.status(400);
            draw(q, Map.of(), all, current, null, "edit", m.format("admin.rules.badForm", MAX_ROWS), false, List.of());
            return;
        }
        List<FormRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = Integer.toString(i);
            rows.add(new FormRow(id, Integer.toString(i + 1), field(ctx, "rule_" + id), field(ctx, "parameter_" + id),
                    field(ctx, "value_" + id), field(ctx, "valid_from_" + id), field(ctx, "valid_to_" + id),
                    field(ctx, "source_" + id), field(ctx, "confidence_" + id), !field(ctx, "remove_" + id).isEmpty(), null, null));
        }
        String newName = field(ctx, "new_name");
        int dot = newName.indexOf('.');
        FormRow added = new FormRow("new", m.get("admin.rules.newRow"), dot < 0 ? newName : newName.substring(0, dot),
                dot < 0 ? "" : newName.substring(dot + 1), field(ctx, "new_value"), field(ctx, "new_valid_from"),
                field(ctx, "new_valid_to"), field(ctx, "new_source"), field(ctx, "new_confidence"), false, null, null);
        String note = field(ctx, "note");

        // the rows kept, in the form's order, then the new row when anything of it was filled in
        List<FormRow> kept = new ArrayList<>();
        for (FormRow r : rows) if (!r.removed()) kept.add(r);
        if (!added.blank()) kept.add(added);
        String noteError = note.isEmpty() ? m.get("admin.rules.noteRequired") : null;
        String error = null;
        String errorRow = null;
        String errorField = null;
        RuleSet read = null;
        if (kept.isEmpty()) {
            error = m.text(DataText.data("platform.rules.empty"));
        } else {
            try {
                read = readRows(kept);
            } catch (InputException e) {
                int at = (int) e.line() - 2; // the header is line 1
                FormRow r = at >= 0 && at < kept.size() ? kept.get(at) : null;
                String sentence = m.text(rowPlaces(e.problem(), kept));
                if (r == null) {
                    error = m.text(Texts.of(e));
                } else {
                    errorRow = r.id();
                    errorField = e.column() == null ? "" : e.column();
                    error = e.column() == null ? m.format("admin.rules.rowError", r.label(), sentence)
                            : m.format("admin.rules.fieldError", r.label(), e.column(), sentence);
                }
            }
        }
        if (error == null && noteError == null && read != null && current != null
                && read.rules().equals(store().rules(current.version()).orElseThrow().rules())) {
            error = m.format("admin.rules.unchanged", current.version());
        }
        if (error == null && noteError == null) {
            try {
                String v = store().saveRules(a.actor(), read, note);
                ctx.redirect(PATH + "?version=" + v + "&done=saved", HttpStatus.SEE_OTHER);
                return;
            } catch (StoreException e) {
                error = m.text(Texts.of(e));
            }
        }
        List<FormRow> shownRows = new ArrayList<>();
        for (FormRow r : rows) shownRows.add(r.id().equals(errorRow) ? r.refused(errorField, error) : r);
        if ("new".equals(errorRow)) added = added.refused(errorField, error);
        // drawn again beside the version its rows came from
        String fromVersion = field(ctx, "from");
        RuleVersion shown = all.stream().filter(v -> v.version().equals(fromVersion)).findFirst().orElse(current);
        EditForm form = new EditForm(base, shown == null ? "" : shown.version(), from(m, shown, current), shownRows, added, note,
                noteError, errorRow == null ? error : null);
        ctx.status(422);
        draw(q, Map.of(), all, shown, form, "edit", m.get("admin.rules.notSaved"), false, List.of());
    }

    /** Reads the form's rows as the rules file {@link RulesReader} reads (written to a private temporary file). */
    private static RuleSet readRows(List<FormRow> rows) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (FormRow r : rows) {
            csv.append(quote(r.rule())).append(',').append(quote(r.parameter())).append(',').append(quote(r.value())).append(',')
                    .append(quote(r.validFrom())).append(',').append(quote(r.validTo())).append(',').append(quote(r.source()))
                    .append(',').append(quote(r.confidence())).append('\n');
        }
        Path dir = Files.createTempDirectory("klaster-rules");
        Path file = dir.resolve("rules.csv");
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            return RulesReader.read(file).rules();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static String quote(String v) {
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    /**
     * The reader's sentence with its places as rows of the form: "first on line 3" of the file written from the form
     * becomes "first on row 2" (the reader names the other row of an overlap).
     */
    private static Text rowPlaces(Text t, List<FormRow> kept) {
        if (t == null) return null;
        if (t.key().equals("at.line") && t.args().size() == 1 && t.args().get(0) instanceof Number line) {
            int at = line.intValue() - 2;
            if (at >= 0 && at < kept.size()) return Messages.text("admin.rules.atRow", kept.get(at).label());
        }
        List<Object> args = new ArrayList<>();
        for (Object o : t.args()) args.add(o instanceof Text x ? rowPlaces(x, kept) : o);
        return new Text(t.bundle(), t.key(), args);
    }

    /** {@code POST /admin/rules/upload} (multipart: {@code file}, {@code note}): a rules file as the next version. */
    void upload(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        Messages m = q.msg;
        if (ctx.req().getContentLengthLong() > DataPages.MAX_REQUEST_BYTES) {
            refuse(ctx, q, "upload", 413, DataPages.tooLarge(m));
            return;
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            refuse(ctx, q, "upload", 400, m.get("upload.malformed"));
            return;
        }
        UploadedFile f;
        String note;
        try {
            ctx.formParamMap();
            f = ctx.uploadedFile("file");
            note = field(ctx, "note");
        } catch (RuntimeException e) {
            refuse(ctx, q, "upload", DataPages.oversize(e) ? 413 : 400, DataPages.oversize(e) ? DataPages.tooLarge(m) : m.get("upload.malformed"));
            return;
        }
        if (f == null || f.filename() == null || f.filename().isBlank()) {
            refuse(ctx, q, "upload", 422, m.get("admin.rules.noFile"));
            return;
        }
        if (f.size() > DataPages.MAX_UPLOAD_BYTES) {
            refuse(ctx, q, "upload", 413, DataPages.tooLarge(m));
            return;
        }
        String name = DataPages.safeName(f.filename());
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!List.of("csv", "txt", "xlsx").contains(ext)) {
            refuse(ctx, q, "upload", 422, m.format("upload.badType", name, "csv, txt, xlsx"));
            return;
        }
        Path dir = Files.createTempDirectory("klaster-rules");
        try {
            Path file = dir.resolve(name);
            try (InputStream in = f.content()) {
                Files.copy(in, file);
            }
            String sniff = DataPages.sniff(file, ext);
            if (sniff != null) {
                refuse(ctx, q, "upload", 422, m.format(sniff, name));
                return;
            }
            RulesReader.Result r;
            try {
                r = RulesReader.read(file);
            } catch (InputException e) {
                refuse(ctx, q, "upload", 422, m.text(Texts.of(e)));
                return;
            }
            save(ctx, q, "upload", r.rules(), note.isEmpty() ? name : note, r.warnings().stream().map(m::text).toList());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code POST /admin/rules/project} ({@code note}): the project's own {@code rules-779.csv} as the next version. */
    void restoreProject(Context ctx) {
        Req q = Req.of(ctx, wb);
        String note = field(ctx, "note");
        save(ctx, q, "project", RulesReader.project().rules(), note.isEmpty() ? RulesReader.PROJECT_RULES_NAME : note, List.of());
    }

    /** Saves a whole rule set read from a file; the same rows as the current version are not saved again. */
    private void save(Context ctx, Req q, String form, RuleSet rules, String note, List<String> warnings) {
        Messages m = q.msg;
        List<RuleVersion> all = store().ruleVersions();
        RuleVersion current = all.isEmpty() ? null : all.get(all.size() - 1);
        if (current != null && rules.rules().equals(store().rules(current.version()).orElseThrow().rules())) {
            refuse(ctx, q, form, 422, m.format("admin.rules.unchanged", current.version()));
            return;
        }
        String v;
        try {
            v = store().saveRules(Auth.user(ctx).actor(), rules, note);
        } catch (StoreException e) {
            refuse(ctx, q, form, 422, m.text(Texts.of(e)));
            return;
        }
        if (warnings.isEmpty()) {
            ctx.redirect(PATH + "?version=" + v + "&done=saved", HttpStatus.SEE_OTHER);
            return;
        }
        // the warnings (columns ignored) are shown once, with the version saved
        ctx.status(201);
        List<RuleVersion> now = store().ruleVersions();
        draw(q, Map.of(), now, now.get(now.size() - 1), null, "page", m.format("admin.rules.saved", v, rules.rules().size()),
                true, warnings);
    }

    private void refuse(Context ctx, Req q, String form, int status, String sentence) {
        ctx.status(status);
        List<RuleVersion> all = store().ruleVersions();
        draw(q, Map.of(), all, all.isEmpty() ? null : all.get(all.size() - 1), null, form, sentence, false, List.of());
    }
}
