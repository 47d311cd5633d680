package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.app.Klaster;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Reference;
import org.klaster.app.auth.Accounts;
import org.klaster.app.auth.Passwords;
import org.klaster.app.auth.Tokens;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.store.Actor;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;
import org.klaster.data.store.Store;
import org.klaster.registry.Offer;

/**
 * The Partners page, its download and {@code GET /api/v1/cooperation/match} on the hand case of {@code MatchCliTest}
 * (its registry folder imported into the platform store): the same figures as {@code klaster match --registry} on the
 * folder — the download byte for byte, the page's cells as the page formats them, the API's numbers exactly — and the
 * contributions worked by hand (no IO table or trade is stored here, so the IO link and the dependency are 0).
 *
 * <pre>
 * Asker Alpha 7707083893 (28.41, RU-TA, 55°N 50°E, cluster AUTO) needs «механическая обработка деталей», 25.62.
 * Beta  (25.62, 55°N 50°E, AUTO):    code 0.2·1, distance 0.1·exp(0) = 0.1, tier cluster.
 * Delta (25.62, 56°N 50°E, RU-TA):   code 0.2, distance 0.1·exp(−111.195/500) = 0.08006, tier region.
 * Gamma (72.19, 57°N 50°E, RU-SAM):  code 0, distance 0.1·exp(−222.390/500) = 0.064097, tier nation.
 * </pre>
 */
class MatchWebTest {

    static final String ALPHA = "7707083893";
    static final String BETA = "7736050003";
    static final String GAMMA = "7706107510";
    static final String DELTA = "500100732259";
    static final String NEED = "механическая обработка деталей";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path dir;
    static Path reg;
    static Store store;
    static TestPlatform platformDb;
    static PlatformStore ps;
    static Workbench wb;
    static Javalin app;
    static FormClient analyst;
    static String alphaToken;
    static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("klaster-matchweb");
        reg = Files.createDirectory(dir.resolve("registry"));
        write("organisations.csv", """
                inn,ogrn,name,type,okved,region,lat,lon
                7707083893,1027700132195,Alpha,enterprise,28.41,RU-TA,55,50
                7736050003,1027700070518,Beta,enterprise,25.62,RU-TA,55,50
                7706107510,1027700043502,Gamma Institute,research,72.19,RU-SAM,57,50
                500100732259,304500116000157,Delta IP,enterprise,25.62,RU-TA,56,50
                """);
        write("clusters.csv", """
                cluster,name,type,regions,specialisation,specialised_organisation
                AUTO,Auto cluster,industrial,RU-TA,28.41,
                """);
        write("memberships.csv", """
                cluster,inn,joined,left
                AUTO,7707083893,2016-03-01,
                AUTO,7736050003,2016-03-01,
                """);
        write("contracts.csv", "cluster,supplier,buyer,type,year,value\n");
        write("facts.csv", "inn,year,output,purchases\n");
        write("offers.csv", """
                inn,kind,text,codes
                7736050003,competence,Механическая обработка деталей на станках с ЧПУ,25.62
                500100732259,competence,CNC machining of parts,25.62
                7706107510,competence,Испытания деталей после механической обработки,72.19
                7707083893,need,Механическая обработка корпусов редукторов,25.62
                """);
        store = Store.inMemory();
        wb = new Workbench(store, Reference.regions());
        platformDb = TestPlatform.open(() -> PlatformStore.on(store));
        ps = platformDb.store;
        ps.importRegistry(Actor.cli(), RegistryReader.read(reg).registry());
        String password = Tokens.newId();
        ps.addAccount(Actor.cli(), "analyst", "analyst", Role.MINISTRY_ANALYST, Passwords.hash(password.toCharArray()), null, Set.of());
        ps.addAccount(Actor.cli(), "alpha", "alpha", Role.PARTICIPANT, Passwords.hash(password.toCharArray()), ALPHA, Set.of());
        alphaToken = Tokens.newApiToken();
        ps.addToken(Actor.cli(), ps.account("alpha").orElseThrow().id(), "test", Tokens.sha256(alphaToken));
        Accounts accounts = new Accounts(ps, Clock.fixed(Instant.parse("2024-06-30T10:00:00Z"), ZoneOffset.UTC));
        app = WebApp.create(wb, Security.Config.local(), accounts, new ResponseCache(wb)).start("127.0.0.1", 0);
        analyst = new FormClient(base());
        assertThat(analyst.signIn("analyst", password).statusCode()).isEqualTo(303);
        doc = JSON.readTree(analyst.get(Api.PREFIX + "/openapi.json").body());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) app.stop();
        if (platformDb != null) platformDb.close();
        if (store != null) store.close();
    }

    static void write(String name, String content) throws Exception {
        Files.writeString(reg.resolve(name), content, StandardCharsets.UTF_8);
    }

    static String base() {
        return "http://127.0.0.1:" + app.port();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** {@code klaster match} on the registry folder: stdout. */
    static String cli(String... extra) {
        List<String> a = new ArrayList<>(List.of("match", "--registry", reg.toString(), "--need", NEED, "--codes", "25.62",
                "--inn", ALPHA, "--as-of", "2024-06-30", "--format", "csv", "--db", dir.resolve("none.duckdb").toString()));
        a.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Klaster.run(a.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<Map<String, String>> csv(String text) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(text))) rows.add(new HashMap<>(r.toMap()));
        return rows;
    }

    static final String PAGE_QUERY = "kind=need&text=" + enc(NEED) + "&codes=25.62&inn=" + ALPHA + "&as_of=2024-06-30";

    @Test
    void theDownloadIsTheCommandLinesOutputByteForByte() throws Exception {
        String expected = cli("--names", "--lang", "en");
        HttpResponse<String> r = analyst.get("/cooperation/partners/export.csv?lang=en&" + PAGE_QUERY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(expected);
        assertThat(csv(expected)).extracting(x -> x.get("inn")).containsExactly(BETA, DELTA, GAMMA);
        assertThat(csv(expected)).extracting(x -> x.get("tier")).containsExactly("cluster", "region", "nation");
        String ru = analyst.get("/cooperation/partners/export.csv?lang=ru&" + PAGE_QUERY).body();
        assertThat(ru).isEqualTo(cli("--names", "--lang", "ru"));
    }

    @Test
    void thePageShowsTheAnalysisFiguresWorkedByHand() throws Exception {
        List<Map<String, String>> cli = csv(cli("--names", "--lang", "en"));
        HttpResponse<String> r = analyst.get("/cooperation/partners?lang=en&" + PAGE_QUERY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String page = r.body();
        assertThat(page).contains("<h1>Partners</h1>", "Organisations that could meet the need", "id=\"asker-name\">Alpha<");
        List<List<String>> rows = cells(page);
        assertThat(rows).hasSize(3);
        Messages en = Messages.of(Lang.en);
        String[] columns = {"score", "text", "code", "io_link", "distance", "dependency"};
        for (int i = 0; i < 3; i++) {
            List<String> row = rows.get(i);
            Map<String, String> c = cli.get(i);
            // name (a link to the profile), rank, tier, region name, then the score and its five contributions
            assertThat(row.get(1)).isEqualTo(c.get("rank"));
            assertThat(row.get(0)).isEqualTo("<a href=\"/registry/organisations/" + c.get("inn") + "\">" + c.get("name") + "</a>");
            assertThat(row.get(3)).isEqualTo(c.get("region_name"));
            for (int k = 0; k < columns.length; k++) {
                assertThat(row.get(4 + k)).as(c.get("inn") + " " + columns[k]).isEqualTo(en.num(Double.parseDouble(c.get(columns[k])), 3));
            }
        }
        assertThat(rows).extracting(x -> x.get(2)).containsExactly("cluster", "region", "country");
        // by hand: code and distance contributions (no IO table, no trade stored: both 0)
        assertThat(rows.get(0).subList(6, 10)).containsExactly("0.200", "0.000", "0.100", "0.000");
        assertThat(rows.get(1).subList(6, 10)).containsExactly("0.200", "0.000", "0.080", "0.000");
        assertThat(rows.get(2).subList(6, 10)).containsExactly("0.000", "0.000", "0.064", "0.000");
        String ru = analyst.get("/cooperation/partners?lang=ru&" + PAGE_QUERY).body();
        assertThat(ru).contains("<h1>Партнёры</h1>", "Организации, которые могут закрыть потребность", "0,200", "0,080");
    }

    /** The table rows of the page: each cell's inner HTML. */
    static List<List<String>> cells(String page) {
        int at = page.indexOf("id=\"tbl-partners\"");
        assertThat(at).as("the partners table").isPositive();
        String body = page.substring(page.indexOf("<tbody>", at), page.indexOf("</tbody>", at));
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (tr.find()) {
            List<String> row = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(tr.group(1));
            while (cell.find()) row.add(cell.group(1).strip());
            rows.add(row);
        }
        return rows;
    }

    @Test
    void theApiHasTheCommandLinesNumbersAndItsDocumentedShape() throws Exception {
        List<Map<String, String>> cli = csv(cli("--names"));
        String url = CooperationPages.MATCH_API + "?need=" + enc(NEED) + "&codes=25.62&inn=" + ALPHA + "&as_of=2024-06-30";
        HttpResponse<String> r = analyst.get(url);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        valid("get", CooperationPages.MATCH_API, r);
        JsonNode o = JSON.readTree(r.body());
        JsonNode rows = o.get("rows");
        assertThat(rows).hasSize(cli.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode x = rows.get(i);
            Map<String, String> c = cli.get(i);
            for (String col : List.of("rank", "inn", "name", "tier", "region", "offer", "codes")) {
                assertThat(x.get(col).asText()).as(col).isEqualTo(c.get(col));
            }
            for (String col : List.of("score", "text", "code", "io_link", "distance", "dependency", "distance_km")) {
                assertThat(x.get(col).asDouble()).as(c.get("inn") + " " + col).isEqualTo(Double.parseDouble(c.get(col)));
            }
            // the five contributions add up to the score
            double sum = 0;
            for (String col : List.of("text", "code", "io_link", "distance", "dependency")) sum += x.get(col).asDouble();
            assertThat(sum).isCloseTo(x.get("score").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(rows.get(1).get("distance").asDouble()).isEqualTo(Math.round(1e6 * 0.1 * Math.exp(-6371.0088 * Math.PI / 180 / 500)) / 1e6);
        assertThat(o.get("in_cluster").asInt()).isEqualTo(1);
        assertThat(o.get("in_region").asInt()).isEqualTo(1);
        assertThat(o.get("elsewhere").asInt()).isEqualTo(1);
        // by an API token, in Russian: the same rows
        HttpResponse<String> t = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + url + "&lang=ru"))
                .header("Authorization", "Bearer " + alphaToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(t.statusCode()).isEqualTo(200);
        JsonNode ruRows = JSON.readTree(t.body()).get("rows");
        for (int i = 0; i < rows.size(); i++) {
            ObjectNode a = rows.get(i).deepCopy();
            ObjectNode b = ruRows.get(i).deepCopy();
            assertThat(b.remove("region_name").asText()).isNotEqualTo(a.remove("region_name").asText()); // named in Russian
            assertThat(b).isEqualTo(a);
        }
        assertThat(JSON.readTree(t.body()).get("notes").toString()).contains("в кластере");
        // refusals: not signed in, neither need nor competence, a bad code, an unknown asker
        HttpResponse<String> anon = new FormClient(base()).get(url);
        assertThat(anon.statusCode()).isEqualTo(401);
        valid("get", CooperationPages.MATCH_API, anon);
        for (String[] bad : new String[][] {{"?codes=25.62", "need"}, {"?need=x&competence=y", "need"}, {"?need=x&codes=2B", "codes"},
                {"?need=x&inn=7702070139", "inn"}, {"?need=x&weights=text%3D-1", "weights"}, {"?need=x&top=0", "top"}}) {
            HttpResponse<String> b = analyst.get(CooperationPages.MATCH_API + bad[0]);
            assertThat(b.statusCode()).as(bad[0] + " → " + b.body()).isEqualTo(400);
            assertThat(JSON.readTree(b.body()).get("param").asText()).isEqualTo(bad[1]);
            valid("get", CooperationPages.MATCH_API, b);
        }
    }

    @Test
    void aRefusedValueIsShownNextToItsControlAndThePageIsStillDrawn() throws Exception {
        HttpResponse<String> r = analyst.get("/cooperation/partners?lang=en&text=" + enc(NEED) + "&codes=2B");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("id=\"error-codes\"", "is not an OKPD2/OKVED2 code", "id=\"tbl-partners\"");
        HttpResponse<String> ru = analyst.get("/cooperation/partners?lang=ru&text=" + enc(NEED) + "&weights=speed%3D1");
        assertThat(ru.statusCode()).isEqualTo(400);
        assertThat(ru.body()).contains("id=\"error-weights\"", "не вес");
        HttpResponse<String> empty = analyst.get("/cooperation/partners?lang=en");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"partners-empty\"").doesNotContain("id=\"tbl-partners\"");
        assertThat(new FormClient(base()).get("/cooperation/partners").statusCode()).isEqualTo(302);
    }

    /** The index is built once per registry version: the same matcher until an offer changes, then a new one that finds it. */
    @Test
    void theIndexIsKeptUntilTheRegistryChanges() throws Exception {
        LocalDate day = LocalDate.of(2024, 6, 30);
        var first = wb.matcher(day);
        analyst.get(CooperationPages.MATCH_API + "?need=" + enc(NEED) + "&as_of=2024-06-30");
        assertThat(wb.matcher(day)).isSameAs(first);
        String url = CooperationPages.MATCH_API + "?need=" + enc("гальваническое покрытие") + "&as_of=2024-06-30";
        assertThat(JSON.readTree(analyst.get(url).body()).get("rows")).isEmpty();
        HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                + RegistryApi.PREFIX + "/organisations/" + ALPHA + "/offers")).header("Authorization", "Bearer " + alphaToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"competence\",\"text\":\"Гальванические покрытия деталей\",\"codes\":\"25.61\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        valid("post", CooperationPages.OFFERS_API, added);
        JsonNode rows = JSON.readTree(analyst.get(url).body()).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("inn").asText()).isEqualTo(ALPHA);
        assertThat(rows.get(0).get("offer").asText()).isEqualTo("Гальванические покрытия деталей");
        assertThat(wb.matcher(day)).isNotSameAs(first);
        // the offers API as documented
        String offers = RegistryApi.PREFIX + "/organisations/" + ALPHA + "/offers";
        HttpResponse<String> list = analyst.get(offers);
        assertThat(list.statusCode()).isEqualTo(200);
        valid("get", CooperationPages.OFFERS_API, list);
        assertThat(JSON.readTree(list.body()).get("offers").findValuesAsText("kind")).containsExactly("need", "competence");
        valid("get", CooperationPages.OFFERS_API, analyst.get(RegistryApi.PREFIX + "/organisations/7702070139/offers"));
        valid("get", CooperationPages.OFFERS_API, new FormClient(base()).get(offers));
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + offers))
                .header("Authorization", "Bearer " + alphaToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"need\",\"text\":\"x\",\"codes\":[\"9\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        valid("post", CooperationPages.OFFERS_API, bad);
        assertThat(ps.offers(ALPHA)).extracting(so -> so.offer().kind()).containsExactly(Offer.Kind.NEED, Offer.Kind.COMPETENCE);
        // leave the hand case as it was for the other tests
        ps.deleteOffer(Actor.cli(), JSON.readTree(added.body()).get("offer").asText());
    }

    /** The body of an answer against the schema the OpenAPI document gives for the operation and status. */
    static void valid(String method, String path, HttpResponse<String> r) throws Exception {
        JsonNode op = doc.get("paths").get(path).get(method);
        assertThat(op).as(method + " " + path + " documented").isNotNull();
        JsonNode response = op.get("responses").get(String.valueOf(r.statusCode()));
        assertThat(response).as(method + " " + path + " documents status " + r.statusCode() + ": " + r.body()).isNotNull();
        ObjectNode root = doc.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.setAll((ObjectNode) response.get("content").get("application/json").get("schema"));
        var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root).validate(JSON.readTree(r.body()));
        assertThat(errors).as(method + " " + path + " " + r.body()).isEmpty();
    }
}
