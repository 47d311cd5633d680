package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.data.store.AuditEntry;
import org.klaster.data.store.StoredOffer;
import org.klaster.registry.Offer;

/**
 * Needs and competences on the organisation profile, over HTTP as {@link RegistryServer}'s accounts use them: who may
 * add, change and delete them (the participant its own organisation's, a manager its clusters' members', the
 * administrator every one) and who may not, the code check of offers.csv with its sentence in English and Russian and
 * nothing stored, the CSRF token, one audit entry per change naming the account, and the offers API.
 */
class OffersWebTest {

    static RegistryServer server;
    /** A member of SAM-AUTO (managed by "sam", not by "sve"). */
    static String samInn;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = new RegistryServer();
        samInn = server.demo.memberships().stream().filter(m -> m.cluster().equals("SAM-AUTO")).findFirst().orElseThrow().inn();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String profile(String inn) {
        return "/registry/organisations/" + inn;
    }

    static List<Offer> offers(String inn) {
        return server.ps.offers(inn).stream().map(StoredOffer::offer).toList();
    }

    @Test
    void theParticipantAddsChangesAndDeletesItsOwnOffersEachAudited() throws Exception {
        RegistryServer.Client member = server.as("member");
        String inn = server.memberInn;
        String page = member.page(profile(inn) + "?lang=en");
        assertThat(page).contains("<h2 id=\"offers-title\">Needs and competences</h2>", "id=\"offer-new-form\"");
        int before = offers(inn).size();
        HttpResponse<String> r = member.post(profile(inn) + "/offers", Map.of("kind", "need", "text",
                "Механическая обработка корпусов на станках с ЧПУ", "codes", "25.62; 28.41"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("location").orElseThrow()).endsWith("?done=offeradded#offers");
        assertThat(offers(inn).subList(before, offers(inn).size())).containsExactly(new Offer(inn, Offer.Kind.NEED,
                "Механическая обработка корпусов на станках с ЧПУ", List.of("25.62", "28.41")));
        String id = server.ps.offers(inn).get(before).id();
        AuditEntry created = server.ps.audit("offer", id, 10).get(0);
        assertThat(created.actor()).isEqualTo("member");
        assertThat(created.action()).isEqualTo("create");

        // the profile lists it with the button that asks the Partners page for it
        page = member.page(profile(inn) + "?lang=en&done=offeradded");
        assertThat(page).contains("The need or competence was added.", "Механическая обработка корпусов на станках с ЧПУ",
                "<span class=\"code\">25.62;28.41</span>", "id=\"match-" + id + "\"", ">Find partners</a>");
        assertThat(page).contains("/cooperation/partners?text=%D0%9C%D0%B5%D1%85", "&amp;codes=25.62%3B28.41&amp;inn=" + inn
                + "\" id=\"match-" + id + "\"");

        r = member.post(profile(inn) + "/offers/" + id, Map.of("kind", "competence", "text", "CNC machining", "codes", ""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(server.ps.offer(id).orElseThrow().offer()).isEqualTo(new Offer(inn, Offer.Kind.COMPETENCE, "CNC machining", List.of()));
        assertThat(server.ps.audit("offer", id, 10).get(0).action()).isEqualTo("update");

        member.token(profile(inn));
        r = member.post(profile(inn) + "/offers/" + id + "/delete", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(offers(inn)).hasSize(before);
        assertThat(server.ps.offer(id)).isEmpty();
        assertThat(server.ps.audit("offer", id, 10)).extracting(AuditEntry::action).containsExactly("delete", "update", "create");
    }

    @Test
    void whoMayChangeWhoseOffers() throws Exception {
        String sveInn = server.memberInn;
        // a manager changes its clusters' members' offers, not others'; the administrator every one's
        for (String[] allowed : new String[][] {{"sve", sveInn}, {"sam", samInn}, {"admin", sveInn}, {"admin", samInn}}) {
            RegistryServer.Client c = server.as(allowed[0]);
            c.token(profile(allowed[1]));
            int before = offers(allowed[1]).size();
            HttpResponse<String> r = c.post(profile(allowed[1]) + "/offers", Map.of("kind", "competence", "text", "Литьё под давлением",
                    "codes", "24.53"));
            assertThat(r.statusCode()).as(String.join(" on ", allowed) + ": " + r.body()).isEqualTo(303);
            assertThat(offers(allowed[1])).hasSize(before + 1);
            String id = server.ps.offers(allowed[1]).get(before).id();
            assertThat(server.ps.audit("offer", id, 1).get(0).actor()).isEqualTo(allowed[0]);
        }
        int sve = offers(sveInn).size();
        int sam = offers(samInn).size();
        String samOffer = server.ps.offers(samInn).get(0).id();
        int entries = server.ps.audit(null, null, 1000).size();
        // refused: another cluster's manager, a participant on another organisation, roles that only read
        for (String[] refused : new String[][] {{"sve", samInn}, {"sam", sveInn}, {"member", samInn}, {"analyst", sveInn},
            {"viewer", sveInn}, {"newbie", sveInn}}) {
            RegistryServer.Client c = server.as(refused[0]);
            c.token("/signin");
            HttpResponse<String> add = c.post(profile(refused[1]) + "/offers", Map.of("kind", "need", "text", "x", "codes", ""));
            assertThat(add.statusCode()).as(String.join(" on ", refused)).isEqualTo(403);
            if (refused[0].equals("sam")) continue; // sam may delete SAM-AUTO's offers
            HttpResponse<String> del = c.post(profile(samInn) + "/offers/" + samOffer + "/delete", Map.of());
            assertThat(del.statusCode()).as(refused[0] + " deletes").isEqualTo(403);
        }
        assertThat(offers(sveInn)).hasSize(sve);
        assertThat(offers(samInn)).hasSize(sam);
        assertThat(server.ps.audit(null, null, 1000)).hasSize(entries);
        // a profile shows the forms only to those who may use them
        assertThat(server.as("viewer").page(profile(sveInn) + "?lang=en")).contains("id=\"offers\"").doesNotContain("offer-new-form");
        assertThat(server.as("sve").page(profile(sveInn) + "?lang=en")).contains("offer-new-form");
        // an offer is changed only through its own organisation's address
        RegistryServer.Client sveC = server.as("sve");
        sveC.token(profile(sveInn));
        HttpResponse<String> r = sveC.post(profile(sveInn) + "/offers/" + samOffer + "/delete", Map.of());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(offers(samInn)).hasSize(sam);
    }

    @Test
    void aWrongCodeIsRefusedWithTheReadersSentenceInBothLanguagesAndNothingIsStored() throws Exception {
        RegistryServer.Client member = server.as("member");
        String inn = server.memberInn;
        int before = offers(inn).size();
        int entries = server.ps.audit(null, null, 1000).size();
        member.token(profile(inn));
        HttpResponse<String> en = member.post(profile(inn) + "/offers?lang=en", Map.of("kind", "need", "text", "Подшипники", "codes", "28.41;2B.1"));
        assertThat(en.statusCode()).isEqualTo(422);
        assertThat(en.body()).contains("id=\"offer-new-error\"", "Codes (;-separated): \"2B.1\" is not an OKPD2/OKVED2 code",
                "Nothing was stored");
        // the form keeps what was typed
        assertThat(en.body()).contains(">Подшипники</textarea>", "value=\"28.41;2B.1\"");
        HttpResponse<String> ru = member.post(profile(inn) + "/offers?lang=ru", Map.of("kind", "need", "text", "Подшипники", "codes", "2B.1"));
        assertThat(ru.statusCode()).isEqualTo(422);
        assertThat(ru.body()).contains("Коды (через точку с запятой): «2B.1» — не код ОКПД2/ОКВЭД2");
        HttpResponse<String> empty = member.post(profile(inn) + "/offers?lang=en", Map.of("kind", "need", "text", " ", "codes", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Text: is required");
        HttpResponse<String> kind = member.post(profile(inn) + "/offers?lang=en", Map.of("kind", "offer", "text", "x", "codes", ""));
        assertThat(kind.statusCode()).isEqualTo(422);
        assertThat(kind.body()).contains("Kind:").contains("need, competence");
        assertThat(offers(inn)).hasSize(before);
        assertThat(server.ps.audit(null, null, 1000)).hasSize(entries);
    }

    @Test
    void aFormWithoutTheTokenIsRefused() throws Exception {
        RegistryServer.Client member = server.as("member");
        String inn = server.memberInn;
        int before = offers(inn).size();
        HttpResponse<String> r = member.form(profile(inn) + "/offers", Map.of("kind", "need", "text", "x", "codes", ""),
                Map.of("Origin", server.base()));
        assertThat(r.statusCode()).isEqualTo(403);
        member.token(profile(inn));
        r = member.form(profile(inn) + "/offers", Map.of("_csrf", member.token, "kind", "need", "text", "x", "codes", ""),
                Map.of("Origin", "http://evil.example"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(offers(inn)).hasSize(before);
    }

    @Test
    void theOffersApiReadsAndWritesWithAToken() throws Exception {
        String inn = server.memberInn;
        String token = server.apiToken("member");
        HttpClient http = HttpClient.newHttpClient();
        String url = server.base() + RegistryApi.PREFIX + "/organisations/" + inn + "/offers";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"competence\",\"text\":\"Bearings for machine tools\",\"codes\":[\"28.15\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode created = JSON.readTree(r.body());
        assertThat(created.get("kind").asText()).isEqualTo("competence");
        assertThat(created.get("codes").toString()).isEqualTo("[\"28.15\"]");
        String id = created.get("offer").asText();
        assertThat(server.ps.audit("offer", id, 1).get(0).actor()).isEqualTo("member");

        r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = JSON.readTree(r.body());
        assertThat(list.get("editable").asBoolean()).isTrue();
        assertThat(list.get("offers").findValuesAsText("offer")).contains(id);

        // a bad code: 400 naming the field, nothing stored
        int before = offers(inn).size();
        r = http.send(HttpRequest.newBuilder(URI.create(url + "?lang=ru")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"need\",\"text\":\"x\",\"codes\":\"28.15;abc\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).get("param").asText()).isEqualTo("codes");
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("«abc» — не код ОКПД2/ОКВЭД2");
        assertThat(offers(inn)).hasSize(before);
        // a viewer's token reads, but may not write
        String viewer = server.apiToken("viewer");
        r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + viewer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"need\",\"text\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(403);
        r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + viewer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(r.body()).get("editable").asBoolean()).isFalse();
        assertThat(offers(inn)).hasSize(before);
    }
}
