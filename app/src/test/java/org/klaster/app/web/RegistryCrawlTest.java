package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Registry section walked signed in, as {@link RussianCrawlTest} and {@link KnownParametersTest} walk the
 * anonymous pages: every registry page reachable from the table by links (plus refused values and forms sent
 * wrong), in Russian, shows no unresolved key and no sentence of the English bundles; the links keep only
 * parameters the workbench reads ({@code zz} is dropped), and every parameter read is in {@link Req#KNOWN}.
 */
class RegistryCrawlTest {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");

    @Test
    void everyRegistryPageIsRussianAndKeepsOnlyKnownParameters() throws Exception {
        Map<String, String> english = RussianCrawlTest.englishFragments();
        // the names learned are counted for the whole test run: only those this walk adds are its own
        Set<String> learnedBefore = Req.unlisted();
        try (RegistryServer server = new RegistryServer()) {
            RegistryServer.Client admin = server.as("admin");
            Deque<String> queue = new ArrayDeque<>(List.of("/registry?lang=ru&zz=1", "/registry?type=cosmic&zz=1",
                    "/registry/clusters/SVE-METAL/compliance?as_of=2010-01-01", "/registry/clusters/SVE-METAL/compliance?unconfirmed=exclude",
                    "/registry/clusters/SVE-METAL/compliance?print=1&zz=1", "/registry/clusters/TA-AERO?as_of=2023-02-30",
                    "/registry/clusters/SAM-AUTO/audit", "/registry/clusters/new", "/registry/clusters/NOPE",
                    "/admin/rules?version=99&zz=1", "/cooperation/partners?kind=need&text=" + java.net.URLEncoder.encode(
                            "обработка металлов", java.nio.charset.StandardCharsets.UTF_8) + "&region=RU-SAM&zz=1",
                    "/cooperation/partners?text=x&codes=2B&weights=x", "/cooperation"));
            Set<String> seen = new LinkedHashSet<>();
            List<String> problems = new ArrayList<>();
            while (!queue.isEmpty() && seen.size() < 120) {
                String path = queue.poll();
                if (!seen.add(path)) continue;
                HttpResponse<String> r = admin.get(path);
                assertThat(r.statusCode()).as(path).isIn(200, 400, 404, 422);
                assertThat(r.body()).as(path).doesNotContain("zz=");
                check(path, r.body(), english, problems);
                Matcher m = HREF.matcher(r.body());
                while (m.find()) {
                    String link = m.group(1).replace("&amp;", "&");
                    if ((link.startsWith("/registry") || link.startsWith("/admin/rules") || link.startsWith("/cooperation"))
                            && !link.contains("export.")
                            && !link.contains("lang=en")) {
                        queue.add(link);
                    }
                }
            }
            // forms sent wrong are drawn again in Russian
            admin.token("/registry/clusters/SAM-AUTO");
            check("contract form", admin.post("/registry/clusters/SAM-AUTO/contracts", Map.of("supplier", "1", "buyer", "1",
                    "contract_type", "x", "year", "y", "value", "z")).body(), english, problems);
            check("participant form", admin.post("/registry/clusters/SAM-AUTO/participants", Map.of("inn", "7707083894")).body(),
                    english, problems);
            check("import", admin.multipart("/registry/clusters/SAM-AUTO/import", Map.of(), Map.of("participants",
                    new String[] {"p.csv", "inn,ogrn,name,type,okved,region\n7707083894,1027700132195,X,enterprise,29,RU-SAM\n"})).body(),
                    english, problems);
            // the rules page: a version saved, then its forms sent wrong
            server.ps.saveRules(org.klaster.data.store.Actor.cli(), org.klaster.data.formats.RulesReader.project().rules(), "crawl");
            admin.token("/admin/rules");
            check("rules page", admin.get("/admin/rules").body(), english, problems);
            check("rules form", admin.post("/admin/rules", Map.of("base", "1", "rows", "1", "rule_0", "contract_link",
                    "parameter_0", "min_contracts", "value_0", "x", "valid_from_0", "2015-02-30", "source_0", "", "confidence_0", "Q",
                    "note", "")).body(), english, problems);
            check("rules form, stale", admin.post("/admin/rules", Map.of("base", "0", "rows", "0", "note", "x")).body(), english, problems);
            check("rules upload", admin.multipart("/admin/rules/upload", Map.of(), Map.of("file", new String[] {"r.csv",
                    "rule,parameter,value,valid_from,valid_to,source,confidence\ncontract_link,min_contracts,1,2015-07-31,,s,Z\n"})).body(),
                    english, problems);
            check("rules project", admin.post("/admin/rules/project", Map.of()).body(), english, problems);
            assertThat(seen.size()).as("pages crawled").isGreaterThan(40);
            assertThat(problems).as("English or unresolved text on Russian registry pages").isEmpty();
            Set<String> learned = new java.util.TreeSet<>(Req.unlisted());
            learned.removeAll(learnedBefore);
            assertThat(learned).as("parameters read but not in Req.KNOWN").isEmpty();
        }
    }

    /** The rules' own sources are data (the project's file cites its sources in English), not text of the interface. */
    private static final Pattern RULE_SOURCES = Pattern.compile("<td class=\"source\">.*?</td>|<textarea[^>]*>.*?</textarea>",
            Pattern.DOTALL);

    private static void check(String path, String html, Map<String, String> english, List<String> problems) {
        String page = RussianCrawlTest.visible(RULE_SOURCES.matcher(html).replaceAll(""));
        assertThat(page).as(path).contains("lang=\"ru\"");
        if (page.contains("\u27e6")) problems.add(path + ": unresolved key " + page.substring(page.indexOf('\u27e6'),
                Math.min(page.length(), page.indexOf('\u27e6') + 60)));
        for (Map.Entry<String, String> e : english.entrySet()) {
            if (page.contains(e.getKey())) problems.add(path + ": English \"" + e.getKey() + "\" (" + e.getValue() + ")");
        }
    }
}
