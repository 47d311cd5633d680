package org.klaster.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.app.analysis.JsonRows;
import org.klaster.app.analysis.MatchAnalysis;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.RegionInfo;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.Texts;
import org.klaster.app.analysis.UserException;
import org.klaster.app.auth.Access;
import org.klaster.app.auth.Permission;
import org.klaster.app.auth.Principal;
import org.klaster.app.web.Pages.Option;
import org.klaster.cooperation.Matchmaking;
import org.klaster.data.store.Role;
import org.klaster.data.store.StoreException;
import org.klaster.data.store.StoredOffer;
import org.klaster.registry.Cluster;
import org.klaster.registry.Membership;
import org.klaster.registry.Offer;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;

/**
 * The Cooperation section (templates under {@code cooperation/}) and the needs and competences of an organisation:
 * the "Partners" page runs {@link MatchAnalysis} on the platform store's registry, prepared once per registry version
 * ({@link Workbench#matcher}), and its table, downloads and API answer derive from the analysis's one table; the
 * offers box of the organisation profile ({@link #offersBox}) with its add, edit and delete forms, and the offers API.
 *
 * <p>Who may change an organisation's offers ({@link #canEditOffers}): an administrator, the participant of that
 * organisation, and a manager of a cluster the organisation is (or was) a member of. Reading them goes with reading
 * the organisation ({@link RegistryAccess#canReadOrganisation}). The Partners page and its API are for any signed-in
 * role: matchmaking searches the whole registry, and links to the profiles the reader may open.
 */
public final class CooperationPages {

    static final String MATCH_API = Api.PREFIX + "/cooperation/match";
    static final String OFFERS_API = RegistryApi.PREFIX + "/organisations/{inn}/offers";
    /** The page's default number of rows per tier. */
    static final int TOP = 10;

    private final Workbench wb;
    private final RegistryPages pages;

    CooperationPages(Workbench wb, RegistryPages pages) {
        this.wb = wb;
        this.pages = pages;
    }

    /** The routes with their access rules; which organisation's offers an account changes, the handlers decide. */
    void install(Routes r) {
        List<Role> editors = new ArrayList<>(Permission.EDIT_EVERY_CLUSTER.roles());
        editors.add(Role.CLUSTER_MANAGER);
        Access offerEditors = Access.ownOrganisation("inn", editors.toArray(Role[]::new));
        r.get(Section.COOPERATION.path(), Access.SIGNED_IN, Pages.page(wb, this::partners));
        r.get("/cooperation/partners", Access.SIGNED_IN, Pages.page(wb, this::partners));
        r.get("/cooperation/partners/export.csv", Access.SIGNED_IN, this::export);
        r.get("/cooperation/partners/export.xlsx", Access.SIGNED_IN, this::export);
        r.post("/registry/organisations/{inn}/offers", offerEditors, this::addOffer);
        r.post("/registry/organisations/{inn}/offers/{offer}", offerEditors, this::saveOffer);
        r.post("/registry/organisations/{inn}/offers/{offer}/delete", offerEditors, this::deleteOffer);
        r.get(MATCH_API, Access.SIGNED_IN, this::matchApi);
        r.get(OFFERS_API, Access.SIGNED_IN, this::offersApi);
        r.post(OFFERS_API, offerEditors, this::addOfferApi);
    }

    /** Whether the account may add, change and delete the offers of the organisation {@code inn}. */
    static boolean canEditOffers(Principal p, Registry r, String inn) {
        if (RegistryAccess.canEditOrganisation(p, inn)) return true;
        if (!RegistryAccess.signedIn(p) || p.role() != Role.CLUSTER_MANAGER) return false;
        for (Membership m : r.memberships()) {
            if (m.inn().equals(inn) && p.manages(m.cluster())) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ the request

    /**
     * The request of a page or API call: {@code kind} (need, competence) and {@code text} on the page, {@code need} or
     * {@code competence} in the API; then codes, inn, cluster, region, top, weights, decay_km and as_of as the CLI's
     * flags. A refusal of the text names the page's {@code text} field.
     */
    private MatchAnalysis.Params params(Req q) {
        String need;
        String competence;
        if (q.api) {
            need = q.param("need");
            competence = q.param("competence");
        } else {
            boolean isNeed = "need".equals(Param.oneOf("kind", q.param("kind"), List.of("need", "competence"), "need"));
            String text = q.param("text") == null ? "" : q.param("text");
            need = isNeed ? text : null;
            competence = isNeed ? null : text;
        }
        String asOf = q.param("as_of");
        try {
            return MatchAnalysis.Params.of(need, competence, q.param("codes"), q.param("inn"), q.param("cluster"),
                    q.param("region"), q.param("top"), q.param("weights"), q.param("decay_km"),
                    asOf == null || asOf.isBlank() ? pages.today().toString() : asOf);
        } catch (UserException e) {
            if (!q.api && ("need".equals(e.param()) || "competence".equals(e.param()))) {
                throw UserException.badParameter("text", e.text());
            }
            throw e;
        }
    }

    /** The analysis's table on the prepared registry, with the stored default IO table and trade (like the CLI on a store). */
    private Table<MatchAnalysis.Row> run(Req q, MatchAnalysis.Params p) {
        MatchAnalysis.Matcher m = wb.matcher(p.asOf());
        MatchAnalysis.Context context = wb.memo(List.of(MatchAnalysis.ID, "context"),
                () -> MatchAnalysis.context(null, null, null, true, wb));
        boolean synthetic = m.registry().clusters().stream().anyMatch(RegistryPages::synthetic);
        return MatchAnalysis.table(m, p, context, q.names(), true, List.of(),
                pages.registryInput(synthetic ? m.registry().clusters() : List.of()));
    }

    // ------------------------------------------------------------------ the Partners page

    public record PartnersPage(Shell shell, boolean need, String text, String codes, String inn, String askerName,
                               String asOf, List<Option> regions, List<Option> clusters, String top, String weights,
                               TableModel table, List<String> notes, String empty) {
    }

    void partners(Req q, Map<String, String> errors) {
        Principal a = pages.user(q.ctx);
        if (a == null) throw RegistryPages.refused(null);
        Messages m = q.msg;
        Shell s = Pages.shell(q, Section.COOPERATION, m.get("coop.title"), null, List.of(), "/cooperation/partners", errors)
                .controls("kind", "text", "codes", "inn", "region", "cluster", "top", "weights", "as_of");
        boolean need = !"competence".equals(q.param("kind"));
        String text = q.param("text");
        TableModel table = null;
        List<String> notes = List.of();
        String empty = null;
        String askerName = null;
        MatchAnalysis.Params p = null;
        Registry registry;
        if (text != null && !text.isBlank()) {
            p = params(q);
            Table<MatchAnalysis.Row> t = run(q, p);
            s.shows(t);
            registry = wb.matcher(p.asOf()).registry();
            Registry reg = registry;
            notes = t.notes().stream().map(m::text).toList();
            Object[] keep = keep(q, p);
            // the name first: the first column carries the link (to the profile)
            table = PageTable.of(t, m, "name", "rank", "tier", "region_name", "score", "text", "code", "io_link", "distance",
                            "dependency", "distance_km", "offer")
                    .text((x, c) -> c.equals("tier") ? m.get("coop.tier." + x.match().tier().code()) : null)
                    .href((x, c) -> c.equals("name") && RegistryAccess.canReadOrganisation(a, reg, x.match().candidate().inn())
                            ? s.url("/registry/organisations/" + x.match().candidate().inn()) : null)
                    .build("partners", m.get(p.mode() == Matchmaking.Mode.NEED ? "coop.table.need" : "coop.table.competence"));
            table.sort(q, "rank", false).links(s, Pages.without(q, "sort", "dir"), s.url("/cooperation/partners/export.csv", keep),
                    s.url("/cooperation/partners/export.xlsx", keep));
            if (t.list().isEmpty()) empty = m.get("coop.noneFound");
            if (p.inn() != null) {
                Organisation o = wb.matcher(p.asOf()).organisation(p.inn());
                askerName = o == null ? null : o.name();
            }
        } else {
            registry = null;
            empty = m.get("coop.ask");
        }
        String region = p != null ? p.region() : q.param("region");
        String cluster = p != null ? p.cluster() : q.param("cluster");
        List<Option> regions = new ArrayList<>();
        regions.add(new Option("", m.get("coop.regionOfAsker"), region == null || region.isEmpty()));
        for (RegionInfo ri : wb.regions().all()) regions.add(new Option(ri.iso(), ri.name(m.lang()), ri.iso().equals(region)));
        List<Option> clusters = new ArrayList<>();
        clusters.add(new Option("", m.get("coop.clustersOfAsker"), cluster == null || cluster.isEmpty()));
        for (Cluster c : registry != null ? registry.clusters() : pages.store().clusters()) {
            clusters.add(new Option(c.id(), c.name(), c.id().equals(cluster)));
        }
        Pages.render(q.ctx, "cooperation/partners.jte", new PartnersPage(s, need, text == null ? "" : text,
                p != null ? String.join(";", p.codes()) : value(q, "codes"), p != null && p.inn() != null ? p.inn() : value(q, "inn"),
                askerName, p != null ? p.asOf().toString() : pages.today().toString(), regions, clusters,
                p != null ? Integer.toString(p.top()) : Integer.toString(TOP), value(q, "weights"), table, notes, empty));
    }

    private static String value(Req q, String name) {
        String v = q.param(name);
        return v == null ? "" : v;
    }

    /** The parameters a download keeps: the request as the page asked it. */
    private static Object[] keep(Req q, MatchAnalysis.Params p) {
        return new Object[] {"kind", p.mode() == Matchmaking.Mode.NEED ? null : "competence", "text", p.text(),
            "codes", p.codes().isEmpty() ? null : String.join(";", p.codes()), "inn", p.inn(), "region", p.region(),
            "cluster", p.cluster(), "top", p.top(), "weights", q.param("weights"), "decay_km", q.param("decay_km"),
            "as_of", p.asOf().toString()};
    }

    /** {@code /cooperation/partners/export.csv|xlsx}: the CLI's {@code klaster match --format csv --names --lang L}. */
    void export(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        if (pages.user(ctx) == null) throw RegistryPages.refused(null);
        MatchAnalysis.Params p = params(q);
        Downloads.send(ctx, run(q, p), "klaster-match-" + p.asOf(), q.msg);
    }

    /** {@code GET /api/v1/cooperation/match?need|competence&codes&inn&cluster&region&top&weights&decay_km&as_of}. */
    void matchApi(Context ctx) {
        Req q = Req.api(ctx, wb);
        if (pages.user(ctx) == null) throw RegistryPages.refused(null);
        MatchAnalysis.Params p = params(q);
        ctx.contentType("application/json; charset=utf-8").result(JsonRows.of(run(q, p), q.msg).toString());
    }

    // ------------------------------------------------------------------ the offers box of the profile

    /** One stored offer as the profile shows it, with the link that searches partners for it. */
    public record OfferView(String id, boolean need, String text, String codes, String matchUrl) {
    }

    /** The profile's needs and competences, and whether (and with which token) the reader may change them. */
    public record OffersBox(String inn, List<OfferView> needs, List<OfferView> competences, boolean canEdit, String csrf,
                            RegistryPages.Form form) {
    }

    /** The box of the organisation profile ({@code RegistryPages#organisation}); {@code form} a form sent back, or null. */
    static OffersBox offersBox(Shell s, Req q, Principal a, Registry r, Organisation o, RegistryPages.Form form,
                               org.klaster.data.store.PlatformStore store) {
        List<OfferView> needs = new ArrayList<>();
        List<OfferView> competences = new ArrayList<>();
        for (StoredOffer so : store.offers(o.inn())) {
            Offer f = so.offer();
            boolean need = f.kind() == Offer.Kind.NEED;
            String codes = String.join(";", f.codes());
            String url = s.url("/cooperation/partners", "kind", need ? null : "competence", "text", f.text(),
                    "codes", codes.isEmpty() ? null : codes, "inn", o.inn());
            (need ? needs : competences).add(new OfferView(so.id(), need, f.text(), codes, url));
        }
        boolean canEdit = canEditOffers(a, r, o.inn());
        return new OffersBox(o.inn(), needs, competences, canEdit, canEdit ? Security.token(q.ctx) : null,
                form == null ? RegistryPages.none("") : form);
    }

    // ------------------------------------------------------------------ offer writes

    /** The organisation of a POST whose offers the account may change (404 unknown, 401/403 refused). */
    private Organisation editable(Context ctx, Principal a) {
        String inn = Param.code("inn", ctx.pathParam("inn"));
        if (a == null) throw RegistryPages.refused(null);
        Organisation o = pages.store().organisation(inn).orElseThrow(() -> new NotFound(Req.of(ctx, wb).msg.format("registry.noOrganisation", inn)));
        if (!canEditOffers(a, pages.store().registry(), inn)) throw RegistryPages.refused(a);
        return o;
    }

    /** The offer of the form or body: kind, text, codes ({@code ;}-separated, each an OKPD2/OKVED2 code). */
    static Offer offer(String inn, Map<String, String> v) {
        Offer.Kind kind = Offer.Kind.parse(v.getOrDefault("kind", ""));
        if (kind == null) {
            throw RegistryPages.field("kind", org.klaster.data.formats.DataText.data("registry.type.unknown",
                    org.klaster.data.formats.DataText.quoted(v.getOrDefault("kind", "")), "need, competence"));
        }
        String text = v.getOrDefault("text", "");
        if (text.isBlank()) throw RegistryPages.field("text", Messages.text("param.required"));
        if (text.length() > MatchAnalysis.MAX_TEXT) throw RegistryPages.field("text", Messages.text("match.text.long", MatchAnalysis.MAX_TEXT));
        List<String> codes = new ArrayList<>();
        for (String c : RegistryPages.RegistryReaderLists.list(v.getOrDefault("codes", "").replace(',', ';'))) {
            // the readers' check of offers.csv, with its sentence
            if (!org.klaster.cooperation.IndustryCodes.valid(c)) {
                throw RegistryPages.field("codes", org.klaster.data.formats.DataText.data("codes.invalid",
                        org.klaster.data.formats.DataText.quoted(c)));
            }
            codes.add(c);
        }
        return new Offer(inn, kind, text, codes);
    }

    private static Map<String, String> values(Context ctx) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("kind", RegistryPages.field(ctx, "kind"));
        String text = ctx.formParam("text");
        v.put("text", text == null ? "" : text.strip());
        v.put("codes", RegistryPages.field(ctx, "codes"));
        return v;
    }

    private static String back(Organisation o, String done) {
        return "/registry/organisations/" + Shell.enc(o.inn()) + "?done=" + done + "#offers";
    }

    /** {@code POST /registry/organisations/{inn}/offers}: kind, text, codes. */
    void addOffer(Context ctx) {
        Principal a = pages.user(ctx);
        Organisation o = editable(ctx, a);
        Map<String, String> v = values(ctx);
        write(ctx, o, "offer-new", v, () -> pages.store().addOffer(RegistryPages.actor(a), offer(o.inn(), v)), "offeradded");
    }

    /** {@code POST /registry/organisations/{inn}/offers/{offer}}: kind, text, codes replace the stored ones. */
    void saveOffer(Context ctx) {
        Principal a = pages.user(ctx);
        Organisation o = editable(ctx, a);
        String id = Param.code("offer", ctx.pathParam("offer"));
        Map<String, String> v = values(ctx);
        write(ctx, o, "offer-" + id, v, () -> {
            pages.store().saveOffer(RegistryPages.actor(a), id, offer(o.inn(), v));
            return id;
        }, "offersaved");
    }

    /** {@code POST /registry/organisations/{inn}/offers/{offer}/delete}. */
    void deleteOffer(Context ctx) {
        Principal a = pages.user(ctx);
        Organisation o = editable(ctx, a);
        String id = Param.code("offer", ctx.pathParam("offer"));
        write(ctx, o, "offer-" + id, Map.of(), () -> {
            if (pages.store().offers(o.inn()).stream().noneMatch(x -> x.id().equals(id))) {
                throw new org.klaster.data.store.InvalidRecordException(org.klaster.data.formats.DataText.data("platform.offer.unknown", id));
            }
            pages.store().deleteOffer(RegistryPages.actor(a), id);
            return id;
        }, "offerdeleted");
    }

    /** Runs a write: 303 back to the profile's offers, or the profile again with the sentence next to the form (422). */
    private void write(Context ctx, Organisation o, String form, Map<String, String> v, java.util.function.Supplier<String> w,
                       String done) {
        try {
            w.get();
            ctx.redirect(back(o, done), HttpStatus.SEE_OTHER);
        } catch (RegistryPages.FieldError e) {
            Messages m = Req.of(ctx, wb).msg;
            pages.orgFailed(ctx, form, m.format("error.param", m.get("coop.field." + e.field), m.text(e.text)), v);
        } catch (StoreException e) {
            pages.orgFailed(ctx, form, Req.of(ctx, wb).msg.text(Texts.of(e)), v);
        }
    }

    // ------------------------------------------------------------------ offers API

    /** {@code GET /api/v1/registry/organisations/{inn}/offers}: its needs and competences with their ids. */
    void offersApi(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = pages.user(ctx);
        if (a == null) throw RegistryPages.refused(null);
        String inn = Param.code("inn", ctx.pathParam("inn"));
        Registry r = pages.store().registry();
        if (r.byInn().get(inn) == null) throw new NotFound(q.msg.format("registry.noOrganisation", inn));
        if (!RegistryAccess.canReadOrganisation(a, r, inn)) throw RegistryPages.refused(a);
        ObjectNode o = JsonRows.JSON.createObjectNode();
        o.put("inn", inn);
        o.put("editable", canEditOffers(a, r, inn));
        ArrayNode rows = o.putArray("offers");
        for (StoredOffer so : pages.store().offers(inn)) rows.add(offerJson(so));
        ctx.contentType("application/json; charset=utf-8").result(o.toString());
    }

    static ObjectNode offerJson(StoredOffer so) {
        ObjectNode x = JsonRows.JSON.createObjectNode();
        x.put("offer", so.id()).put("inn", so.offer().inn()).put("kind", so.offer().kind().code()).put("text", so.offer().text());
        ArrayNode codes = x.putArray("codes");
        so.offer().codes().forEach(codes::add);
        return x;
    }

    /** {@code POST /api/v1/registry/organisations/{inn}/offers} {@code {kind, text, codes}} → 201 the stored offer. */
    void addOfferApi(Context ctx) {
        Principal a = pages.user(ctx);
        Organisation o = editable(ctx, a);
        Map<String, String> v = new LinkedHashMap<>();
        JsonNode body = body(ctx);
        for (String k : List.of("kind", "text")) v.put(k, body.hasNonNull(k) ? body.get(k).asText().strip() : "");
        JsonNode codes = body.get("codes");
        if (codes != null && codes.isArray()) {
            List<String> cs = new ArrayList<>();
            codes.forEach(c -> cs.add(c.asText().strip()));
            v.put("codes", String.join(";", cs));
        } else {
            v.put("codes", codes == null || codes.isNull() ? "" : codes.asText());
        }
        try {
            Offer f = offer(o.inn(), v);
            String id = pages.store().addOffer(RegistryPages.actor(a), f);
            ctx.status(201);
            ctx.contentType("application/json; charset=utf-8").result(offerJson(new StoredOffer(id, f)).toString());
        } catch (RegistryPages.FieldError e) {
            throw UserException.badParameter(e.field, e.text);
        } catch (StoreException e) {
            throw UserException.impossible(e.text());
        }
    }

    /** The JSON object of a write's body, bounded as the registry API's writes are. */
    private static JsonNode body(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > RegistryApi.MAX_BODY) {
            throw UserException.badParameter("body", Messages.text("registry.api.bodyLarge", RegistryApi.MAX_BODY));
        }
        JsonNode n;
        try {
            n = JsonRows.JSON.readTree(raw);
        } catch (IOException e) {
            throw UserException.badParameter("body", Messages.text("registry.api.notJson"));
        }
        if (n == null || !n.isObject()) throw UserException.badParameter("body", Messages.text("registry.api.notJson"));
        return n;
    }
}
