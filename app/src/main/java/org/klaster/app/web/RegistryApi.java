package org.klaster.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.app.analysis.ComplianceAnalysis;
import org.klaster.app.analysis.JsonRows;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.ParticipantsAnalysis;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.RegistryAnalysis;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.UserException;
import org.klaster.app.auth.Access;
import org.klaster.app.auth.Permission;
import org.klaster.app.auth.Principal;
import org.klaster.data.store.Role;
import org.klaster.data.store.StoreException;
import org.klaster.data.store.StoredContract;
import org.klaster.registry.AnnualFacts;
import org.klaster.registry.Cluster;
import org.klaster.registry.Contract;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.Registry;

/**
 * {@code /api/v1/registry/*}: the Registry section's tables as JSON ({@link JsonRows} of the same analyses the
 * pages show) and two writes for token holders: a contract and a year's facts. The access rules are the pages'
 * ({@link RegistryAccess}); a refusal is 401/403 with the API's error shape.
 */
final class RegistryApi {

    static final String PREFIX = Api.PREFIX + "/registry";
    /** Largest JSON body a write reads (a contract or facts is a few hundred bytes). */
    static final int MAX_BODY = 16 * 1024;

    private final Workbench wb;
    private final RegistryPages pages;

    RegistryApi(Workbench wb, RegistryPages pages) {
        this.wb = wb;
        this.pages = pages;
    }

    /** The routes with their access rules (as the pages': reading any signed-in role, the clusters it may see). */
    void install(Routes r) {
        Access anyCluster = Access.ownCluster("id", Permission.EDIT_EVERY_CLUSTER.roles().toArray(Role[]::new));
        r.get(PREFIX + "/clusters", Access.SIGNED_IN, this::clusters);
        r.get(PREFIX + "/clusters/{id}", Access.SIGNED_IN, this::cluster);
        r.get(PREFIX + "/clusters/{id}/participants", Access.SIGNED_IN, this::participants);
        r.get(PREFIX + "/clusters/{id}/contracts", Access.SIGNED_IN, this::contracts);
        r.get(PREFIX + "/clusters/{id}/compliance", Access.SIGNED_IN, this::compliance);
        r.get(PREFIX + "/organisations/{inn}", Access.SIGNED_IN, this::organisation);
        r.post(PREFIX + "/clusters/{id}/contracts", anyCluster, this::addContract);
        r.post(PREFIX + "/clusters/{id}/facts", anyCluster, this::saveFacts);
    }

    private static void send(Context ctx, JsonNode o) {
        ctx.contentType("application/json; charset=utf-8").result(o.toString());
    }

    private Principal user(Context ctx) {
        return pages.user(ctx);
    }

    private Cluster readable(Context ctx, Registry r, Principal a) {
        String id = Param.code("id", ctx.pathParam("id"));
        if (a == null) throw RegistryPages.refused(null);
        Cluster c = r.cluster(id);
        if (c == null) throw new NotFound(Req.api(ctx, wb).msg.format("registry.noCluster", id));
        if (!RegistryAccess.canRead(a, r, id)) throw RegistryPages.refused(a);
        return c;
    }

    private LocalDate asOf(Req q) {
        String v = q.param("as_of");
        return v == null || v.isBlank() ? pages.today() : ComplianceAnalysis.date("as_of", v);
    }

    private int year(Req q, Registry r, LocalDate asOf) {
        Integer y = q.year("year");
        return y != null ? y : RegistryAnalysis.defaultYear(r, asOf);
    }

    private boolean unconfirmed(Req q) {
        return !"exclude".equals(Param.oneOf("unconfirmed", q.param("unconfirmed"), List.of("include", "exclude"), "include"));
    }

    /** {@code GET /clusters?as_of&year&region&type&specialisation&compliance&unconfirmed}: the national table. */
    void clusters(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = user(ctx);
        if (a == null) throw RegistryPages.refused(null);
        Registry all = pages.store().registry();
        List<Cluster> shown = all.clusters().stream().filter(c -> RegistryAccess.canRead(a, all, c.id())).toList();
        Registry r = new Registry(all.organisations(), shown, all.memberships(), all.contracts(), all.facts(), all.offers());
        RegistryAnalysis.Params p = RegistryAnalysis.Params.of(q.param("as_of"), q.year("year"), pages.today(), r, unconfirmed(q),
                q.param("region"), q.param("type"), q.param("specialisation"), q.param("compliance"));
        RegistryPages.Rules rules = pages.rules();
        send(ctx, JsonRows.of(RegistryAnalysis.run(r, rules.set(), pages.registryInput(shown), rules.input(), p, q.names(), true), q.msg));
    }

    /** {@code GET /clusters/{id}?as_of&year}: the cluster, its figures on the day and its years. */
    void cluster(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = user(ctx);
        Registry r = pages.store().registry();
        Cluster c = readable(ctx, r, a);
        LocalDate asOf = asOf(q);
        int year = year(q, r, asOf);
        boolean unconf = unconfirmed(q);
        RegistryPages.Rules rules = pages.rules();
        Provenance.Input regIn = pages.registryInput(List.of(c));
        Table<RegistryAnalysis.YearRow> years = RegistryAnalysis.years(r, rules.set(), regIn, rules.input(), c.id(), asOf, unconf, true);
        Registry only = new Registry(r.organisations(), List.of(c), r.memberships(), r.contracts(), r.facts(), r.offers());
        RegistryAnalysis.Row row = RegistryAnalysis.run(only, rules.set(), regIn, rules.input(),
                new RegistryAnalysis.Params(asOf, year, unconf, null, null, null, null), q.names(), true).list().get(0);
        ObjectNode o = JsonRows.envelope(years, q.msg);
        o.put("year", year);
        ObjectNode k = o.putObject("cluster");
        k.put("cluster", c.id()).put("name", c.name()).put("cluster_type", c.type().code());
        ArrayNode regions = k.putArray("cluster_regions");
        c.regions().forEach(regions::add);
        ArrayNode spec = k.putArray("specialisation");
        c.specialisation().forEach(spec::add);
        k.put("specialised_organisation", c.specialisedOrganisation().isEmpty() ? null : c.specialisedOrganisation());
        o.put("participants", row.participants());
        o.set("employees", JsonRows.value(row.employees()));
        o.set("cluster_output", JsonRows.value(row.output()));
        o.set("inside_share", JsonRows.value(row.insideShare()));
        o.set("compliant", JsonRows.value(row.compliant()));
        o.set("failed", JsonRows.value(row.failed()));
        o.set("years", JsonRows.rows(years));
        send(ctx, o);
    }

    /** {@code GET /clusters/{id}/participants?as_of&year}. */
    void participants(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = user(ctx);
        Registry r = pages.store().registry();
        Cluster c = readable(ctx, r, a);
        LocalDate asOf = asOf(q);
        send(ctx, JsonRows.of(ParticipantsAnalysis.run(r, pages.registryInput(List.of(c)), c.id(), asOf, year(q, r, asOf),
                q.names(), true), q.msg));
    }

    /** {@code GET /clusters/{id}/contracts?as_of}. */
    void contracts(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = user(ctx);
        Registry r = pages.store().registry();
        Cluster c = readable(ctx, r, a);
        Map<String, Contract> stored = new LinkedHashMap<>();
        for (StoredContract sc : pages.store().contracts(c.id())) stored.put(sc.id(), sc.contract());
        send(ctx, JsonRows.of(RegistryAnalysis.contracts(r, stored, pages.registryInput(List.of(c)), c.id(), asOf(q), true), q.msg));
    }

    /** {@code GET /clusters/{id}/compliance?as_of&year&unconfirmed}: the report (422 without participants on the day). */
    void compliance(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = user(ctx);
        Registry r = pages.store().registry();
        Cluster c = readable(ctx, r, a);
        LocalDate asOf = asOf(q);
        RegistryPages.Rules rules = pages.rules();
        ComplianceAnalysis.Params p = new ComplianceAnalysis.Params(c.id(), asOf, year(q, r, asOf), null, unconfirmed(q));
        send(ctx, JsonRows.of(ComplianceAnalysis.run(r, rules.set(), rules.version(), pages.registryInput(List.of(c)), p,
                q.names(), true), q.msg));
    }

    /** {@code GET /organisations/{inn}}: its registry fields, memberships (of clusters the reader sees) and facts. */
    void organisation(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = user(ctx);
        if (a == null) throw RegistryPages.refused(null);
        String inn = Param.code("inn", ctx.pathParam("inn"));
        Registry r = pages.store().registry();
        Organisation org = r.byInn().get(inn);
        if (org == null) throw new NotFound(q.msg.format("registry.noOrganisation", inn));
        if (!RegistryAccess.canReadOrganisation(a, r, inn)) throw RegistryPages.refused(a);
        ObjectNode o = JsonRows.JSON.createObjectNode();
        boolean synthetic = false;
        ArrayNode ms = o.putArray("memberships");
        for (Membership m : r.memberships()) {
            if (!m.inn().equals(inn) || !RegistryAccess.canRead(a, r, m.cluster())) continue;
            Cluster c = r.cluster(m.cluster());
            synthetic |= c != null && RegistryPages.synthetic(c);
            ms.addObject().put("cluster", m.cluster()).put("joined", m.joined().toString())
                    .put("left", m.left() == null ? null : m.left().toString());
        }
        o.put("synthetic", synthetic);
        if (synthetic) o.put("notice", q.msg.get("synthetic.badge"));
        o.put("units", "thousand RUB");
        ObjectNode x = o.putObject("organisation");
        x.put("inn", org.inn()).put("ogrn", org.ogrn()).put("name", org.name()).put("organisation_type", org.type().code())
                .put("okved", org.okved()).put("region", org.region() == null || org.region().isBlank() ? null : org.region());
        x.set("lat", JsonRows.value(org.lat()));
        x.set("lon", JsonRows.value(org.lon()));
        x.set("employees", JsonRows.value(org.employees()));
        x.set("revenue", JsonRows.value(org.revenue()));
        x.put("final_producer", org.finalProducer()).put("special_territory", org.specialTerritory());
        ArrayNode fs = o.putArray("facts");
        for (AnnualFacts f : r.facts()) {
            if (!f.inn().equals(inn)) continue;
            ObjectNode y = fs.addObject().put("year", f.year());
            y.set("output", JsonRows.value(f.output()));
            y.set("purchases", JsonRows.value(f.purchases()));
        }
        send(ctx, o);
    }

    // ------------------------------------------------------------------ writes

    /** The JSON object of a write's body (bounded), its fields as text. */
    private static Map<String, String> body(Context ctx) {
        byte[] raw = ctx.bodyAsBytes();
        if (raw.length > MAX_BODY) throw UserException.badParameter("body", Messages.text("registry.api.bodyLarge", MAX_BODY));
        JsonNode n;
        try {
            n = JsonRows.JSON.readTree(raw);
        } catch (IOException e) {
            throw UserException.badParameter("body", Messages.text("registry.api.notJson"));
        }
        if (n == null || !n.isObject()) throw UserException.badParameter("body", Messages.text("registry.api.notJson"));
        Map<String, String> v = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText().strip()));
        return v;
    }

    private static Cluster editable(Context ctx, RegistryPages pages, Principal a) {
        String id = Param.code("id", ctx.pathParam("id"));
        if (a == null) throw RegistryPages.refused(null);
        Cluster c = pages.store().cluster(id).orElseThrow(() -> new NotFound(Messages.of(org.klaster.app.analysis.Lang.en)
                .format("registry.noCluster", id)));
        if (!RegistryAccess.canEdit(a, c.id())) throw RegistryPages.refused(a);
        return c;
    }

    /** {@code POST /clusters/{id}/contracts} {@code {supplier, buyer, contract_type, year, value}} → 201 {@code {contract}}. */
    void addContract(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = user(ctx);
        Cluster c = editable(ctx, pages, a);
        Map<String, String> v = body(ctx);
        try {
            Contract k = RegistryPages.contract(c.id(), v);
            String id = pages.store().addContract(RegistryPages.actor(a), k);
            ObjectNode o = JsonRows.JSON.createObjectNode().put("contract", id).put("cluster", c.id());
            ctx.status(201);
            send(ctx, o);
        } catch (RegistryPages.FieldError e) {
            throw UserException.badParameter(e.field, e.text);
        } catch (StoreException e) {
            throw UserException.impossible(e.text());
        }
    }

    /** {@code POST /clusters/{id}/facts} {@code {inn, year, output, purchases}} → 200 {@code {inn, year}}. */
    void saveFacts(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = user(ctx);
        Cluster c = editable(ctx, pages, a);
        Map<String, String> v = body(ctx);
        try {
            String inn = v.getOrDefault("inn", "");
            if (pages.store().memberships(c.id()).stream().noneMatch(m -> m.inn().equals(inn))) {
                throw RegistryPages.field("inn", Messages.text("registry.form.notMember", inn, c.id()));
            }
            AnnualFacts f = RegistryPages.facts(inn, v);
            pages.store().saveFacts(RegistryPages.actor(a), f);
            send(ctx, JsonRows.JSON.createObjectNode().put("inn", inn).put("year", f.year()).put("cluster", c.id()));
        } catch (RegistryPages.FieldError e) {
            throw UserException.badParameter(e.field, e.text);
        } catch (StoreException e) {
            throw UserException.impossible(e.text());
        }
    }
}
