package org.klaster.app.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.klaster.AnalysisException;
import org.klaster.Text;
import org.klaster.app.analysis.ClusterFigures;
import org.klaster.app.analysis.ComplianceAnalysis;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.ParticipantsAnalysis;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.RegistryAnalysis;
import org.klaster.app.analysis.RegionInfo;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.Texts;
import org.klaster.app.analysis.UserException;
import org.klaster.app.web.Pages.Kpi;
import org.klaster.app.web.Pages.Option;
import org.klaster.data.formats.DataText;
import org.klaster.data.formats.InputException;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.formats.RulesReader;
import org.klaster.app.auth.Access;
import org.klaster.app.auth.Permission;
import org.klaster.app.auth.Principal;
import org.klaster.data.store.Actor;
import org.klaster.data.store.AuditEntry;
import org.klaster.data.store.PlatformStore;
import org.klaster.data.store.Role;
import org.klaster.data.store.StoreException;
import org.klaster.data.store.StoredContract;
import org.klaster.registry.AnnualFacts;
import org.klaster.registry.Cluster;
import org.klaster.registry.ClusterType;
import org.klaster.registry.ComplianceRow;
import org.klaster.registry.Contract;
import org.klaster.registry.ContractType;
import org.klaster.registry.Identifiers;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Registry;
import org.klaster.registry.Requirement;
import org.klaster.registry.RuleSet;

/**
 * The Registry section (templates under {@code registry/}): the national registry table, the cluster
 * profile with its edit forms, the compliance report, the participant profile and the cluster's audit
 * trail, on the platform store ({@link Workbench#platform()}). Numbers come from the analysis layer
 * ({@link RegistryAnalysis}, {@link ParticipantsAnalysis}, {@link ComplianceAnalysis}); every page and
 * download derives from their tables. Every route and the access rule it needs are in {@link #install}
 * (the rules themselves: {@link RegistryAccess}); pages are never cached (they carry forms with this
 * browser's CSRF token and depend on who reads them).
 */
public final class RegistryPages {

    /** Audit entries shown at most. */
    public static final int AUDIT_ROWS = 500;

    private final Workbench wb;
    private final Function<Context, Principal> who;
    private final Clock clock;

    /**
     * @param who   the principal of a request ({@code Auth#user})
     * @param clock whose day is "today" (the default as-of date)
     */
    RegistryPages(Workbench wb, Function<Context, Principal> who, Clock clock) {
        this.wb = wb;
        this.who = who;
        this.clock = clock;
    }

    /**
     * Every route of the section with its access rule ({@link Routes}; {@code Auth#gate} enforces it before the
     * handler). Reading is open to every signed-in role; which clusters a role reads, the handlers decide
     * ({@link RegistryAccess}), as they check again what the rule allowed.
     */
    void install(Routes r) {
        Access anyCluster = Access.ownCluster("id", Permission.EDIT_EVERY_CLUSTER.roles().toArray(Role[]::new));
        Access auditors = Access.ownCluster("id", Permission.READ_EVERY_AUDIT.roles().toArray(Role[]::new));
        Access ownOrg = Access.ownOrganisation("inn", Permission.EDIT_EVERY_CLUSTER.roles().toArray(Role[]::new));
        r.get(Section.REGISTRY.path(), Access.SIGNED_IN, Pages.page(wb, this::list));
        r.get("/registry/export.csv", Access.SIGNED_IN, this::exportList);
        r.get("/registry/export.xlsx", Access.SIGNED_IN, this::exportList);
        r.get("/registry/clusters/new", Access.of(Permission.CREATE_CLUSTER), Pages.page(wb, this::newCluster));
        r.post("/registry/clusters", Access.of(Permission.CREATE_CLUSTER), this::createCluster);
        r.get("/registry/clusters/{id}", Access.SIGNED_IN, Pages.page(wb, this::profile));
        r.get("/registry/clusters/{id}/{what}/export.csv", Access.SIGNED_IN, this::exportCluster);
        r.get("/registry/clusters/{id}/{what}/export.xlsx", Access.SIGNED_IN, this::exportCluster);
        r.get("/registry/clusters/{id}/compliance", Access.SIGNED_IN, Pages.page(wb, this::compliance));
        r.post("/registry/clusters/{id}/participants", anyCluster, this::addParticipant);
        r.post("/registry/clusters/{id}/import", anyCluster, this::importFiles);
        r.post("/registry/clusters/{id}/contracts", anyCluster, this::addContract);
        r.post("/registry/clusters/{id}/contracts/{contract}/delete", anyCluster, this::deleteContract);
        r.post("/registry/clusters/{id}/facts", anyCluster, this::saveFacts);
        r.get("/registry/clusters/{id}/audit", auditors, Pages.page(wb, this::audit));
        r.get("/registry/organisations/{inn}", Access.SIGNED_IN, Pages.page(wb, this::organisation));
        r.post("/registry/organisations/{inn}", ownOrg, this::saveOrganisation);
        r.post("/registry/organisations/{inn}/facts", ownOrg, this::saveOrganisationFacts);
    }

    // ------------------------------------------------------------------ who, what, from where

    /** The signed-in principal of a request, or null. */
    Principal user(Context ctx) {
        Principal p = who.apply(ctx);
        return RegistryAccess.signedIn(p) ? p : null;
    }

    /**
     * Refuses: 401 for an anonymous visitor (the routes' rules send them to sign in first, so this is a second
     * line), 403 with the access check's own sentence for an account that may not see or change this one.
     */
    static Security.Refused refused(Principal a) {
        return a == null ? new Security.Refused(401, Messages.text("registry.signIn"))
                : new Security.Refused(403, Messages.text("auth.forbidden"));
    }

    static Actor actor(Principal a) {
        return a.actor();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    PlatformStore store() {
        return wb.platform();
    }

    /** The rules the reports use: the latest saved version, else the project's own file. */
    record Rules(RuleSet set, String version, Provenance.Input input) {
    }

    Rules rules() {
        var saved = store().currentRules();
        if (saved.isPresent()) {
            RuleSet s = saved.get();
            return new Rules(s, s.version(), new Provenance.Input("rules_version", null, s.version(), null, false, null));
        }
        RuleSet p = RulesReader.project().rules();
        return new Rules(p, null, Provenance.Input.file("rules", RulesReader.PROJECT_RULES_NAME, p.version()));
    }

    /** The SYNTHETIC demo clusters say so in their name (DemoRegistry): their pages carry the badge. */
    static boolean synthetic(Cluster c) {
        return c.name() != null && c.name().contains("SYNTHETIC");
    }

    /** The registry as the provenance names it: the platform store, synthetic when a cluster shown is. */
    Provenance.Input registryInput(List<Cluster> shown) {
        boolean syn = shown.stream().anyMatch(RegistryPages::synthetic);
        return new Provenance.Input("registry", null, store().dialect() == org.klaster.data.store.Dialect.POSTGRESQL ? "PostgreSQL"
                : "DuckDB", null, syn, null);
    }

    /** The cluster of the path, readable by the account (404 unknown, 401/403 refused). */
    private Cluster readable(Req q, Registry r, Principal a) {
        String id = Param.code("id", q.ctx.pathParam("id"));
        if (a == null) throw refused(null);
        Cluster c = r.cluster(id);
        if (c == null) throw new NotFound(q.msg.format("registry.noClusterPage", id));
        if (!RegistryAccess.canRead(a, r, id)) throw refused(a);
        return c;
    }

    private LocalDate asOf(Req q) {
        String v = q.param("as_of");
        if (v == null || v.isBlank()) return today();
        return ComplianceAnalysis.date("as_of", v);
    }

    private boolean unconfirmed(Req q) {
        return !"exclude".equals(Param.oneOf("unconfirmed", q.param("unconfirmed"), List.of("include", "exclude"), "include"));
    }

    private static Shell shell(Req q, String title, Map<String, String> errors) {
        return Pages.shell(q, Section.REGISTRY, title, null, List.of(), "/registry", errors);
    }

    String typeName(Messages m, ClusterType t) {
        return m.get("registry.type." + t.code());
    }

    // ------------------------------------------------------------------ the national table

    public record ListPage(Shell shell, String asOf, List<Option> years, List<Option> regions, List<Option> types,
                           List<Option> specialisations, List<Option> verdicts, boolean unconfirmed, List<Kpi> kpis,
                           TableModel table, boolean canCreate, String empty) {
    }

    private RegistryAnalysis.Params listParams(Req q, Registry r) {
        return RegistryAnalysis.Params.of(q.param("as_of"), q.year("year"), today(), r, unconfirmed(q), q.param("region"),
                q.param("type"), q.param("specialisation"), q.param("compliance"));
    }

    /** The registry restricted to the clusters the account sees (their organisations and figures stay whole). */
    private static Registry visible(Registry r, Principal a) {
        List<Cluster> shown = r.clusters().stream().filter(c -> RegistryAccess.canRead(a, r, c.id())).toList();
        return new Registry(r.organisations(), shown, r.memberships(), r.contracts(), r.facts(), r.offers());
    }

    void list(Req q, Map<String, String> errors) {
        Principal a = user(q.ctx);
        if (a == null) throw refused(null);
        Messages m = q.msg;
        Names names = q.names();
        Registry all = store().registry();
        Registry r = visible(all, a);
        RegistryAnalysis.Params p = listParams(q, r);
        Rules rules = rules();
        Table<RegistryAnalysis.Row> t = RegistryAnalysis.run(r, rules.set(), registryInput(r.clusters()), rules.input(), p, names, true);
        Shell s = shell(q, m.get("registry.title"), errors).controls("as_of", "year", "region", "type", "specialisation",
                "compliance", "unconfirmed");
        s.shows(t);
        List<RegistryAnalysis.Row> rows = t.list();
        long pass = rows.stream().filter(x -> Boolean.TRUE.equals(x.compliant())).count();
        double employees = rows.stream().mapToDouble(x -> Double.isNaN(x.employees()) ? 0 : x.employees()).sum();
        int participants = rows.stream().mapToInt(RegistryAnalysis.Row::participants).sum();
        List<Kpi> kpis = List.of(
                new Kpi(m.get("registry.kpi.clusters"), m.count(rows.size()), null),
                new Kpi(m.get("registry.kpi.compliant"), m.count(pass), m.format("registry.kpi.compliantHelp", p.asOf().toString(), p.year())),
                new Kpi(m.get("registry.kpi.participants"), m.count(participants), null),
                new Kpi(m.get("registry.kpi.employees"), m.count(employees), null));
        Object[] keep = {"as_of", q.param("as_of"), "year", p.year(), "region", p.region(), "type", p.type() == null ? null : p.type().code(),
            "specialisation", p.specialisation(), "compliance", p.verdict() == null ? null : p.verdict().code(),
            "unconfirmed", p.includeUnconfirmed() ? null : "exclude"};
        TableModel table = PageTable.of(t, m, "name", "cluster_type", "cluster_regions", "specialisation", "participants",
                        "employees", "cluster_output", "inside_share", "compliant")
                .text((x, c) -> switch (c) {
                    case "cluster_type" -> typeName(m, x.cluster().type());
                    case "cluster_regions" -> String.join(", ", x.cluster().regions().stream().map(names::region).toList());
                    case "specialisation" -> String.join(", ", x.cluster().specialisation());
                    case "compliant" -> x.compliant() == null ? m.get("registry.notJudged") : x.compliant() ? m.get("registry.pass")
                            : m.format("registry.failN", x.failed());
                    default -> null;
                })
                .cls((x, c) -> c.equals("compliant") ? x.compliant() == null ? "muted" : x.compliant() ? "pass" : "fail" : null)
                .href((x, c) -> c.equals("name") ? s.url("/registry/clusters/" + x.cluster().id()) : null)
                .build("registry", m.get("registry.table"));
        table.sort(q, "name", false).links(s, Pages.without(q, "sort", "dir"), s.url("/registry/export.csv", keep),
                s.url("/registry/export.xlsx", keep));

        Set<String> regionCodes = new TreeSet<>();
        Set<String> specs = new TreeSet<>();
        for (Cluster c : r.clusters()) {
            regionCodes.addAll(c.regions());
            for (String sp : c.specialisation()) specs.add(sp.contains(".") ? sp.substring(0, sp.indexOf('.')) : sp);
        }
        List<Option> regions = new ArrayList<>();
        regions.add(new Option("", m.get("registry.any"), p.region() == null));
        for (String iso : regionCodes) regions.add(new Option(iso, names.region(iso), iso.equals(p.region())));
        List<Option> types = new ArrayList<>();
        types.add(new Option("", m.get("registry.any"), p.type() == null));
        for (ClusterType ct : ClusterType.values()) types.add(new Option(ct.code(), typeName(m, ct), ct == p.type()));
        List<Option> specOptions = new ArrayList<>();
        specOptions.add(new Option("", m.get("registry.any"), p.specialisation() == null));
        for (String sp : specs) specOptions.add(new Option(sp, names.industryLabel(sp), sp.equals(p.specialisation())));
        if (p.specialisation() != null && !specs.contains(p.specialisation())) {
            specOptions.add(new Option(p.specialisation(), names.industryLabel(p.specialisation()), true));
        }
        List<Option> verdicts = List.of(new Option("", m.get("registry.any"), p.verdict() == null),
                new Option("pass", m.get("registry.verdict.pass"), p.verdict() == RegistryAnalysis.Verdict.PASS),
                new Option("fail", m.get("registry.verdict.fail"), p.verdict() == RegistryAnalysis.Verdict.FAIL));
        Pages.render(q.ctx, "registry/list.jte", new ListPage(s, p.asOf().toString(), yearOptions(r, p.year()), regions, types,
                specOptions, verdicts, p.includeUnconfirmed(), kpis, table, RegistryAccess.canCreate(a),
                all.clusters().isEmpty() ? m.get("registry.empty") : rows.isEmpty() ? m.get("registry.noneMatch") : null));
    }

    /** Years with facts or contracts in the registry (and the chosen one), newest first. */
    private static List<Option> yearOptions(Registry r, int selected) {
        Set<Integer> ys = new TreeSet<>();
        r.facts().forEach(f -> ys.add(f.year()));
        r.contracts().forEach(c -> ys.add(c.year()));
        ys.add(selected);
        return Pages.years(ys, selected);
    }

    void exportList(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        Principal a = user(ctx);
        if (a == null) throw refused(null);
        Registry r = visible(store().registry(), a);
        RegistryAnalysis.Params p = listParams(q, r);
        Rules rules = rules();
        Downloads.send(ctx, RegistryAnalysis.run(r, rules.set(), registryInput(r.clusters()), rules.input(), p, q.names(), true),
                "klaster-registry-" + p.asOf() + "-" + p.year(), q.msg);
    }

    // ------------------------------------------------------------------ a new cluster

    /** What a form sent back, to draw it again with its values and the sentence next to it. */
    public record Form(String id, boolean ok, String message, long line, String column, List<String> warnings,
                       Map<String, String> values) {

        public String value(String name) {
            String v = values == null ? null : values.get(name);
            return v == null ? "" : v;
        }

        public boolean checked(String name) {
            return "on".equals(value(name)) || "true".equals(value(name));
        }

        public boolean selected(String name, String option) {
            return option.equals(value(name));
        }

        /** A value of the form {@code form} only (forms of one page share field names such as year). */
        public String of(String form, String name) {
            return form.equals(id) ? value(name) : "";
        }

        /** The sentence of the form {@code form}, or null. */
        public String messageOf(String form) {
            return form.equals(id) ? message : null;
        }
    }

    /** No form was sent. */
    static Form none(String id) {
        return new Form(id, true, null, 0, null, List.of(), Map.of());
    }

    public record ClusterFormPage(Shell shell, String csrf, Form form, List<Option> types, List<Option> regions) {
    }

    void newCluster(Req q, Map<String, String> errors) {
        drawClusterForm(q, none("cluster"), errors);
    }

    private void drawClusterForm(Req q, Form f, Map<String, String> errors) {
        Principal a = user(q.ctx);
        if (!RegistryAccess.canCreate(a)) throw refused(a);
        Messages m = q.msg;
        Shell s = shell(q, m.get("registry.new.title"), errors).input(registryInput(List.of()));
        List<Option> types = new ArrayList<>();
        for (ClusterType t : ClusterType.values()) {
            types.add(new Option(t.code(), typeName(m, t), t.code().equals(f.value("type")) || (f.value("type").isEmpty()
                    && t == ClusterType.INDUSTRIAL)));
        }
        Set<String> chosen = new LinkedHashSet<>(RegistryReaderLists.list(f.value("regions")));
        List<Option> regions = new ArrayList<>();
        for (RegionInfo ri : wb.regions().all()) regions.add(new Option(ri.iso(), ri.name(m.lang()), chosen.contains(ri.iso())));
        Pages.render(q.ctx, "registry/new.jte", new ClusterFormPage(s, Security.token(q.ctx), f, types, regions));
    }

    /** {@code POST /registry/clusters}: id, name, type, regions (repeated), specialisation, specialised_organisation. */
    void createCluster(Context ctx) {
        Req q = Req.of(ctx, wb);
        Principal a = user(ctx);
        if (!RegistryAccess.canCreate(a)) throw refused(a);
        Messages m = q.msg;
        Map<String, String> values = new LinkedHashMap<>();
        for (String k : List.of("id", "name", "type", "specialisation", "specialised_organisation")) values.put(k, field(ctx, k));
        values.put("regions", String.join(";", ctx.formParams("regions").stream().map(String::strip).filter(x -> !x.isEmpty()).toList()));
        try {
            String id = values.get("id");
            if (id.isEmpty()) throw field("id", Messages.text("param.required"));
            if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) throw field("id", Messages.text("registry.form.id"));
            if (store().cluster(id).isPresent()) throw field("id", Messages.text("registry.form.idTaken", id));
            if (values.get("name").isEmpty()) throw field("name", DataText.data("registry.name.empty"));
            ClusterType type = ClusterType.parse(values.get("type"));
            if (type == null) {
                throw field("type", DataText.data("registry.type.unknown", DataText.quoted(values.get("type")),
                        String.join(", ", ClusterType.codes())));
            }
            List<String> regions = RegistryReaderLists.list(values.get("regions"));
            if (regions.isEmpty()) throw field("regions", Messages.text("registry.form.regions"));
            for (String reg : regions) {
                if (!wb.regions().contains(reg)) throw field("regions", Messages.text("error.noRegion", reg));
            }
            List<String> spec = RegistryReaderLists.list(values.get("specialisation").replace(',', ';'));
            for (String sp : spec) {
                if (!sp.matches("\\d{2}(\\.\\d{1,2}){0,3}")) throw field("specialisation", Messages.text("registry.form.okved", sp));
            }
            String org = values.get("specialised_organisation");
            if (!org.isEmpty() && store().organisation(org).isEmpty()) {
                throw field("specialised_organisation", DataText.data("registry.inn.unknown", DataText.quoted(org)));
            }
            Cluster c = new Cluster(id, values.get("name"), type, regions, spec, org);
            // one transaction: a taken id is refused, and a cluster manager manages what they create
            store().createCluster(actor(a), c, a.role() == Role.CLUSTER_MANAGER ? a.accountId() : null);
            ctx.redirect("/registry/clusters/" + Shell.enc(id) + "?done=created", HttpStatus.SEE_OTHER);
        } catch (FieldError e) {
            ctx.status(422);
            drawClusterForm(q, new Form("cluster", false, m.format("error.param", m.get("registry.field." + e.field), m.text(e.text)),
                    0, null, List.of(), values), Map.of());
        } catch (StoreException e) {
            ctx.status(422);
            drawClusterForm(q, new Form("cluster", false, m.text(Texts.of(e)), 0, null, List.of(), values), Map.of());
        }
    }

    /** A form field the form refuses, with the sentence (the readers' messages where they exist). */
    static final class FieldError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String field;
        final transient Text text;

        FieldError(String field, Text text) {
            super(field, null, false, false);
            this.field = field;
            this.text = text;
        }
    }

    static FieldError field(String name, Text text) {
        return new FieldError(name, text);
    }

    /** A form field, stripped, never null; at most 500 characters (longer is refused by the store's bounds anyway). */
    static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null) return "";
        v = v.strip();
        return v.length() > 500 ? v.substring(0, 500) : v;
    }

    /** The {@code a;b; c} lists of the registry files. */
    static final class RegistryReaderLists {
        private RegistryReaderLists() {
        }

        static List<String> list(String cell) {
            if (cell == null || cell.isBlank()) return List.of();
            return java.util.Arrays.stream(cell.split(";")).map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
        }
    }

    // ------------------------------------------------------------------ the cluster profile

    /** A region of the cluster with its links to the Mapping profile and the Opportunities analysis. */
    public record RegionLink(String iso, String name, String mappingUrl, String opportunitiesUrl) {
    }

    /** A swatch of a chart legend drawn in HTML (the network's contract types). */
    public record Swatch(String color, String label) {
    }

    /** An organisation for a select box. */
    public record Choice(String inn, String label) {
    }

    public record Profile(Shell shell, Cluster cluster, String typeName, List<RegionLink> regions, List<String> specialisation,
                          String specialisedOrganisation, String specialisedOrganisationUrl, List<Kpi> kpis, Boolean compliant,
                          String verdict, String complianceUrl, String asOf, int year, List<Option> years, String networkChart,
                          List<Swatch> contractLegend, String networkNote, String mapChart, String mapNote,
                          String yearsChart, TableModel yearsTable, TableModel participants, TableModel contracts,
                          boolean canEdit, boolean canAudit, String csrf, Form form, String done, List<Choice> members,
                          List<Option> orgTypes, List<Option> contractTypes, List<Option> regionOptions, String today) {
    }

    void profile(Req q, Map<String, String> errors) {
        drawProfile(q, null, errors);
    }

    private void drawProfile(Req q, Form form, Map<String, String> errors) {
        Principal a = user(q.ctx);
        Registry r = store().registry();
        Cluster c = readable(q, r, a);
        Messages m = q.msg;
        Names names = q.names();
        LocalDate asOf = asOf(q);
        Integer askedYear = q.year("year");
        int year = askedYear != null ? askedYear : RegistryAnalysis.defaultYear(r, asOf);
        Rules rules = rules();
        Provenance.Input regIn = registryInput(List.of(c));
        Shell s = shell(q, c.name(), errors).controls("as_of", "year");

        Table<ParticipantsAnalysis.Row> pt = ParticipantsAnalysis.run(r, regIn, c.id(), asOf, year, names, true);
        s.shows(pt);
        Map<String, Object> sum = pt.summary();
        RegistryAnalysis.Params rp = new RegistryAnalysis.Params(asOf, year, true, null, null, null, null);
        Registry only = new Registry(r.organisations(), List.of(c), r.memberships(), r.contracts(), r.facts(), r.offers());
        RegistryAnalysis.Row row = RegistryAnalysis.run(only, rules.set(), regIn, rules.input(), rp, names, true).list().get(0);
        String verdict = row.compliant() == null ? m.get("registry.notJudged") : row.compliant() ? m.get("registry.pass")
                : m.format("registry.failN", row.failed());
        List<Kpi> kpis = List.of(
                new Kpi(m.get("registry.kpi.participants"), m.count(row.participants()), m.format("registry.kpi.onDay", asOf.toString())),
                new Kpi(m.get("registry.kpi.employees"), Double.isNaN(row.employees()) ? "—" : m.count(row.employees()), null),
                new Kpi(m.format("registry.kpi.output", year), Double.isNaN(row.output()) ? "—"
                        : m.num(row.output() / 1000, 1) + "\u00a0" + m.get("registry.unit.mln"), m.get("col.cluster_output.help")),
                new Kpi(m.get("registry.kpi.insideShare"), Double.isNaN(row.insideShare()) ? "—" : m.percent(row.insideShare()),
                        m.get("col.inside_share.help")),
                new Kpi(m.get("registry.kpi.verdict"), verdict, m.format("registry.kpi.compliantHelp", asOf.toString(), year)));
        String complianceUrl = s.url("/registry/clusters/" + c.id() + "/compliance", "as_of", asOf.toString(), "year", year);

        // participants table
        Object[] keep = {"as_of", asOf.toString(), "year", year};
        TableModel participants = PageTable.of(pt, m, "name", "organisation_type", "region", "joined", "participant",
                        "final_producer", "employees", "org_output", "sold_inside", "bought_inside", "inside_contracts")
                .text((x, col) -> switch (col) {
                    case "organisation_type" -> m.get("registry.orgType." + x.org().type().code());
                    case "region" -> x.org().region() == null || x.org().region().isBlank() ? "" : names.region(x.org().region());
                    case "joined" -> x.membership().left() == null ? x.membership().joined().toString()
                            : x.membership().joined() + " – " + x.membership().left();
                    default -> null;
                })
                .href((x, col) -> col.equals("name") ? s.url("/registry/organisations/" + x.org().inn()) : null)
                .build("participants", m.format("registry.participants", year));
        participants.param("p").sort(q, "participant", true).links(s, Pages.without(q, "psort", "pdir"),
                s.url("/registry/clusters/" + c.id() + "/participants/export.csv", keep),
                s.url("/registry/clusters/" + c.id() + "/participants/export.xlsx", keep));

        // contracts
        Map<String, Contract> stored = new LinkedHashMap<>();
        for (StoredContract sc : store().contracts(c.id())) stored.put(sc.id(), sc.contract());
        Table<RegistryAnalysis.ContractRow> ct = RegistryAnalysis.contracts(r, stored, regIn, c.id(), asOf, true);
        Map<String, Organisation> orgs = r.byInn();
        TableModel contracts = PageTable.of(ct, m, "contract", "supplier", "buyer", "contract_type", "year", "value", "inside")
                .text((x, col) -> switch (col) {
                    case "supplier" -> orgName(orgs, x.contract().supplier());
                    case "buyer" -> orgName(orgs, x.contract().buyer());
                    case "contract_type" -> m.get("registry.contractType." + x.contract().type().code());
                    default -> null;
                })
                .build("contracts", m.get("registry.contracts"));
        contracts.param("k").sort(q, "year", true).links(s, Pages.without(q, "ksort", "kdir"),
                s.url("/registry/clusters/" + c.id() + "/contracts/export.csv", keep),
                s.url("/registry/clusters/" + c.id() + "/contracts/export.xlsx", keep));

        // the cooperation network of the year: participants as nodes, contracts between them summed per pair and type
        ClusterFigures f = ClusterFigures.of(r, c, asOf, year);
        List<String> orgTypeNames = new ArrayList<>();
        for (OrganisationType t : OrganisationType.values()) orgTypeNames.add(m.get("registry.orgType." + t.code()));
        List<Charts.Node> nodes = new ArrayList<>();
        for (String inn : f.participants().keySet()) {
            Organisation o = orgs.get(inn);
            AnnualFacts af = f.facts(inn);
            double out = af == null || Double.isNaN(af.output()) ? 0 : af.output();
            nodes.add(new Charts.Node(inn, o.name(), o.type().ordinal(), out, o.name() + "\n" + m.get("registry.orgType." + o.type().code())
                    + (af == null || Double.isNaN(af.output()) ? "" : "\n" + m.format("registry.tip.output", year, money(m, af.output())))));
        }
        Map<List<Object>, Double> pairs = new LinkedHashMap<>();
        for (Contract k : r.contracts()) {
            if (!k.cluster().equals(c.id()) || k.year() != year || !f.isParticipant(k.supplier()) || !f.isParticipant(k.buyer())) continue;
            pairs.merge(List.of(k.supplier(), k.buyer(), k.type()), k.value(), Double::sum);
        }
        List<Charts.Link> links = new ArrayList<>();
        pairs.forEach((key, v) -> {
            ContractType t = (ContractType) key.get(2);
            links.add(new Charts.Link((String) key.get(0), (String) key.get(1), v, Charts.CONTRACT_COLORS[t.ordinal()],
                    orgName(orgs, (String) key.get(0)) + " \u2192 " + orgName(orgs, (String) key.get(1)) + "\n"
                            + m.get("registry.contractType." + t.code()) + ": " + money(m, v)));
        });
        List<Swatch> legend = new ArrayList<>();
        for (ContractType t : ContractType.values()) legend.add(new Swatch(Charts.CONTRACT_COLORS[t.ordinal()],
                m.get("registry.contractType." + t.code())));
        String network = nodes.isEmpty() ? null : Charts.network(m.lang().name(), orgTypeNames, nodes, links);
        String networkNote = m.format("registry.network.note", year, links.size(), f.insideContracts());

        // participants on a map: their coordinates, by type, around the cluster's regional capitals
        Map<OrganisationType, List<Charts.Point>> byType = new java.util.EnumMap<>(OrganisationType.class);
        int withCoords = 0;
        for (String inn : f.participants().keySet()) {
            Organisation o = orgs.get(inn);
            if (Double.isNaN(o.lat()) || Double.isNaN(o.lon())) continue;
            withCoords++;
            byType.computeIfAbsent(o.type(), k -> new ArrayList<>()).add(new Charts.Point(o.name() + " · "
                    + m.get("registry.orgType." + o.type().code()), o.lon(), o.lat()));
        }
        String mapChart = null;
        if (withCoords > 0) {
            List<String> seriesNames = new ArrayList<>();
            List<List<Charts.Point>> series = new ArrayList<>();
            List<String> colors = new ArrayList<>();
            byType.forEach((t, pts) -> {
                seriesNames.add(m.get("registry.orgType." + t.code()));
                series.add(pts);
                colors.add(Charts.ORG_COLORS[t.ordinal()]); // the network's colour of the type
            });
            RegionInfo capital = c.regions().isEmpty() ? null : wb.regions().get(c.regions().get(0)).orElse(null);
            double lon0 = capital != null ? capital.lon() : series.get(0).get(0).x();
            double lat0 = capital != null ? capital.lat() : series.get(0).get(0).y();
            mapChart = Charts.withColors(Charts.plotTop(Charts.scatter(m.get("col.lon"), m.get("col.lat"), m.lang().name(),
                    seriesNames, series, lon0, lat0), seriesNames.size() > 3 ? 84 : 56), colors);
        }
        Map<String, Integer> byRegion = f.byRegion();
        String mapNote = m.format("registry.map.note", withCoords, f.count(), String.join(", ", byRegion.entrySet().stream()
                .map(e -> names.region(e.getKey()) + " " + e.getValue()).toList()));

        // the cluster over its years
        Table<RegistryAnalysis.YearRow> yt = RegistryAnalysis.years(r, rules.set(), regIn, rules.input(), c.id(), asOf, true, true);
        List<RegistryAnalysis.YearRow> yrows = yt.list();
        String yearsChart = null;
        if (!yrows.isEmpty()) {
            List<Integer> ys = yrows.stream().map(RegistryAnalysis.YearRow::year).toList();
            double[] out = yrows.stream().mapToDouble(RegistryAnalysis.YearRow::output).toArray();
            int[] parts = yrows.stream().mapToInt(RegistryAnalysis.YearRow::participants).toArray();
            double[] share = yrows.stream().mapToDouble(RegistryAnalysis.YearRow::insideShare).toArray();
            Boolean[] ok = yrows.stream().map(RegistryAnalysis.YearRow::compliant).toArray(Boolean[]::new);
            yearsChart = Charts.clusterYears(m.lang().name(), ys, m.get("col.cluster_output"), m.get("registry.unit.thousand"), out,
                    m.get("col.participants"), parts, m.get("col.inside_share"), share, ok, m.get("registry.pass"), m.get("registry.fail"));
        }
        TableModel yearsTable = PageTable.of(yt, m, "year", "participants", "employees", "cluster_output", "inside_value",
                        "inside_share", "compliant")
                .text((x, col) -> col.equals("compliant") ? x.compliant() == null ? m.get("registry.notJudged")
                        : x.compliant() ? m.get("registry.pass") : m.format("registry.failN", x.failed()) : null)
                .cls((x, col) -> col.equals("compliant") ? x.compliant() == null ? "muted" : x.compliant() ? "pass" : "fail" : null)
                .href((x, col) -> col.equals("year") ? s.url("/registry/clusters/" + c.id() + "/compliance", "as_of",
                        x.day().toString(), "year", x.year()) : null)
                .build("years", m.get("registry.years"));
        yearsTable.param("y").sort(q, "year", false).links(s, Pages.without(q, "ysort", "ydir"),
                s.url("/registry/clusters/" + c.id() + "/years/export.csv", keep),
                s.url("/registry/clusters/" + c.id() + "/years/export.xlsx", keep));

        List<RegionLink> regions = new ArrayList<>();
        for (String iso : c.regions()) {
            regions.add(new RegionLink(iso, names.region(iso), "/mapping/regions/" + Shell.enc(iso),
                    "/opportunities/region?region=" + Shell.enc(iso)));
        }
        List<String> spec = c.specialisation().stream().map(names::industryLabel).toList();
        Organisation so = c.specialisedOrganisation().isEmpty() ? null : orgs.get(c.specialisedOrganisation());
        boolean canEdit = RegistryAccess.canEdit(a, c.id());
        List<Choice> members = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Membership mb : r.memberships()) {
            if (mb.cluster().equals(c.id()) && seen.add(mb.inn()) && orgs.containsKey(mb.inn())) {
                members.add(new Choice(mb.inn(), orgs.get(mb.inn()).name() + " (" + mb.inn() + ")"));
            }
        }
        members.sort(Comparator.comparing(Choice::label));
        Form fm = form == null ? none("") : form;
        List<Option> orgTypes = new ArrayList<>();
        for (OrganisationType t : OrganisationType.values()) {
            orgTypes.add(new Option(t.code(), m.get("registry.orgType." + t.code()), t.code().equals(fm.value("type"))
                    || (fm.value("type").isEmpty() && t == OrganisationType.ENTERPRISE)));
        }
        List<Option> contractTypes = new ArrayList<>();
        for (ContractType t : ContractType.values()) {
            contractTypes.add(new Option(t.code(), m.get("registry.contractType." + t.code()), t.code().equals(fm.value("contract_type"))));
        }
        List<Option> regionOptions = new ArrayList<>();
        String chosenRegion = fm.value("region").isEmpty() && !c.regions().isEmpty() ? c.regions().get(0) : fm.value("region");
        for (RegionInfo ri : wb.regions().all()) regionOptions.add(new Option(ri.iso(), ri.name(m.lang()), ri.iso().equals(chosenRegion)));
        String done = q.param("done");
        String doneText = done != null && done.matches("[a-z]{1,20}") && m.has("registry.done." + done) ? m.get("registry.done." + done) : null;
        Pages.render(q.ctx, "registry/cluster.jte", new Profile(s, c, typeName(m, c.type()), regions, spec,
                so == null ? c.specialisedOrganisation() : so.name(), so == null ? null : s.url("/registry/organisations/" + so.inn()),
                kpis, row.compliant(), verdict, complianceUrl, asOf.toString(), year, yearOptions(r, year), network, legend,
                networkNote, mapChart, mapNote, yearsChart, yearsTable, participants, contracts, canEdit,
                RegistryAccess.canAudit(a, c.id()), canEdit ? Security.token(q.ctx) : null, fm, doneText, members, orgTypes,
                contractTypes, regionOptions, today().toString()));
    }

    static String orgName(Map<String, Organisation> orgs, String inn) {
        Organisation o = orgs.get(inn);
        return o == null ? inn : o.name();
    }

    /** Thousand RUB as a sentence shows them: mln RUB from 1000 on. */
    static String money(Messages m, double thousands) {
        return Math.abs(thousands) >= 1000 ? m.num(thousands / 1000, 1) + "\u00a0" + m.get("registry.unit.mln")
                : m.num(thousands, 1) + "\u00a0" + m.get("registry.unit.thousand");
    }

    /** {@code /registry/clusters/{id}/{participants|contracts|years|compliance}/export.csv|xlsx}. */
    void exportCluster(Context ctx) throws IOException {
        Req q = Req.of(ctx, wb);
        Principal a = user(ctx);
        Registry r = store().registry();
        Cluster c = readable(q, r, a);
        String what = ctx.pathParam("what");
        LocalDate asOf = asOf(q);
        Integer y = q.year("year");
        int year = y != null ? y : RegistryAnalysis.defaultYear(r, asOf);
        Provenance.Input regIn = registryInput(List.of(c));
        Rules rules = rules();
        String base = "klaster-" + what + "-" + c.id() + "-" + asOf;
        switch (what) {
            case "participants" -> Downloads.send(ctx, ParticipantsAnalysis.run(r, regIn, c.id(), asOf, year, q.names(), true),
                    base + "-" + year, q.msg);
            case "contracts" -> {
                Map<String, Contract> stored = new LinkedHashMap<>();
                for (StoredContract sc : store().contracts(c.id())) stored.put(sc.id(), sc.contract());
                Downloads.send(ctx, RegistryAnalysis.contracts(r, stored, regIn, c.id(), asOf, true), base, q.msg);
            }
            case "years" -> Downloads.send(ctx, RegistryAnalysis.years(r, rules.set(), regIn, rules.input(), c.id(), asOf,
                    unconfirmed(q), true), base, q.msg);
            case "compliance" -> Downloads.send(ctx, complianceTable(q, r, c, rules, asOf, year), base + "-" + year, q.msg);
            default -> throw new NotFound(q.msg.get("error.notFound"));
        }
    }

    private Table<ComplianceAnalysis.Row> complianceTable(Req q, Registry r, Cluster c, Rules rules, LocalDate asOf, int year) {
        ComplianceAnalysis.Params p = new ComplianceAnalysis.Params(c.id(), asOf, year, null, unconfirmed(q));
        return ComplianceAnalysis.run(r, rules.set(), rules.version(), registryInput(List.of(c)), p, q.names(), true);
    }

    // ------------------------------------------------------------------ edits of a cluster

    /** The cluster of a POST, editable by the account (404 unknown, 401/403 refused). */
    private Cluster editable(Context ctx, Principal a) {
        String id = Param.code("id", ctx.pathParam("id"));
        if (a == null) throw refused(null);
        Cluster c = store().cluster(id).orElseThrow(() -> new NotFound(Messages.of(org.klaster.app.analysis.Lang.en)
                .format("registry.noClusterPage", id)));
        if (!RegistryAccess.canEdit(a, c.id())) throw refused(a);
        return c;
    }

    private static Map<String, String> values(Context ctx, String... names) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String n : names) v.put(n, field(ctx, n));
        return v;
    }

    /** After a change: the profile again (GET), saying what was done. */
    private static void done(Context ctx, String path, String what, String anchor) {
        ctx.redirect(path + "?done=" + what + "#" + anchor, HttpStatus.SEE_OTHER);
    }

    /** The profile again with the form's sentence (422), the form filled as it was sent. */
    private void failed(Context ctx, String form, Text text, Map<String, String> values) {
        Req q = Req.of(ctx, wb);
        ctx.status(422);
        drawProfile(q, new Form(form, false, q.msg.text(text), 0, null, List.of(), values), Map.of());
    }

    private void failed(Context ctx, String form, FieldError e, Map<String, String> values) {
        Messages m = Req.of(ctx, wb).msg;
        failed(ctx, form, Messages.text("error.param", m.get("registry.field." + e.field), e.text), values);
    }

    /** {@code POST …/participants}: an organisation (registry fields) and the day it joined. */
    void addParticipant(Context ctx) {
        Principal a = user(ctx);
        Cluster c = editable(ctx, a);
        Map<String, String> v = values(ctx, "inn", "ogrn", "name", "type", "okved", "region", "lat", "lon", "employees",
                "final_producer", "special_territory", "joined");
        submit(ctx, "participant", v, () -> {
            Organisation o = organisation(v.get("inn"), v);
            LocalDate joined = date("joined", v.get("joined"), today());
            Registry r = store().registry();
            boolean exists = r.byInn().containsKey(o.inn());
            for (Membership mb : r.memberships()) {
                if (mb.cluster().equals(c.id()) && mb.inn().equals(o.inn()) && mb.left() == null) {
                    throw field("inn", Messages.text("registry.form.member", o.inn(), c.id()));
                }
            }
            // one transaction: the organisation (unless stored already: its profile is its own to edit) and the membership
            store().addParticipant(actor(a), exists ? null : o, new Membership(c.id(), o.inn(), joined, null));
            done(ctx, "/registry/clusters/" + Shell.enc(c.id()), exists ? "memberAdded" : "participantAdded", "participants");
        });
    }

    /**
     * Runs a cluster form's work (which ends in {@code done}); a field or store refusal redraws the form with the
     * sentence and the values as typed.
     */
    private void submit(Context ctx, String form, Map<String, String> values, Runnable work) {
        try {
            work.run();
        } catch (FieldError e) {
            failed(ctx, form, e, values);
        } catch (StoreException e) {
            failed(ctx, form, Texts.of(e), values);
        }
    }

    /** An organisation from form fields, checked as the organisations file is (the same sentences). */
    Organisation organisation(String inn, Map<String, String> v) {
        if (!inn.matches("\\d{10}|\\d{12}")) throw field("inn", DataText.data("registry.inn.format", DataText.quoted(inn)));
        if (!Identifiers.validInn(inn)) throw field("inn", DataText.data("registry.inn.check", DataText.quoted(inn)));
        String ogrn = v.getOrDefault("ogrn", "");
        if (!ogrn.matches("\\d{13}|\\d{15}")) throw field("ogrn", DataText.data("registry.ogrn.format", DataText.quoted(ogrn)));
        if (!Identifiers.validOgrn(ogrn)) throw field("ogrn", DataText.data("registry.ogrn.check", DataText.quoted(ogrn)));
        if ((inn.length() == 10) != (ogrn.length() == 13)) {
            throw field("ogrn", DataText.data("registry.ogrn.kind", DataText.quoted(ogrn), DataText.quoted(inn)));
        }
        String name = v.getOrDefault("name", "");
        if (name.isEmpty()) throw field("name", DataText.data("registry.name.empty"));
        OrganisationType type = OrganisationType.parse(v.getOrDefault("type", ""));
        if (type == null) {
            throw field("type", DataText.data("registry.type.unknown", DataText.quoted(v.getOrDefault("type", "")),
                    String.join(", ", OrganisationType.codes())));
        }
        String okved = v.getOrDefault("okved", "");
        if (!okved.isEmpty() && !okved.matches("\\d{2}(\\.\\d{1,2}){0,3}")) throw field("okved", Messages.text("registry.form.okved", okved));
        String region = v.getOrDefault("region", "");
        if (!region.isEmpty() && !wb.regions().contains(region)) throw field("region", Messages.text("error.noRegion", region));
        double lat = number("lat", v.get("lat"), -90, 90);
        double lon = number("lon", v.get("lon"), -180, 180);
        double employees = number("employees", v.get("employees"), 0, 1e7);
        double revenue = number("revenue", v.get("revenue"), 0, 1e15);
        boolean fin = "on".equals(v.get("final_producer")) || "true".equals(v.get("final_producer"));
        boolean special = "on".equals(v.get("special_territory")) || "true".equals(v.get("special_territory"));
        return new Organisation(inn, ogrn, name, type, okved, region, lat, lon, employees, revenue, fin, special);
    }

    /** An optional number in [min, max] (a decimal comma is read as a point); NaN when blank. */
    static double number(String field, String v, double min, double max) {
        if (v == null || v.isBlank()) return Double.NaN;
        String s = v.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw field(field, Messages.text("registry.form.number", Param.shorten(v)));
        }
        if (!Double.isFinite(d)) throw field(field, DataText.data("trade.value.nonfinite", DataText.quoted(v)));
        if (d < 0 && min >= 0) throw field(field, DataText.data("registry.value.negative", DataText.quoted(v)));
        if (d < min || d > max) throw field(field, DataText.data("registry.value.range", DataText.quoted(v), Text.plain(min), Text.plain(max)));
        return d;
    }

    /** A required date (ISO or dd.mm.yyyy, as the registry files), or {@code dflt} when blank and a default is given. */
    static LocalDate date(String field, String v, LocalDate dflt) {
        if (v == null || v.isBlank()) {
            if (dflt != null) return dflt;
            throw field(field, DataText.data("registry.date.empty"));
        }
        String s = v.strip();
        try {
            LocalDate d;
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) d = LocalDate.parse(s);
            else if (s.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
                d = LocalDate.parse(s, java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu")
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } else throw field(field, DataText.data("registry.date.invalid", DataText.quoted(s)));
            if (d.getYear() < 1900 || d.getYear() > 2100) {
                throw field(field, DataText.data("registry.date.range", DataText.quoted(s), 1900, 2100));
            }
            return d;
        } catch (java.time.format.DateTimeParseException e) {
            throw field(field, DataText.data("registry.date.invalid", DataText.quoted(s)));
        }
    }

    static int year(String field, String v) {
        try {
            Integer y = Param.year(field, v);
            if (y == null) throw field(field, Messages.text("param.required"));
            return y;
        } catch (UserException e) {
            throw field(field, e.text());
        }
    }

    /** {@code POST …/contracts}: supplier, buyer (INNs), contract_type, year, value (thousand RUB). */
    void addContract(Context ctx) {
        Principal a = user(ctx);
        Cluster c = editable(ctx, a);
        Map<String, String> v = values(ctx, "supplier", "buyer", "contract_type", "year", "value");
        submit(ctx, "contract", v, () -> {
            Contract k = contract(c.id(), v);
            store().addContract(actor(a), k);
            done(ctx, "/registry/clusters/" + Shell.enc(c.id()), "contract", "contracts");
        });
    }

    /** A contract from fields (form or JSON), checked as the contracts file is. */
    static Contract contract(String cluster, Map<String, String> v) {
        String supplier = v.getOrDefault("supplier", "");
        String buyer = v.getOrDefault("buyer", "");
        if (supplier.isEmpty()) throw field("supplier", Messages.text("param.required"));
        if (buyer.isEmpty()) throw field("buyer", Messages.text("param.required"));
        if (supplier.equals(buyer)) throw field("buyer", DataText.data("registry.contract.self", DataText.quoted(supplier)));
        ContractType type = ContractType.parse(v.getOrDefault("contract_type", ""));
        if (type == null) {
            throw field("contract_type", DataText.data("registry.type.unknown", DataText.quoted(v.getOrDefault("contract_type", "")),
                    String.join(", ", ContractType.codes())));
        }
        int year = year("year", v.get("year"));
        double value = number("value", v.get("value"), 0, 1e15);
        if (Double.isNaN(value)) throw field("value", Messages.text("param.required"));
        return new Contract(cluster, supplier, buyer, type, year, value);
    }

    /** {@code POST …/contracts/{contract}/delete}. */
    void deleteContract(Context ctx) {
        Principal a = user(ctx);
        Cluster c = editable(ctx, a);
        String id = Param.code("contract", ctx.pathParam("contract"));
        boolean ours = store().contracts(c.id()).stream().anyMatch(x -> x.id().equals(id));
        if (!ours) throw new NotFound(Req.of(ctx, wb).msg.format("registry.noContract", id, c.id()));
        store().deleteContract(actor(a), id);
        done(ctx, "/registry/clusters/" + Shell.enc(c.id()), "deleted", "contracts");
    }

    /** {@code POST …/facts}: inn (a member of the cluster), year, output, purchases (thousand RUB). */
    void saveFacts(Context ctx) {
        Principal a = user(ctx);
        Cluster c = editable(ctx, a);
        Map<String, String> v = values(ctx, "inn", "year", "output", "purchases");
        submit(ctx, "facts", v, () -> {
            String inn = v.get("inn");
            boolean member = store().memberships(c.id()).stream().anyMatch(mb -> mb.inn().equals(inn));
            if (!member) throw field("inn", Messages.text("registry.form.notMember", inn, c.id()));
            store().saveFacts(actor(a), facts(inn, v));
            done(ctx, "/registry/clusters/" + Shell.enc(c.id()), "facts", "participants");
        });
    }

    static AnnualFacts facts(String inn, Map<String, String> v) {
        int year = year("year", v.get("year"));
        double output = number("output", v.get("output"), 0, 1e15);
        double purchases = number("purchases", v.get("purchases"), 0, 1e15);
        if (Double.isNaN(output) && Double.isNaN(purchases)) throw field("output", Messages.text("registry.form.factsEmpty"));
        return new AnnualFacts(inn, year, output, purchases);
    }

    /**
     * {@code POST …/import} (multipart): {@code participants} (an organisations file) and/or {@code contracts} (a
     * contracts file), CSV or XLSX, read by {@link RegistryReader} as {@code klaster import registry} reads a folder's
     * files — all or nothing, an error names file, line and column; {@code joined} the day the new participants
     * joined. Everything accepted is stored in one transaction.
     */
    void importFiles(Context ctx) throws IOException {
        Principal a = user(ctx);
        Cluster c = editable(ctx, a);
        Req q = Req.of(ctx, wb);
        Messages m = q.msg;
        Map<String, String> values = new LinkedHashMap<>();
        if (ctx.req().getContentLengthLong() > DataPages.MAX_REQUEST_BYTES) {
            importFailed(ctx, 413, DataPages.tooLarge(m), 0, null, values);
            return;
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            importFailed(ctx, 400, m.get("upload.malformed"), 0, null, values);
            return;
        }
        Map<String, UploadedFile> parts = new LinkedHashMap<>();
        try {
            ctx.formParamMap();
            for (String part : List.of("participants", "contracts")) {
                UploadedFile f = ctx.uploadedFile(part);
                if (f != null && f.filename() != null && !f.filename().isBlank()) parts.put(part, f);
            }
        } catch (RuntimeException e) {
            importFailed(ctx, DataPages.oversize(e) ? 413 : 400, DataPages.oversize(e) ? DataPages.tooLarge(m) : m.get("upload.malformed"),
                    0, null, values);
            return;
        }
        values.put("joined", field(ctx, "joined"));
        if (parts.isEmpty()) {
            importFailed(ctx, 422, m.get("registry.import.noFile"), 0, null, values);
            return;
        }
        Path dir = Files.createTempDirectory("klaster-registry");
        try {
            Map<String, Path> files = new LinkedHashMap<>();
            for (Map.Entry<String, UploadedFile> e : parts.entrySet()) {
                UploadedFile f = e.getValue();
                if (f.size() > DataPages.MAX_UPLOAD_BYTES) {
                    importFailed(ctx, 413, DataPages.tooLarge(m), 0, null, values);
                    return;
                }
                String name = DataPages.safeName(f.filename());
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
                if (!List.of("csv", "txt", "xlsx").contains(ext)) {
                    importFailed(ctx, 422, m.format("upload.badType", name, "csv, txt, xlsx"), 0, null, values);
                    return;
                }
                Path file = Files.createDirectory(dir.resolve(e.getKey())).resolve(name);
                try (InputStream in = f.content()) {
                    Files.copy(in, file);
                }
                String sniff = DataPages.sniff(file, ext);
                if (sniff != null) {
                    importFailed(ctx, 422, m.format(sniff, name), 0, null, values);
                    return;
                }
                files.put(e.getKey(), file);
            }
            LocalDate joined = date("joined", values.get("joined"), today());
            Registry r = store().registry();
            Map<String, Organisation> known = new LinkedHashMap<>(r.byInn());
            List<Organisation> orgs = List.of();
            List<Text> warnings = new ArrayList<>();
            if (files.containsKey("participants")) {
                RegistryReader.FileResult<Organisation> res = RegistryReader.readOrganisations(files.get("participants"));
                orgs = res.rows();
                warnings.addAll(res.warnings());
                for (Organisation o : orgs) known.put(o.inn(), o);
            }
            List<Contract> contracts = List.of();
            if (files.containsKey("contracts")) {
                RegistryReader.FileResult<Contract> res = RegistryReader.readContracts(files.get("contracts"), known, Map.of(c.id(), c));
                contracts = res.rows();
                warnings.addAll(res.warnings());
            }
            Set<String> open = new java.util.HashSet<>();
            for (Membership mb : r.memberships()) if (mb.cluster().equals(c.id()) && mb.left() == null) open.add(mb.inn());
            List<Membership> joins = new ArrayList<>();
            for (Organisation o : orgs) if (!open.contains(o.inn())) joins.add(new Membership(c.id(), o.inn(), joined, null));
            store().importRegistry(actor(a), new Registry(orgs, List.of(), joins, contracts, List.of(), List.of()));
            Form f = new Form("import", true, m.format("registry.import.ok", orgs.size(), joins.size(), contracts.size()), 0, null,
                    warnings.stream().map(m::text).toList(), values);
            ctx.status(201);
            drawProfile(Req.of(ctx, wb), f, Map.of());
        } catch (InputException e) {
            importFailed(ctx, 422, m.text(Texts.of(e)), e.line(), e.column(), values);
        } catch (FieldError e) {
            importFailed(ctx, 422, m.format("error.param", m.get("registry.field." + e.field), m.text(e.text)), 0, null, values);
        } catch (StoreException e) {
            importFailed(ctx, 422, m.text(Texts.of(e)), 0, null, values);
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void importFailed(Context ctx, int status, String message, long line, String column, Map<String, String> values) {
        ctx.status(status);
        drawProfile(Req.of(ctx, wb), new Form("import", false, message, line, column, List.of(), values), Map.of());
    }

    // ------------------------------------------------------------------ the compliance report

    /**
     * One requirement of the report: its rows summed up; {@code empty} says why it has none (not in force on the day,
     * left out as unconfirmed, or nothing to judge).
     */
    public record RequirementSummary(String code, String name, String threshold, boolean applies, long rows, long passed,
                                     long exempt, List<String> failing, boolean unconfirmed, String validFrom, String empty) {
    }

    public record Report(Shell shell, Cluster cluster, String asOf, List<Option> years, int year, boolean unconfirmed,
                         boolean print, Boolean compliant, String verdict, List<RequirementSummary> requirements,
                         TableModel table, List<String> notes, String rules, List<String> rulesUsed, String impossible,
                         String printUrl, String profileUrl, String rulesUrl) {
    }

    void compliance(Req q, Map<String, String> errors) {
        Principal a = user(q.ctx);
        Registry r = store().registry();
        Cluster c = readable(q, r, a);
        Messages m = q.msg;
        Names names = q.names();
        LocalDate asOf = asOf(q);
        Integer askedYear = q.year("year");
        int year = askedYear != null ? askedYear : RegistryAnalysis.defaultYear(r, asOf);
        boolean unconfirmed = unconfirmed(q);
        boolean print = "1".equals(q.param("print"));
        Rules rules = rules();
        Shell s = shell(q, m.format("registry.report.title", c.name()), errors).controls("as_of", "year", "unconfirmed");
        String rulesLabel = rules.version() == null ? m.format("registry.report.rulesProject", RulesReader.PROJECT_RULES_NAME,
                rules.set().version().substring(0, Math.min(12, rules.set().version().length())))
                : m.format("registry.report.rulesVersion", rules.version());
        Object[] keep = {"as_of", asOf.toString(), "year", year, "unconfirmed", unconfirmed ? null : "exclude"};
        String printUrl = s.url("/registry/clusters/" + c.id() + "/compliance", "as_of", asOf.toString(), "year", year,
                "unconfirmed", unconfirmed ? null : "exclude", "print", "1");
        String profileUrl = s.url("/registry/clusters/" + c.id());
        // those who may save rules go from the version a report used to its rows (and the form that changes them)
        String rulesUrl = !a.may(Permission.EDIT_RULES) ? null : rules.version() == null ? RulesPages.PATH
                : s.url(RulesPages.PATH, "version", rules.version());
        Table<ComplianceAnalysis.Row> t;
        try {
            t = complianceTable(q, r, c, rules, asOf, year);
        } catch (AnalysisException e) {
            q.ctx.status(422);
            s.shows(new Table<>(ComplianceAnalysis.schema(names), List.of(), true, new Provenance(ComplianceAnalysis.ID,
                    List.of(registryInput(List.of(c)), rules.input()), Map.of(), null), List.of(), List.of()));
            Pages.render(q.ctx, "registry/compliance.jte", new Report(s, c, asOf.toString(), yearOptions(r, year), year, unconfirmed,
                    print, null, null, List.of(), null, List.of(), rulesLabel, List.of(), m.text(Texts.of(e)), printUrl, profileUrl, rulesUrl));
            return;
        }
        s.shows(t);
        Map<String, Organisation> orgs = r.byInn();
        List<ComplianceAnalysis.Row> rows = t.list();
        Map<String, Object> sum = t.summary();
        boolean ok = Boolean.TRUE.equals(sum.get("compliant"));
        String verdict = ok ? m.format("registry.report.pass", c.name(), asOf.toString(), year)
                : m.format("registry.report.fail", c.name(), asOf.toString(), year, sum.get("failed"));

        // per requirement, in the engine's order; those without rows say why (not in force on the day)
        RuleSet set = rules.set();
        var inForce = set.inForce(asOf, unconfirmed);
        List<RequirementSummary> reqs = new ArrayList<>();
        for (Requirement rq : Requirement.values()) {
            if (rq == Requirement.NEWCOMERS) continue; // an exemption, shown on the rows it exempts
            List<ComplianceRow> these = rows.stream().map(ComplianceAnalysis.Row::row).filter(x -> x.requirement().equals(rq.code())).toList();
            var rule = inForce.get(rq.code() + "." + rq.required().get(0));
            var any = set.inForce(asOf, true).get(rq.code() + "." + rq.required().get(0));
            String threshold = rule == null ? "" : threshold(m, rq, rule.value());
            boolean unconf = these.stream().anyMatch(x -> x.confidence().unconfirmed()) || (any != null && any.confidence().unconfirmed());
            String from = these.isEmpty() ? rule == null ? "" : rule.validFrom().toString() : these.get(0).ruleValidFrom().toString();
            String empty = null;
            if (these.isEmpty()) {
                empty = rule != null ? m.format("registry.report.noSubjects." + rq.code(), year)
                        : any != null && !unconfirmed ? m.get("registry.report.leftOut") : m.format("registry.report.notInForce", asOf.toString());
            }
            List<String> failing = new ArrayList<>();
            for (ComplianceRow x : these) {
                if (x.passed()) continue;
                String who = x.subject().equals(ComplianceRow.CLUSTER) ? m.get("registry.report.theCluster")
                        : orgName(orgs, x.subject()) + " (" + x.subject() + ")";
                failing.add(who + (x.note() == null ? "" : ": " + x.note().in(m.lang().locale())));
            }
            reqs.add(new RequirementSummary(rq.code(), m.get("registry.req." + rq.code()), threshold, !these.isEmpty(), these.size(),
                    these.stream().filter(ComplianceRow::passed).count(), these.stream().filter(ComplianceRow::exempt).count(),
                    failing, unconf, from, empty));
        }

        TableModel table = PageTable.of(t, m, "requirement", "subject", "value", "threshold", "passed", "exempt",
                        "rule_valid_from", "confidence", "note")
                .text((x, col) -> {
                    ComplianceRow cr = x.row();
                    Requirement rq = Requirement.parse(cr.requirement());
                    return switch (col) {
                        case "requirement" -> m.get("registry.req." + cr.requirement());
                        case "subject" -> cr.subject().equals(ComplianceRow.CLUSTER) ? m.get("registry.report.theCluster")
                                : orgName(orgs, cr.subject()) + " (" + cr.subject() + ")";
                        // two decimals: the sentence rounds a failing share down, the table must not round it up to the threshold
                        case "value" -> Double.isNaN(cr.value()) ? "—" : rq != null && isShare(rq) ? m.num(cr.value() * 100, 2) + "\u00a0%"
                                : m.num(cr.value(), 0);
                        case "threshold" -> rq == null ? null : threshold(m, rq, cr.threshold());
                        case "passed" -> cr.passed() ? "\u2714 " + m.get("registry.pass") : "\u2718 " + m.get("registry.fail");
                        case "exempt" -> cr.exempt() ? m.get("yes") : "";
                        case "confidence" -> cr.confidence().unconfirmed() ? "M \u2014 " + m.get("registry.report.unconfirmed")
                                : cr.confidence().name();
                        default -> null;
                    };
                })
                .cls((x, col) -> switch (col) {
                    case "passed" -> x.row().passed() ? "pass" : "fail";
                    case "confidence" -> x.row().confidence().unconfirmed() ? "unconfirmed" : null;
                    default -> null;
                })
                .href((x, col) -> col.equals("subject") && !x.row().subject().equals(ComplianceRow.CLUSTER)
                        ? s.url("/registry/organisations/" + x.row().subject()) : null)
                .build("compliance", m.get("registry.report.table"));
        // the subject heads each row: first in the page's table
        table.sort(q, "passed", false).links(s, Pages.without(q, "sort", "dir"),
                s.url("/registry/clusters/" + c.id() + "/compliance/export.csv", keep),
                s.url("/registry/clusters/" + c.id() + "/compliance/export.xlsx", keep));
        List<String> notes = new ArrayList<>();
        // the first note names the rules and the rows used; the verdict closes the list (both shown on their own)
        List<Text> all = t.notes();
        for (int i = 1; i < all.size() - 1; i++) {
            Text n = all.get(i);
            boolean rowNote = rows.stream().anyMatch(x -> n.equals(x.row().note()));
            if (!rowNote) notes.add(m.text(n));
        }
        @SuppressWarnings("unchecked")
        List<String> used = (List<String>) t.provenance().parameters().get("rules_used");
        Pages.render(q.ctx, "registry/compliance.jte", new Report(s, c, asOf.toString(), yearOptions(r, year), year, unconfirmed,
                print, ok, verdict, reqs, table, notes, rulesLabel, used, null, printUrl, profileUrl, rulesUrl));
    }

    private static boolean isShare(Requirement r) {
        return r == Requirement.INSIDE_OUTPUT_SHARE || r == Requirement.FUNCTIONAL_DEPENDENCE;
    }

    private static String threshold(Messages m, Requirement r, double v) {
        return isShare(r) ? "\u2265\u00a0" + m.percent(v) : "\u2265\u00a0" + m.num(v, 0);
    }

    // ------------------------------------------------------------------ the participant profile

    public record Fact(int year, String output, String purchases) {
    }

    public record MembershipLink(String cluster, String name, String url, String joined, String left) {
    }

    public record OrgPage(Shell shell, Organisation org, String typeName, String regionName, List<MembershipLink> memberships,
                          TableModel contracts, List<Fact> facts, boolean canEdit, String csrf, Form form, String done,
                          List<Option> orgTypes, List<Option> regionOptions, CooperationPages.OffersBox offers) {
    }

    void organisation(Req q, Map<String, String> errors) {
        drawOrganisation(q, null, errors);
    }

    private void drawOrganisation(Req q, Form form, Map<String, String> errors) {
        Principal a = user(q.ctx);
        if (a == null) throw refused(null);
        String inn = Param.code("inn", q.ctx.pathParam("inn"));
        Registry r = store().registry();
        Organisation o = r.byInn().get(inn);
        Messages m = q.msg;
        if (o == null) throw new NotFound(m.format("registry.noOrganisation", inn));
        if (!RegistryAccess.canReadOrganisation(a, r, inn)) throw refused(a);
        Names names = q.names();
        Shell s = shell(q, o.name(), errors);
        List<MembershipLink> ms = new ArrayList<>();
        List<Cluster> shown = new ArrayList<>();
        for (Membership mb : r.memberships()) {
            if (!mb.inn().equals(inn)) continue;
            Cluster c = r.cluster(mb.cluster());
            boolean readable = RegistryAccess.canRead(a, r, mb.cluster());
            if (c != null && readable) shown.add(c);
            ms.add(new MembershipLink(mb.cluster(), c == null ? mb.cluster() : c.name(), readable ? s.url("/registry/clusters/" + mb.cluster()) : null,
                    mb.joined().toString(), mb.left() == null ? "" : mb.left().toString()));
        }
        // its contracts in the clusters the reader sees
        Map<String, Contract> stored = new LinkedHashMap<>();
        for (Cluster c : shown) {
            for (StoredContract sc : store().contracts(c.id())) {
                if (sc.contract().supplier().equals(inn) || sc.contract().buyer().equals(inn)) stored.put(sc.id(), sc.contract());
            }
        }
        Provenance.Input regIn = registryInput(shown);
        TableModel contracts = null;
        if (!shown.isEmpty()) {
            Map<String, Organisation> orgs = r.byInn();
            List<RegistryAnalysis.ContractRow> rows = new ArrayList<>();
            Table<RegistryAnalysis.ContractRow> ct = null;
            for (Cluster c : shown) {
                Table<RegistryAnalysis.ContractRow> one = RegistryAnalysis.contracts(r, stored, regIn, c.id(), today(), true);
                rows.addAll(one.list());
                ct = one;
            }
            Table<RegistryAnalysis.ContractRow> all = ct.withRows(rows);
            s.shows(all);
            contracts = PageTable.of(all, m, "contract", "supplier", "buyer", "contract_type", "year", "value")
                    .text((x, col) -> switch (col) {
                        case "supplier" -> orgName(orgs, x.contract().supplier());
                        case "buyer" -> orgName(orgs, x.contract().buyer());
                        case "contract_type" -> m.get("registry.contractType." + x.contract().type().code());
                        default -> null;
                    })
                    .build("org-contracts", m.get("registry.contracts"));
            contracts.sort(q, "year", true).links(s, Pages.without(q, "sort", "dir"), null, null);
        } else {
            s.shows(new Table<>(RegistryAnalysis.contractSchema(Map.of()), List.of(), true, new Provenance(RegistryAnalysis.CONTRACTS_ID,
                    List.of(regIn), Map.of(), null), List.of(), List.of()));
        }
        List<Fact> facts = new ArrayList<>();
        for (AnnualFacts f : r.facts()) {
            if (f.inn().equals(inn)) {
                facts.add(new Fact(f.year(), Double.isNaN(f.output()) ? "—" : m.num(f.output(), 1),
                        Double.isNaN(f.purchases()) ? "—" : m.num(f.purchases(), 1)));
            }
        }
        facts.sort(Comparator.comparingInt(Fact::year).reversed());
        boolean canEdit = RegistryAccess.canEditOrganisation(a, inn);
        Form fm = form;
        if (fm == null || !fm.id().equals("organisation")) {
            // the profile form shows what is stored; a facts form sent back keeps its own values beside them
            Map<String, String> v = new LinkedHashMap<>();
            v.put("ogrn", o.ogrn());
            v.put("name", o.name());
            v.put("type", o.type().code());
            v.put("okved", o.okved());
            v.put("region", o.region());
            v.put("lat", Double.isNaN(o.lat()) ? "" : plain(o.lat()));
            v.put("lon", Double.isNaN(o.lon()) ? "" : plain(o.lon()));
            v.put("employees", Double.isNaN(o.employees()) ? "" : plain(o.employees()));
            v.put("revenue", Double.isNaN(o.revenue()) ? "" : plain(o.revenue()));
            v.put("final_producer", o.finalProducer() ? "on" : "");
            v.put("special_territory", o.specialTerritory() ? "on" : "");
            if (fm != null) v.putAll(fm.values());
            fm = fm == null ? new Form("", true, null, 0, null, List.of(), v) : new Form(fm.id(), fm.ok(), fm.message(), 0, null,
                    List.of(), v);
        }
        List<Option> orgTypes = new ArrayList<>();
        for (OrganisationType t : OrganisationType.values()) {
            orgTypes.add(new Option(t.code(), m.get("registry.orgType." + t.code()), t.code().equals(fm.value("type"))));
        }
        List<Option> regionOptions = new ArrayList<>();
        regionOptions.add(new Option("", "—", fm.value("region").isEmpty()));
        for (RegionInfo ri : wb.regions().all()) regionOptions.add(new Option(ri.iso(), ri.name(m.lang()), ri.iso().equals(fm.value("region"))));
        String done = q.param("done");
        String doneText = done != null && done.matches("[a-z]{1,20}") && m.has("registry.done." + done) ? m.get("registry.done." + done) : null;
        Pages.render(q.ctx, "registry/organisation.jte", new OrgPage(s, o, m.get("registry.orgType." + o.type().code()),
                o.region() == null || o.region().isBlank() ? "" : names.region(o.region()), ms, contracts, facts, canEdit,
                canEdit ? Security.token(q.ctx) : null, fm, doneText, orgTypes, regionOptions,
                CooperationPages.offersBox(s, q, a, r, o, form != null && form.id().startsWith("offer-") ? form : null, store())));
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : java.math.BigDecimal.valueOf(v).toPlainString();
    }

    /** The organisation of a POST, editable by the account. */
    private Organisation editableOrganisation(Context ctx, Principal a) {
        String inn = Param.code("inn", ctx.pathParam("inn"));
        if (a == null) throw refused(null);
        Organisation o = store().organisation(inn).orElseThrow(() -> new NotFound(Req.of(ctx, wb).msg.format("registry.noOrganisation", inn)));
        if (!RegistryAccess.canEditOrganisation(a, inn)) throw refused(a);
        return o;
    }

    /** {@code POST /registry/organisations/{inn}}: its registry fields (the INN stays). */
    void saveOrganisation(Context ctx) {
        Principal a = user(ctx);
        Organisation o = editableOrganisation(ctx, a);
        Map<String, String> v = values(ctx, "ogrn", "name", "type", "okved", "region", "lat", "lon", "employees", "revenue",
                "final_producer", "special_territory");
        try {
            store().saveOrganisation(actor(a), organisation(o.inn(), v));
            ctx.redirect("/registry/organisations/" + Shell.enc(o.inn()) + "?done=profile", HttpStatus.SEE_OTHER);
        } catch (FieldError e) {
            Messages m = Req.of(ctx, wb).msg;
            orgFailed(ctx, "organisation", m.format("error.param", m.get("registry.field." + e.field), m.text(e.text)), v);
        } catch (StoreException e) {
            orgFailed(ctx, "organisation", Req.of(ctx, wb).msg.text(Texts.of(e)), v);
        }
    }

    /** {@code POST /registry/organisations/{inn}/facts}: year, output, purchases. */
    void saveOrganisationFacts(Context ctx) {
        Principal a = user(ctx);
        Organisation o = editableOrganisation(ctx, a);
        Map<String, String> v = values(ctx, "year", "output", "purchases");
        try {
            store().saveFacts(actor(a), facts(o.inn(), v));
            ctx.redirect("/registry/organisations/" + Shell.enc(o.inn()) + "?done=facts#facts", HttpStatus.SEE_OTHER);
        } catch (FieldError e) {
            Messages m = Req.of(ctx, wb).msg;
            orgFailed(ctx, "facts", m.format("error.param", m.get("registry.field." + e.field), m.text(e.text)), v);
        } catch (StoreException e) {
            orgFailed(ctx, "facts", Req.of(ctx, wb).msg.text(Texts.of(e)), v);
        }
    }

    void orgFailed(Context ctx, String form, String message, Map<String, String> values) {
        ctx.status(422);
        drawOrganisation(Req.of(ctx, wb), new Form(form, false, message, 0, null, List.of(), values), Map.of());
    }

    // ------------------------------------------------------------------ the audit trail

    /** One audit entry as the page shows it: each changed field "old → new". */
    public record AuditRow(String at, String actor, String action, String entity, String entityId, List<String> changes) {
    }

    public record AuditPage(Shell shell, Cluster cluster, List<AuditRow> rows, String profileUrl, boolean more) {
    }

    void audit(Req q, Map<String, String> errors) {
        Principal a = user(q.ctx);
        Registry r = store().registry();
        String id = Param.code("id", q.ctx.pathParam("id"));
        if (a == null) throw refused(null);
        Cluster c = r.cluster(id);
        if (c == null) throw new NotFound(q.msg.format("registry.noClusterPage", id));
        if (!RegistryAccess.canAudit(a, id)) throw refused(a);
        Messages m = q.msg;
        Shell s = shell(q, m.format("registry.audit.title", c.name()), errors);
        s.input(registryInput(List.of(c)));
        List<AuditEntry> entries = store().auditOfCluster(c.id(), AUDIT_ROWS + 1);
        List<AuditRow> rows = new ArrayList<>();
        for (AuditEntry e : entries.subList(0, Math.min(AUDIT_ROWS, entries.size()))) {
            rows.add(new AuditRow(e.at().toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"), e.actor(),
                    m.has("registry.audit.action." + e.action()) ? m.get("registry.audit.action." + e.action()) : e.action(),
                    m.has("registry.audit.entity." + e.entity()) ? m.get("registry.audit.entity." + e.entity()) : e.entity(),
                    e.entityId(), changes(e.before(), e.after())));
        }
        Pages.render(q.ctx, "registry/audit.jte", new AuditPage(s, c, rows, s.url("/registry/clusters/" + c.id()),
                entries.size() > AUDIT_ROWS));
    }

    /** The fields that differ between two JSON objects, as "field: old → new" (a created row: "field: new"). */
    static List<String> changes(String before, String after) {
        Map<String, String> b = flat(before);
        Map<String, String> a = flat(after);
        List<String> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            String x = b.get(k);
            String y = a.get(k);
            if (java.util.Objects.equals(x, y)) continue;
            if (x == null) out.add(k + ": " + y);
            else if (y == null) out.add(k + ": " + x + " \u2192 \u2205");
            else out.add(k + ": " + x + " \u2192 " + y);
        }
        return out;
    }

    private static Map<String, String> flat(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        if (json == null || json.isBlank()) return m;
        try {
            var node = org.klaster.app.analysis.JsonRows.JSON.readTree(json);
            node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText()
                    : e.getValue().toString()));
        } catch (IOException e) {
            m.put("?", json.length() > 200 ? json.substring(0, 200) + "…" : json);
        }
        return m;
    }

    /** For the tests of the form helpers. */
    static Map<String, String> map(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
