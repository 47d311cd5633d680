package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.data.formats.RulesReader;
import org.klaster.data.store.Actor;
import org.klaster.data.store.AuditEntry;
import org.klaster.data.store.RuleVersion;
import org.klaster.registry.Confidence;
import org.klaster.registry.Rule;
import org.klaster.registry.RuleSet;

/**
 * The administrator's rules page ({@code /admin/rules}, issue 11: rules are data, edited by an administrator, versioned)
 * over HTTP, as the accounts of {@link RegistryServer} use it: only administrators reach it; the table of a version with
 * its [M] rows marked and its sources linked; an edit saves a new version (never changing one) with an audit entry; a
 * refused row names its row and field in the page's language and saves nothing; CSRF; old versions and what changed;
 * uploads read as {@code klaster registry rules --save FILE} reads them; the project's rules restored; the compliance
 * report naming the version, linking administrators to it, and leaving out the unconfirmed rows on request.
 *
 * <p>The project's rules (the row numbers below): 1 contract_link.min_contracts, 2 inside_output_share.min_share 0.5
 * to 2018-08-12, 3 inside_output_share.min_share 0.2 from 2018-08-13, 4–8 the 2022 amendment, 9 min_participants.min 10 [M].
 */
class AdminRulesTest {

    static RegistryServer server;

    @BeforeAll
    static void start() {
        server = new RegistryServer();
        // version 1: the project's file, as klaster registry rules --save project leaves it
        server.ps.saveRules(Actor.cli(), RulesReader.project().rules(), RulesReader.PROJECT_RULES_NAME);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static RuleVersion current() {
        List<RuleVersion> all = server.ps.ruleVersions();
        return all.get(all.size() - 1);
    }

    private static RuleSet rules(String version) {
        return server.ps.rules(version).orElseThrow();
    }

    /** The project's rows as the current version (tests that count on them; the others leave other rows behind). */
    private static void reset() {
        List<Rule> project = RulesReader.project().rules().rules();
        if (!rules(current().version()).rules().equals(project)) {
            server.ps.saveRules(Actor.cli(), RulesReader.project().rules(), "reset (test)");
        }
    }

    // ------------------------------------------------------------------ the edit form as a browser sends it

    private static final Pattern FORM = Pattern.compile("<form id=\"rules-form\".*?</form>", Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input ([^>]*)>");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL);
    private static final Pattern SELECT = Pattern.compile("<select name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option value=\"([^\"]*)\" selected>");

    /** The fields of the edit form on {@code page}, as a browser would send them unchanged (checked boxes only). */
    static Map<String, String> formFields(String page) {
        Matcher f = FORM.matcher(page);
        assertThat(f.find()).as("the edit form").isTrue();
        String form = f.group();
        Map<String, String> out = new LinkedHashMap<>();
        Matcher i = INPUT.matcher(form);
        while (i.find()) {
            String a = i.group(1);
            String name = attr(a, "name");
            if (name == null) continue;
            if (a.contains("type=\"checkbox\"") && !a.contains(" checked")) continue;
            String v = attr(a, "value");
            out.put(name, v == null ? "" : v);
        }
        Matcher t = TEXTAREA.matcher(form);
        while (t.find()) out.put(t.group(1), unescape(t.group(2)));
        Matcher s = SELECT.matcher(form);
        while (s.find()) {
            Matcher o = SELECTED.matcher(s.group(2));
            out.put(s.group(1), o.find() ? unescape(o.group(1)) : "");
        }
        return out;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("\"", "\"").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }

    /** The edit form of the current version, with {@code changes} made and the page's token. */
    private static HttpResponse<String> edit(RegistryServer.Client admin, String lang, Map<String, String> changes) throws Exception {
        Map<String, String> f = formFields(admin.page("/admin/rules?lang=" + lang));
        f.putAll(changes);
        return admin.post("/admin/rules?lang=" + lang, f);
    }

    // ------------------------------------------------------------------ access

    @Test
    void anonymousVisitorsAndOtherRolesAreRefused() throws Exception {
        int versions = server.ps.ruleVersions().size();
        RegistryServer.Client anon = server.as(null);
        HttpResponse<String> r = anon.get("/admin/rules?lang=en");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("location").orElse("")).startsWith("/signin?next=");
        anon.token("/signin");
        for (String path : List.of("/admin/rules", "/admin/rules/project")) {
            assertThat(anon.post(path, Map.of("note", "x", "base", current().version())).statusCode()).as(path).isEqualTo(302);
        }
        for (String who : List.of("analyst", "viewer", "sam", "member")) {
            RegistryServer.Client c = server.as(who);
            HttpResponse<String> page = c.get("/admin/rules?lang=en");
            assertThat(page.statusCode()).as(who).isEqualTo(403);
            assertThat(page.body()).as(who).contains("role does not allow this");
            // no link to the page either, in the header or in the report
            String registry = c.page("/registry?lang=en");
            assertThat(registry).as(who).doesNotContain("id=\"rules-link\"");
            c.token("/registry");
            for (String path : List.of("/admin/rules", "/admin/rules/project")) {
                assertThat(c.post(path + "?lang=en", Map.of("note", "x", "base", current().version())).statusCode())
                        .as(who + " " + path).isEqualTo(403);
            }
            assertThat(c.multipart("/admin/rules/upload?lang=en", Map.of(), Map.of("file",
                    new String[] {"rules.csv", "rule,parameter,value,valid_from,valid_to,source,confidence\n"
                            + "contract_link,min_contracts,5,2015-07-31,,x,V\n"})).statusCode()).as(who).isEqualTo(403);
        }
        assertThat(server.ps.ruleVersions()).hasSize(versions);
        assertThat(server.as("admin").page("/registry?lang=en")).contains("id=\"rules-link\"", "href=\"/admin/rules\"");
    }

    // ------------------------------------------------------------------ the page

    @Test
    void theAdministratorSeesTheVersionAsATableInEnglishAndRussian() throws Exception {
        reset();
        RegistryServer.Client admin = server.as("admin");
        RuleVersion v = current();
        String en = admin.page("/admin/rules?lang=en");
        assertThat(en).contains("<h1>Compliance rules</h1>", "Version " + v.version(), "id=\"current-tag\"", "id=\"version-note\">"
                + v.note() + "<", "id=\"version-by\">" + v.createdBy() + "<", "id=\"rules\"", "id=\"versions\"", "id=\"rules-form\"",
                "id=\"rules-upload-form\"", "id=\"rules-project-form\"").doesNotContain("\u27e6");
        int rows = rules(v.version()).rules().size();
        for (int n = 1; n <= rows; n++) assertThat(en).contains("id=\"rule-" + n + "\"");
        assertThat(en).doesNotContain("id=\"rule-" + (rows + 1) + "\"");
        // the unconfirmed row is marked, the confirmed ones are not; sources are links
        String m = rowOf(en, rowNumber(v.version(), "min_participants.min"));
        assertThat(m).contains("unconfirmed-row", "[M] unconfirmed", "<code>min_participants.min</code>",
                "href=\"https://rulaws.ru/goverment/Postanovlenie-Pravitelstva-RF-ot-31.07.2015-N-779/\"");
        String link = rowOf(en, rowNumber(v.version(), "contract_link.min_contracts"));
        assertThat(link).doesNotContain("[M]").doesNotContain("unconfirmed-row")
                .contains("href=\"http://www.frpkk.ru/promyshlennye-klastery/o-klasterakh.php?stype=special\"");
        // a share shows as written and as a percentage
        assertThat(rowOf(en, rowNumber(v.version(), "functional_dependence.special_share"))).contains("0.3", "30");

        String ru = admin.page("/admin/rules?lang=ru");
        assertThat(ru).contains("<h1>Правила соответствия</h1>", "Версия " + v.version(), "[M] не подтверждено", "Изменить правила",
                "Загрузить файл правил", "Вернуть правила проекта").doesNotContain("\u27e6");
        // the accounts page and this one share the administrator's tabs
        assertThat(admin.page("/admin/users?lang=en")).contains("href=\"/admin/rules\"");
    }

    private static String rowOf(String page, int n) {
        int at = page.indexOf("<tr id=\"rule-" + n + "\"");
        assertThat(at).as("row " + n).isGreaterThanOrEqualTo(0);
        return page.substring(at, page.indexOf("</tr>", at));
    }

    /** The 1-based row of {@code name} in a version (its first row of that name). */
    private static int rowNumber(String version, String name) {
        List<Rule> rs = rules(version).rules();
        for (int i = 0; i < rs.size(); i++) if (rs.get(i).name().equals(name)) return i + 1;
        throw new AssertionError(name);
    }

    /** The form index of the open-ended row of {@code name} in the current version. */
    private static int openRow(String name) {
        List<Rule> rs = rules(current().version()).rules();
        for (int i = 0; i < rs.size(); i++) if (rs.get(i).name().equals(name) && rs.get(i).validTo() == null) return i;
        throw new AssertionError(name);
    }

    // ------------------------------------------------------------------ editing

    @Test
    void editingAValueSavesANewVersionWithAnAuditEntry() throws Exception {
        reset();
        RegistryServer.Client admin = server.as("admin");
        RuleVersion before = current();
        List<Rule> old = rules(before.version()).rules();
        int i = openRow("inside_output_share.min_share");
        double was = old.get(i).value();
        String now = was == 0.25 ? "0.3" : "0.25";
        HttpResponse<String> r = edit(admin, "en", Map.of("value_" + i, now, "note", "cooperation share raised (test)"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        RuleVersion after = current();
        assertThat(Integer.parseInt(after.version())).isEqualTo(Integer.parseInt(before.version()) + 1);
        assertThat(r.headers().firstValue("location").orElse("")).isEqualTo("/admin/rules?version=" + after.version() + "&done=saved");
        assertThat(after.note()).isEqualTo("cooperation share raised (test)");
        assertThat(after.createdBy()).isEqualTo("admin");
        List<Rule> saved = rules(after.version()).rules();
        assertThat(saved).hasSameSizeAs(old);
        assertThat(saved.get(i).value()).isEqualTo(Double.parseDouble(now));
        for (int k = 0; k < old.size(); k++) {
            if (k != i) assertThat(saved.get(k)).as("row " + k).isEqualTo(old.get(k));
        }
        assertThat(saved.get(i)).isEqualTo(new Rule(old.get(i).rule(), old.get(i).parameter(), Double.parseDouble(now),
                old.get(i).validFrom(), old.get(i).validTo(), old.get(i).source(), old.get(i).confidence()));
        // the earlier version is untouched
        assertThat(rules(before.version()).rules()).isEqualTo(old);
        // the audit trail names the administrator, the version and the note
        List<AuditEntry> audit = server.ps.audit("rules", after.version(), 10);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).actor()).isEqualTo("admin");
        assertThat(audit.get(0).action()).isEqualTo("create");
        assertThat(audit.get(0).after()).contains("cooperation share raised (test)");

        // the page after the save: the message, the new version current, what changed from the one before
        String page = admin.page("/admin/rules?version=" + after.version() + "&done=saved&lang=en");
        assertThat(page).contains("id=\"rules-message\"", "Version " + after.version() + " saved", "id=\"current-tag\"",
                "What changed from version " + before.version(), "1 changed, 0 added, 0 removed",
                "value: " + RulesPages.plain(was) + " \u2192 " + now, "<code>inside_output_share.min_share</code>");
        // and the compliance report uses it, naming the version; administrators get the way to its rows
        String report = admin.page("/registry/clusters/SAM-AUTO/compliance?lang=en");
        assertThat(report).contains("version " + after.version() + " (saved in the registry)",
                "id=\"rules-edit-link\"", "href=\"/admin/rules?version=" + after.version() + "\"");
        assertThat(server.as("analyst").page("/registry/clusters/SAM-AUTO/compliance?lang=en"))
                .contains("version " + after.version() + " (saved in the registry)").doesNotContain("id=\"rules-edit-link\"");
    }

    @Test
    void addingAndRemovingRows() throws Exception {
        reset();
        RegistryServer.Client admin = server.as("admin");
        RuleVersion before = current();
        List<Rule> old = rules(before.version()).rules();
        int m = openRow("min_participants.min");
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("remove_" + m, "on");
        changes.put("new_name", "min_participants.min");
        changes.put("new_value", "5");
        changes.put("new_valid_from", "2015-07-31");
        changes.put("new_valid_to", "");
        changes.put("new_source", "A test's source: https://example.org/decree-779");
        changes.put("new_confidence", "S");
        changes.put("note", "five enterprises, one secondary source (test)");
        HttpResponse<String> r = edit(admin, "en", changes);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        RuleVersion after = current();
        List<Rule> saved = rules(after.version()).rules();
        assertThat(saved).hasSameSizeAs(old);
        Rule added = new Rule("min_participants", "min", 5, LocalDate.parse("2015-07-31"), null,
                "A test's source: https://example.org/decree-779", Confidence.S);
        assertThat(saved.get(saved.size() - 1)).isEqualTo(added);
        assertThat(saved).doesNotContain(old.get(m));
        // the same rule.parameter from the same day: read as the row changed, not one removed and one added
        String page = admin.page("/admin/rules?lang=en");
        assertThat(page).contains("1 changed, 0 added, 0 removed", "value: 10 \u2192 5", "confidence: M \u2192 S",
                "href=\"https://example.org/decree-779\"");
        // removing a row alone
        int n = openRow("newcomers.grace_years");
        r = edit(admin, "en", Map.of("remove_" + n, "on", "note", "no grace period (test)"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(rules(current().version()).rules()).hasSize(saved.size() - 1);
        assertThat(admin.page("/admin/rules?lang=en")).contains("0 changed, 0 added, 1 removed", "diff-removed");
    }

    @Test
    void refusedRowsNameRowAndFieldAndSaveNothing() throws Exception {
        reset();
        RegistryServer.Client admin = server.as("admin");
        int versions = server.ps.ruleVersions().size();
        int i = openRow("inside_output_share.min_share");
        String row = Integer.toString(i + 1);
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("valid_from_" + i, new String[] {"2024-13-45", "Row " + row + ", valid_from: \"2024-13-45\" is not a date"});
        cases.put("value_" + i, new String[] {"abc", "Row " + row + ", value: \"abc\" is not a number"});
        cases.put("value_" + i + " ", new String[] {"20", "is not a share: shares are fractions from 0 to 1"});
        cases.put("valid_to_" + i, new String[] {"2018-01-01", "Row " + row + ", valid_to: valid_to 2018-01-01 is before valid_from"});
        cases.put("confidence_" + i, new String[] {"X", "Row " + row + ", confidence: \"X\" is not a confidence mark"});
        cases.put("source_" + i, new String[] {"", "Row " + row + ", source: the source is empty"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            HttpResponse<String> r = edit(admin, "en", Map.of(c.getKey().strip(), c.getValue()[0], "note", "a refused edit"));
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(422);
            assertThat(r.body()).as(c.getKey()).contains("id=\"error-row-" + i + "\"", "Nothing was saved.", c.getValue()[1]);
            // the form keeps what was typed, and marks the field
            assertThat(r.body()).as(c.getKey()).contains("aria-invalid=\"true\"");
        }
        // a new row in force on days another row covers: the other row is named by its row of the form
        HttpResponse<String> overlap = edit(admin, "en", Map.of("new_name", "inside_output_share.min_share", "new_value", "0.3",
                "new_valid_from", "2019-01-01", "new_source", "x", "new_confidence", "V", "note", "an overlap"));
        assertThat(overlap.statusCode()).isEqualTo(422);
        assertThat(overlap.body()).contains("id=\"error-row-new\"", "Row new, valid_from: rule inside_output_share.min_share is already"
                + " in force on some of these days (first on row " + row + ")");
        // no note
        HttpResponse<String> noNote = edit(admin, "en", Map.of("value_" + i, "0.21", "note", " "));
        assertThat(noNote.statusCode()).isEqualTo(422);
        assertThat(noNote.body()).contains("id=\"error-note\"", "Write a note").contains("value=\"0.21\"");
        // nothing changed
        HttpResponse<String> same = edit(admin, "en", Map.of("note", "the same rows"));
        assertThat(same.statusCode()).isEqualTo(422);
        assertThat(same.body()).contains("Nothing to save: the rows are those of version " + current().version());
        // in Russian: the reader's sentence and the form's place
        HttpResponse<String> ru = edit(admin, "ru", Map.of("valid_from_" + i, "2024-13-45", "note", "отклонено"));
        assertThat(ru.statusCode()).isEqualTo(422);
        assertThat(ru.body()).contains("Строка " + row + ", valid_from: «2024-13-45» — не дата", "Ничего не сохранено.");
        assertThat(server.ps.ruleVersions()).hasSize(versions);
    }

    @Test
    void formsNeedTheirTokenAndTheSameOrigin() throws Exception {
        RegistryServer.Client admin = server.as("admin");
        int versions = server.ps.ruleVersions().size();
        Map<String, String> f = formFields(admin.page("/admin/rules?lang=en"));
        f.put("value_0", "7");
        f.put("note", "forged");
        Map<String, String> noToken = new LinkedHashMap<>(f);
        noToken.remove("_csrf");
        assertThat(admin.form("/admin/rules", noToken, Map.of("Origin", server.base())).statusCode()).isEqualTo(403);
        assertThat(admin.form("/admin/rules", f, Map.of("Origin", "http://evil.example")).statusCode()).isEqualTo(403);
        Map<String, String> othersToken = new LinkedHashMap<>(f);
        othersToken.put("_csrf", server.as("admin").token("/admin/rules"));
        assertThat(admin.form("/admin/rules", othersToken, Map.of("Origin", server.base())).statusCode()).isEqualTo(403);
        assertThat(admin.form("/admin/rules/project", Map.of("note", "forged"), Map.of("Origin", server.base())).statusCode())
                .isEqualTo(403);
        assertThat(server.ps.ruleVersions()).hasSize(versions);
    }

    /** A form drawn before another administrator saved is refused whole: their version is not overwritten by stale rows. */
    @Test
    void aStaleFormIsRefused() throws Exception {
        RegistryServer.Client admin = server.as("admin");
        Map<String, String> f = formFields(admin.page("/admin/rules?lang=en"));
        RuleSet now = rules(current().version());
        List<Rule> changed = new java.util.ArrayList<>(now.rules());
        Rule first = changed.get(0);
        changed.set(0, new Rule(first.rule(), first.parameter(), first.value() + 1, first.validFrom(), first.validTo(), first.source(),
                first.confidence()));
        server.ps.saveRules(Actor.cli(), new RuleSet(changed, "test"), "meanwhile (test)");
        int versions = server.ps.ruleVersions().size();
        f.put("note", "stale");
        f.put("value_1", "2");
        HttpResponse<String> r = admin.post("/admin/rules?lang=en", f);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("Another save came first: version " + current().version() + " by cli:");
        assertThat(server.ps.ruleVersions()).hasSize(versions);
    }

    @Test
    void oldVersionsStayViewable() throws Exception {
        RegistryServer.Client admin = server.as("admin");
        // a current version whose rows differ from version 1's
        String first = RulesPages.plain(rules(current().version()).rules().get(0).value() + 1);
        assertThat(edit(admin, "en", Map.of("value_0", first, "note", "one contract more (test)")).statusCode()).isEqualTo(303);
        RuleVersion cur = current();
        String page = admin.page("/admin/rules?version=1&lang=en");
        assertThat(page).contains("Version 1", "id=\"old-tag\"", "an earlier version; the current one is " + cur.version(),
                "What changed from the project", "Nothing: the rows are the same.", "id=\"version-note\">rules-779.csv<",
                "The form holds the rows of version 1, not of the current version " + cur.version())
                .contains("href=\"/admin/rules?version=" + cur.version() + "\"");
        // its rows are the project's, whatever came later
        assertThat(rules("1").rules()).isEqualTo(RulesReader.project().rules().rules());
        // its form saves its rows as the next version: version 1 made current again (a refusal keeps the form's origin)
        Map<String, String> f = formFields(page);
        f.put("note", "");
        HttpResponse<String> refused = admin.post("/admin/rules?lang=en", f);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"error-note\"", "The form holds the rows of version 1, not of the current version");
        f.put("note", "back to version 1 (test)");
        assertThat(admin.post("/admin/rules?lang=en", f).statusCode()).isEqualTo(303);
        assertThat(rules(current().version()).rules()).isEqualTo(rules("1").rules());
        assertThat(admin.page("/admin/rules?lang=en")).contains("value: " + first + " \u2192 " + RulesPages.plain(rules("1").rules()
                .get(0).value()));
        // an unknown version: said next to the picker, the current version drawn
        HttpResponse<String> none = admin.get("/admin/rules?version=999&lang=en");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("id=\"error-version\"", "There is no rules version 999.", "id=\"current-tag\"");
        assertThat(admin.get("/admin/rules?version=x%27%3E&lang=ru").body()).contains("Версии правил x'&gt; нет");
    }

    @Test
    void uploadsAreReadAsTheCommandLineReadsThem() throws Exception {
        RegistryServer.Client admin = server.as("admin");
        admin.token("/admin/rules");
        int versions = server.ps.ruleVersions().size();
        String header = "rule,parameter,value,valid_from,valid_to,source,confidence\n";
        // a malformed file: the reader's sentence with the file, line and column; nothing saved
        HttpResponse<String> bad = admin.multipart("/admin/rules/upload?lang=en", Map.of("note", "bad"), Map.of("file",
                new String[] {"my-rules.csv", header + "contract_link,min_contracts,1,2015-07-31,,src,V\n"
                        + "inside_output_share,min_share,abc,2018-08-13,,src,V\n"}));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"upload-message\"", "my-rules.csv, line 3, column \"value\": \"abc\" is not a number");
        HttpResponse<String> badRu = admin.multipart("/admin/rules/upload?lang=ru", Map.of(), Map.of("file",
                new String[] {"my-rules.csv", header + "contract_link,min_contracts,1,2015-07-31,,src,W\n"}));
        assertThat(badRu.statusCode()).isEqualTo(422);
        assertThat(badRu.body()).contains("my-rules.csv, строка 2, столбец «confidence»");
        HttpResponse<String> unknown = admin.multipart("/admin/rules/upload?lang=en", Map.of(), Map.of("file",
                new String[] {"r.csv", header + "contract_links,min_contracts,1,2015-07-31,,src,V\n"}));
        assertThat(unknown.body()).contains("r.csv, line 2, column \"rule\": rule \"contract_links\" is unknown");
        assertThat(admin.multipart("/admin/rules/upload?lang=en", Map.of(), Map.of("file", new String[] {"r.pdf", "x"})).statusCode())
                .isEqualTo(422);
        assertThat(admin.multipart("/admin/rules/upload?lang=en", Map.of(), Map.of()).body()).contains("Choose a rules file");
        assertThat(admin.post("/admin/rules/upload?lang=en", Map.of("note", "not multipart")).statusCode()).isEqualTo(400);
        assertThat(server.ps.ruleVersions()).hasSize(versions);

        // a good file: the next version, noted with the file's name unless a note is given
        String csv = header + "contract_link,min_contracts,2,2015-07-31,,\"Uploaded, test\",S\n"
                + "inside_output_share,min_share,0.2,2018-08-13,,https://example.org/779,V\n";
        HttpResponse<String> ok = admin.multipart("/admin/rules/upload?lang=en", Map.of(), Map.of("file", new String[] {"two.csv", csv}));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(303);
        RuleVersion v = current();
        assertThat(v.note()).isEqualTo("two.csv");
        assertThat(rules(v.version()).rules()).containsExactly(
                new Rule("contract_link", "min_contracts", 2, LocalDate.parse("2015-07-31"), null, "Uploaded, test", Confidence.S),
                new Rule("inside_output_share", "min_share", 0.2, LocalDate.parse("2018-08-13"), null, "https://example.org/779", Confidence.V));
        assertThat(server.ps.audit("rules", v.version(), 10)).hasSize(1);
        // the same file again: nothing new to save
        HttpResponse<String> again = admin.multipart("/admin/rules/upload?lang=en", Map.of("note", "again"), Map.of("file",
                new String[] {"two.csv", csv}));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Nothing to save");
        assertThat(server.ps.ruleVersions()).hasSize(versions + 1);

        // and the project's rules restored: the next version, equal to the shipped file
        HttpResponse<String> restored = admin.post("/admin/rules/project?lang=en", Map.of("note", ""));
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(303);
        assertThat(current().note()).isEqualTo("rules-779.csv");
        assertThat(rules(current().version()).rules()).isEqualTo(RulesReader.project().rules().rules());
        HttpResponse<String> twice = admin.post("/admin/rules/project?lang=en", Map.of("note", "again"));
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("id=\"project-message\"", "Nothing to save");
        assertThat(server.ps.ruleVersions()).hasSize(versions + 2);

        // a column the format does not have: saved, and the warning shown with the version (not redirected away)
        HttpResponse<String> extra = admin.multipart("/admin/rules/upload?lang=en", Map.of("note", "with a comment column"),
                Map.of("file", new String[] {"commented.csv", "rule,parameter,value,valid_from,valid_to,source,confidence,comment\n"
                        + "contract_link,min_contracts,1,2015-07-31,,src,V,checked by phone\n"}));
        assertThat(extra.statusCode()).as(extra.body()).isEqualTo(201);
        assertThat(extra.body()).contains("id=\"rules-message\"", "Version " + current().version() + " saved (1 rule(s))",
                "column \"comment\" is not part of the rules format and was ignored");
        assertThat(current().note()).isEqualTo("with a comment column");
        assertThat(server.ps.ruleVersions()).hasSize(versions + 3);
    }

    /** The report names the version it used; "leave out unconfirmed" drops the [M] rule and says so. */
    @Test
    void theComplianceReportNamesTheVersionAndLeavesOutUnconfirmedRules() throws Exception {
        reset();
        RegistryServer.Client analyst = server.as("analyst");
        String v = current().version();
        boolean hasM = rules(v).rules().stream().anyMatch(r -> r.confidence().unconfirmed() && r.inForce(LocalDate.parse("2025-06-30")));
        String all = analyst.page("/registry/clusters/SAM-AUTO/compliance?lang=en&as_of=2025-06-30&year=2024");
        String without = analyst.page("/registry/clusters/SAM-AUTO/compliance?lang=en&as_of=2025-06-30&year=2024&unconfirmed=exclude");
        for (String page : List.of(all, without)) assertThat(page).contains("version " + current().version() + " (saved in the registry)");
        assertThat(all).doesNotContain("unconfirmed [M] rules left out");
        assertThat(without).contains("unconfirmed [M] rules left out", "id=\"unconfirmed\" name=\"unconfirmed\" value=\"exclude\" checked");
        if (hasM) {
            String card = without.substring(without.indexOf("id=\"req-min_participants\""));
            assertThat(card.substring(0, card.indexOf("</article>"))).contains("Left out: its rule is unconfirmed [M].");
        }
    }

    /** Without any saved version the page shows the project's file; restoring it makes version 1. */
    @Test
    void withoutAVersionThePageShowsTheProjectFile() throws Exception {
        try (RegistryServer fresh = new RegistryServer()) {
            RegistryServer.Client admin = fresh.as("admin");
            String page = admin.page("/admin/rules?lang=en");
            assertThat(page).contains("The project's rules-779.csv", "id=\"no-version\"", "No version saved yet.", "id=\"rules-form\"")
                    .doesNotContain("id=\"diff\"");
            assertThat(admin.page("/registry/clusters/SAM-AUTO/compliance?lang=en")).contains("no version saved in the registry yet",
                    "href=\"/admin/rules\"");
            HttpResponse<String> r = admin.post("/admin/rules/project?lang=en", Map.of("note", "first version"));
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(fresh.ps.ruleVersions()).hasSize(1);
            assertThat(fresh.ps.ruleVersions().get(0).note()).isEqualTo("first version");
            assertThat(admin.page("/admin/rules?version=1&done=saved&lang=en")).contains("Version 1 saved (9 rule(s))",
                    "What changed from the project's rules-779.csv", "Nothing: the rows are the same.");
        }
    }

    // ------------------------------------------------------------------ what changed, by hand

    @Test
    void theDifferenceOfTwoVersions() {
        LocalDate d1 = LocalDate.parse("2015-07-31");
        LocalDate d2 = LocalDate.parse("2018-08-13");
        Rule a = new Rule("contract_link", "min_contracts", 1, d1, null, "s", Confidence.V);
        Rule b1 = new Rule("inside_output_share", "min_share", 0.5, d1, LocalDate.parse("2018-08-12"), "s", Confidence.V);
        Rule b2 = new Rule("inside_output_share", "min_share", 0.2, d2, null, "s", Confidence.V);
        Rule c = new Rule("min_participants", "min", 10, d1, null, "s", Confidence.M);
        Rule b2later = new Rule("inside_output_share", "min_share", 0.25, LocalDate.parse("2018-09-01"), null, "t", Confidence.S);
        Rule n = new Rule("newcomers", "max", 3, d2, null, "s", Confidence.V);
        List<RulesPages.Change> ch = RulesPages.diff(List.of(a, b1, b2, c), List.of(a, b1, b2later, n));
        assertThat(ch).hasSize(3);
        // b2 → b2later: no row of that name and day is left, so the first other row of the name: changed, four fields
        assertThat(ch.get(0).kind()).isEqualTo(RulesPages.Kind.CHANGED);
        assertThat(ch.get(0).before()).isEqualTo(b2);
        assertThat(ch.get(0).fields()).containsExactly("value", "valid_from", "source", "confidence");
        assertThat(ch.get(1)).isEqualTo(new RulesPages.Change(RulesPages.Kind.ADDED, null, n, List.of()));
        assertThat(ch.get(2)).isEqualTo(new RulesPages.Change(RulesPages.Kind.REMOVED, c, null, List.of()));
        // a value changed in place pairs with the row of the same day, not an earlier one of the name
        Rule b1changed = new Rule("inside_output_share", "min_share", 0.4, d1, LocalDate.parse("2018-08-12"), "s", Confidence.V);
        List<RulesPages.Change> one = RulesPages.diff(List.of(b1, b2), List.of(b2, b1changed));
        assertThat(one).containsExactly(new RulesPages.Change(RulesPages.Kind.CHANGED, b1, b1changed, List.of("value")));
        assertThat(RulesPages.diff(List.of(a, b1), List.of(a, b1))).isEmpty();
        // sources: every address a link, a citation's closing punctuation left out
        assertThat(RulesPages.pieces("see https://a.example/x; and (http://b.example/y).")).containsExactly(
                new RulesPages.Piece("see ", null), new RulesPages.Piece("https://a.example/x", "https://a.example/x"),
                new RulesPages.Piece("; and (", null), new RulesPages.Piece("http://b.example/y", "http://b.example/y"),
                new RulesPages.Piece(").", null));
        assertThat(RulesPages.plain(0.2)).isEqualTo("0.2");
        assertThat(RulesPages.plain(10)).isEqualTo("10");
    }
}
