package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page in Russian, crawled from the overview like a visitor who clicks every link (plus the
 * pages a click cannot reach: refused parameters, a missing page, an uploaded file refused): no page
 * may show an unresolved message key ({@code ⟦key⟧}) or a sentence of the English bundles (the app's,
 * the engines', the readers'), in its text or in its charts' labels.
 */
class RussianCrawlTest {

    private static TestServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        server = new TestServer(true, OpportunitiesFixtures::install);
        http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** English sentences: the text between a pattern's arguments, at least three words long. */
    static Map<String, String> englishFragments() throws IOException {
        Map<String, String> fragments = new LinkedHashMap<>();
        String[][] bundles = {{"/org/klaster/app/messages.properties", "/org/klaster/app/messages_ru.properties"},
                {"/org/klaster/messages.properties", "/org/klaster/messages_ru.properties"},
                {"/org/klaster/data/messages.properties", "/org/klaster/data/messages_ru.properties"}};
        for (String[] b : bundles) {
            Properties en = load(b[0]);
            Properties ru = load(b[1]);
            for (String key : en.stringPropertyNames()) {
                String e = en.getProperty(key);
                if (e.equals(ru.getProperty(key))) continue;
                for (String part : e.replace("''", "'").split("\\{[^}]*\\}")) {
                    String f = part.strip();
                    if (f.split("\\s+").length >= 3 && f.length() >= 14 && f.chars().filter(Character::isLetter).count() > 10) {
                        fragments.putIfAbsent(f, key);
                    }
                }
            }
        }
        return fragments;
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = RussianCrawlTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)");

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Accept-Language", "ru").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The page's text and attribute values as a reader meets them (entities decoded). */
    static String visible(String html) {
        Matcher num = Pattern.compile("&#(\\d+);").matcher(html);
        StringBuilder b = new StringBuilder();
        while (num.find()) num.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(num.group(1)))));
        num.appendTail(b);
        html = b.toString();
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replace("&#x27;", "'");
    }

    /** The bundles' English sentences and the English descriptions the demo's datasets are stored with. */
    static Map<String, String> english() throws IOException {
        Map<String, String> english = englishFragments();
        for (var d : server.store.datasets()) if (d.id().startsWith("demo")) english.put(d.source(), "source of " + d.id());
        return english;
    }

    @Test
    void everyRussianPageIsRussian() throws Exception {
        Map<String, String> english = english();
        assertThat(english.size()).isGreaterThan(200);
        Deque<String> queue = new ArrayDeque<>(List.of("/?lang=ru", "/mapping/regions/RU-SAM?year=2019&base_year=2023",
                "/mapping/regions/RU-SAM?year=2018", "/mapping?metric=lq", "/mapping?year=abc", "/mapping?dataset=demo-exports",
                "/sovereignty/multipliers?dataset=bad-io", "/sovereignty/multipliers?dataset=demo-io&region=RU-SAM",
                "/sovereignty/shock?dataset=demo-io&region=RU-TA&method=slq", "/sovereignty/extraction?dataset=demo-io&region=RU-XXX",
                "/sovereignty/multipliers?dataset=mb-io&region=RU-SAM", "/sovereignty/extraction?dataset=demo-io&region=RU-SAM&delta=7",
                "/sovereignty/localisation?dataset=demo-io", "/sovereignty/localisation?dataset=demo-io&region=RU-SAM&buyers=29",
                "/sovereignty/localisation?dataset=demo-io&region=RU-SAM&share=abc&from=both",
                "/finance", "/finance/loan?amount=1000&rate=1%25&years=3&grace_years=3&market_rate=abc",
                "/sovereignty/shock?dataset=mb-io&a_type=demand&a_sector=S1&a_rate=abc",
                "/sovereignty/shock?dataset=four-io&a_type=demand&a_sector=C26&a_rate=-0.2&b_type=input-cut&b_sector=C26&b_rate=0.3",
                "/sovereignty/dependency?dataset=small-trade&from=2023&to=2021",
                "/sovereignty/dependency?dataset=small-trade&outside=friendly&product=8542",
                "/opportunities/product-space?dataset=hand-exports&country=XYZ", "/opportunities/region?region=RU-SAM&industry=99.99",
                "/no-such-page", "/datasets"));
        Set<String> seen = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        while (!queue.isEmpty() && seen.size() < 160) {
            String path = queue.poll();
            String key = path.replaceAll("([?&])(sort|dir|csort|cdir|psort|pdir|ssort|sdir)=[^&]*", "$1");
            if (!seen.add(key)) continue;
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isIn(200, 400, 404, 422);
            String page = visible(r.body());
            if (page.contains("\u27e6")) problems.add(path + ": unresolved key " + page.substring(page.indexOf('\u27e6'),
                    Math.min(page.length(), page.indexOf('\u27e6') + 60)));
            for (Map.Entry<String, String> e : english.entrySet()) {
                if (page.contains(e.getKey())) problems.add(path + ": English \"" + e.getKey() + "\" (" + e.getValue() + ")");
            }
            Matcher m = HREF.matcher(r.body());
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                // the registry and cooperation need a signed-in account: RegistryCrawlTest walks them signed in
                if (link.startsWith("/static") || link.startsWith("/webjars") || link.startsWith("/api")
                        || link.contains("export.") || link.contains("lang=en") || link.startsWith("/registry")
                        || link.startsWith("/cooperation")) continue;
                queue.add(link);
            }
        }
        assertThat(seen.size()).as("pages crawled").isGreaterThan(60);
        assertThat(problems).as("English or unresolved text on Russian pages").isEmpty();

        // the detector itself: the same pages in English are full of the bundle's English sentences
        HttpClient en = HttpClient.newHttpClient();
        int hits = 0;
        for (String path : List.of("/?lang=en", "/sovereignty/dependency?lang=en", "/opportunities/region?lang=en")) {
            String page = visible(en.send(HttpRequest.newBuilder(URI.create(server.base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (String f : english.keySet()) if (page.contains(f)) hits++;
        }
        assertThat(hits).as("English sentences found on English pages").isGreaterThan(30);
    }

    /** A Russian download is Russian too: sheet names, column labels, the provenance sheet. */
    @Test
    void russianWorkbooksAreRussian() throws Exception {
        Map<String, String> english = english();
        for (String path : List.of("/mapping/export.xlsx?region=RU-SAM", "/sovereignty/multipliers/export.xlsx?dataset=demo-io",
                "/sovereignty/multipliers/export.xlsx?dataset=demo-io&region=RU-SAM",
                "/sovereignty/regional-table/export.xlsx?dataset=demo-io&region=RU-SAM&method=cilq",
                "/sovereignty/localise/export.xlsx?dataset=demo-io&region=RU-SAM&buyers=29",
                "/sovereignty/suppliers/export.xlsx?dataset=demo-io&region=RU-SAM",
                "/sovereignty/dependency/export.xlsx?dataset=small-trade", "/opportunities/region/export.xlsx?region=RU-SAM")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.base() + path + (path.contains("?") ? "&" : "?")
                    + "lang=ru")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            StringBuilder text = new StringBuilder();
            List<String> sheets = new ArrayList<>();
            try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(r.body()))) {
                for (var sheet : wb.getSheets().toList()) {
                    sheets.add(sheet.getName());
                    try (var rows = sheet.openStream()) {
                        rows.limit(40).forEach(row -> row.forEach(c -> {
                            if (c != null && c.getType() == org.dhatim.fastexcel.reader.CellType.STRING) text.append(c.asString()).append('\n');
                        }));
                    }
                }
            }
            assertThat(sheets).as(path).containsExactly("Данные", "Столбцы", "Происхождение");
            assertThat(text.toString()).as(path).contains("Синтетические демонстрационные данные");
            for (String f : english.keySet()) assertThat(text.toString()).as(path + " has English").doesNotContain(f);
            assertThat(text.toString()).doesNotContain("\u27e6");
        }
    }
}
