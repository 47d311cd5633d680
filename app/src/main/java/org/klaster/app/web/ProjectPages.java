package org.klaster.app.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.Text;
import org.klaster.app.analysis.ComplianceAnalysis;
import org.klaster.app.analysis.JsonRows;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Names;
import org.klaster.app.analysis.Param;
import org.klaster.app.analysis.ProjectsAnalysis;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.Table;
import org.klaster.app.analysis.Texts;
import org.klaster.app.auth.Access;
import org.klaster.app.auth.Permission;
import org.klaster.app.auth.Principal;
import org.klaster.cooperation.IndustryCodes;
import org.klaster.cooperation.ProjectPortfolio;
import org.klaster.data.formats.DataText;
import org.klaster.data.store.Role;
import org.klaster.data.store.StoreException;
import org.klaster.registry.Cluster;
import org.klaster.registry.Organisation;
import org.klaster.registry.Project;
import org.klaster.registry.Registry;

/**
 * A cluster's joint R&amp;D projects (template {@code registry/projects.jte}; docs/methods-cooperation.md): the portfolio
 * by readiness level, the dependent products addressed and the gaps ({@link ProjectsAnalysis}, the tables of
 * {@code klaster projects}), the projects themselves, and — for the cluster's manager or an administrator — a form
 * that adds or replaces a project and a button that deletes one, each one audited transaction of the platform store.
 * The API's {@code GET …/clusters/{id}/projects} answers the same tables as JSON. Access as the cluster profile's:
 * reading any signed-in role that may read the cluster ({@link RegistryAccess}), changing its editors.
 */
public final class ProjectPages {

    /** A form's text area is longer than a field: one line per partner, budget line or milestone. */
    static final int MAX_AREA = 20_000;

    private final Workbench wb;
    private final RegistryPages registry;

    ProjectPages(Workbench wb, RegistryPages registry) {
        this.wb = wb;
        this.registry = registry;
    }

    void install(Routes r) {
        Access editors = Access.ownCluster("id", Permission.EDIT_EVERY_CLUSTER.roles().toArray(Role[]::new));
        r.get("/registry/clusters/{id}/projects", Access.SIGNED_IN, Pages.page(wb, this::page));
        r.post("/registry/clusters/{id}/projects", editors, this::save);
        r.post("/registry/clusters/{id}/projects/{project}/delete", editors, this::delete);
        r.get(RegistryApi.PREFIX + "/clusters/{id}/projects", Access.SIGNED_IN, this::api);
    }

    // ------------------------------------------------------------------ reading

    /** A project as the list shows it. */
    public record Item(String id, String title, int trlNow, int trlTarget, String trlNowName, String trlTargetName,
                       String period, String lead, String leadUrl, String budget, List<String> partners, String products,
                       int milestonesDone, int milestones, String editUrl, String deleteAction) {
    }

    public record Page(Shell shell, Cluster cluster, String profileUrl, String asOf, List<Pages.Kpi> kpis, List<Item> projects,
                       TableModel trl, TableModel products, TableModel gaps, boolean canEdit, String csrf,
                       RegistryPages.Form form, String done, List<Pages.Option> levels, List<Pages.Option> targets,
                       String action) {
    }

    private Cluster readable(Req q, Registry r, Principal a) {
        String id = Param.code("id", q.ctx.pathParam("id"));
        if (a == null) throw RegistryPages.refused(null);
        Cluster c = r.cluster(id);
        if (c == null) throw new NotFound(q.msg.format("registry.noClusterPage", id));
        if (!RegistryAccess.canRead(a, r, id)) throw RegistryPages.refused(a);
        return c;
    }

    private LocalDate asOf(Req q) {
        String v = q.param("as_of");
        return v == null || v.isBlank() ? registry.today() : ComplianceAnalysis.date("as_of", v);
    }

    /** The dependent products: the stored default trade's screen, as {@code klaster projects} reads them. */
    private ProjectsAnalysis.Dependent dependent() {
        return ProjectsAnalysis.dependent(null, null, true, wb);
    }

    void page(Req q, Map<String, String> errors) {
        draw(q, null, errors);
    }

    private void draw(Req q, RegistryPages.Form form, Map<String, String> errors) {
        Principal a = registry.user(q.ctx);
        Registry r = registry.store().registry();
        Cluster c = readable(q, r, a);
        Messages m = q.msg;
        Names names = q.names();
        LocalDate asOf = asOf(q);
        Shell s = Pages.shell(q, Section.REGISTRY, m.format("projects.title", c.name()), null, List.of(), "/registry", errors)
                .controls("as_of");
        Provenance.Input regIn = registry.registryInput(List.of(c));
        ProjectsAnalysis.Params p = new ProjectsAnalysis.Params(c.id(), ProjectsAnalysis.View.TRL, asOf);
        ProjectsAnalysis.Dependent dep = dependent();
        Table<ProjectsAnalysis.TrlRow> trl = ProjectsAnalysis.trlTable(r, p, dep, names, true, List.of(), regIn);
        s.shows(trl);
        Table<ProjectsAnalysis.ProductRow> products = ProjectsAnalysis.productTable(r, p, dep, names, true, List.of(), regIn);
        Table<ProjectsAnalysis.GapRow> gaps = ProjectsAnalysis.gapTable(r, p, dep, names, true, List.of(), regIn);
        String base = "/registry/clusters/" + c.id() + "/projects";
        // sort parameters of the registry's own tables (Req.KNOWN): this page never shows those beside these
        TableModel trlModel = PageTable.of(trl, m, "trl", "trl_name", "projects_now", "budget_now", "projects_target",
                "budget_target").build("trl", m.get("projects.byTrl"));
        trlModel.param("y").sort(q, "trl", false).links(s, Pages.without(q, "ysort", "ydir"), null, null);
        TableModel productModel = PageTable.of(products, m, "product", "product_name", "projects", "budget", "in_specialisation",
                "project_ids").build("products", m.get("projects.addressed"));
        productModel.param("p").sort(q, "budget", true).links(s, Pages.without(q, "psort", "pdir"), null, null);
        TableModel gapModel = PageTable.of(gaps, m, "product", "product_name", "declared_specialisation", "member_organisations")
                .build("gaps", m.get("projects.gaps"));
        gapModel.param("k").sort(q, "product", false).links(s, Pages.without(q, "ksort", "kdir"), null, null);

        Map<String, Object> sum = trl.summary();
        double budget = ((Number) sum.get("budget")).doubleValue();
        List<Pages.Kpi> kpis = List.of(
                new Pages.Kpi(m.get("projects.kpi.projects"), m.count(((Number) sum.get("projects")).doubleValue()), null),
                new Pages.Kpi(m.get("projects.kpi.budget"), RegistryPages.money(m, budget / 1000), m.get("projects.kpi.budgetHelp")),
                new Pages.Kpi(m.get("projects.kpi.addressed"), m.count(((Number) sum.get("products_addressed")).doubleValue()),
                        m.get("projects.kpi.addressedHelp")),
                new Pages.Kpi(m.get("projects.kpi.gaps"), m.count(((Number) sum.get("gaps")).doubleValue()),
                        m.get("projects.kpi.gapsHelp")));

        boolean canEdit = RegistryAccess.canEdit(a, c.id());
        Map<String, Organisation> orgs = r.byInn();
        List<Item> items = new ArrayList<>();
        for (Project x : r.projectsOf(c.id())) {
            String lead = x.lead();
            List<String> partners = new ArrayList<>();
            for (Project.Partner pt : x.partners()) {
                partners.add(RegistryPages.orgName(orgs, pt.inn()) + " (" + m.get("projects.role." + pt.role().code()) + ")");
            }
            int done = (int) x.milestones().stream().filter(Project.Milestone::done).count();
            items.add(new Item(x.id(), x.title(), x.trlNow(), x.trlTarget(), ProjectPortfolio.trlName(x.trlNow()).in(m.lang().locale()),
                    ProjectPortfolio.trlName(x.trlTarget()).in(m.lang().locale()),
                    x.start() + " – " + (x.end() == null ? "…" : x.end().toString()),
                    lead == null ? "" : RegistryPages.orgName(orgs, lead), lead == null ? null : s.url("/registry/organisations/" + lead),
                    RegistryPages.money(m, x.budget() / 1000), partners, String.join("; ", x.products()), done,
                    x.milestones().size(), canEdit ? s.url(base, "edit", x.id()) + "#edit" : null,
                    canEdit ? base + "/" + Shell.enc(x.id()) + "/delete" : null));
        }

        RegistryPages.Form fm = form;
        if (fm == null) {
            String edit = q.param("edit");
            Project e = edit == null ? null : r.projectsOf(c.id()).stream().filter(x -> x.id().equals(edit)).findFirst().orElse(null);
            fm = e == null ? RegistryPages.none("") : new RegistryPages.Form("project", true, null, 0, null, List.of(), values(e));
        }
        List<Pages.Option> levels = new ArrayList<>();
        List<Pages.Option> targets = new ArrayList<>();
        for (int l = Project.MIN_TRL; l <= Project.MAX_TRL; l++) {
            String label = l + " — " + ProjectPortfolio.trlName(l).in(m.lang().locale());
            levels.add(new Pages.Option(Integer.toString(l), label, Integer.toString(l).equals(fm.value("trl_now"))));
            targets.add(new Pages.Option(Integer.toString(l), label, Integer.toString(l).equals(fm.value("trl_target"))));
        }
        String done = q.param("done");
        String doneText = done != null && done.matches("[a-z]{1,20}") && m.has("projects.done." + done) ? m.get("projects.done." + done) : null;
        Pages.render(q.ctx, "registry/projects.jte", new Page(s, c, s.url("/registry/clusters/" + c.id()), asOf.toString(), kpis,
                items, trlModel, productModel, gapModel, canEdit, canEdit ? Security.token(q.ctx) : null, fm, doneText, levels,
                targets, base));
    }

    /** A stored project as the form's fields. */
    static Map<String, String> values(Project p) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("project", p.id());
        v.put("title", p.title());
        v.put("trl_now", Integer.toString(p.trlNow()));
        v.put("trl_target", Integer.toString(p.trlTarget()));
        v.put("start", p.start().toString());
        v.put("end", p.end() == null ? "" : p.end().toString());
        StringBuilder b = new StringBuilder();
        for (Project.Partner x : p.partners()) b.append(x.inn()).append(' ').append(x.role().code()).append('\n');
        v.put("partners", b.toString().strip());
        b.setLength(0);
        for (Project.Budget x : p.budgets()) b.append(x.inn()).append(' ').append(x.year()).append(' ').append(RegistryPages.plain(x.amount())).append('\n');
        v.put("budgets", b.toString().strip());
        b.setLength(0);
        for (Project.Milestone x : p.milestones()) {
            b.append(x.date()).append(' ').append(x.done() ? "done" : "open").append(' ').append(x.text()).append('\n');
        }
        v.put("milestones", b.toString().strip());
        v.put("products", String.join("; ", p.products()));
        return v;
    }

    // ------------------------------------------------------------------ changing

    private Cluster editable(Context ctx, Principal a) {
        String id = Param.code("id", ctx.pathParam("id"));
        if (a == null) throw RegistryPages.refused(null);
        Cluster c = registry.store().cluster(id).orElseThrow(() -> new NotFound(Messages.of(org.klaster.app.analysis.Lang.en)
                .format("registry.noClusterPage", id)));
        if (!RegistryAccess.canEdit(a, c.id())) throw RegistryPages.refused(a);
        return c;
    }

    private static String area(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null) return "";
        v = v.strip();
        return v.length() > MAX_AREA ? v.substring(0, MAX_AREA) : v;
    }

    /** {@code POST …/projects}: a project from the form, added or replacing the one of that id. */
    void save(Context ctx) {
        Principal a = registry.user(ctx);
        Cluster c = editable(ctx, a);
        Map<String, String> v = new LinkedHashMap<>();
        for (String n : List.of("project", "title", "trl_now", "trl_target", "start", "end", "products")) v.put(n, RegistryPages.field(ctx, n));
        for (String n : List.of("partners", "budgets", "milestones")) v.put(n, area(ctx, n));
        try {
            Project p = project(c.id(), v);
            registry.store().saveProject(RegistryPages.actor(a), p);
            ctx.redirect("/registry/clusters/" + Shell.enc(c.id()) + "/projects?done=saved#projects", HttpStatus.SEE_OTHER);
        } catch (RegistryPages.FieldError e) {
            Messages m = Req.of(ctx, wb).msg;
            failed(ctx, Messages.text("error.param", m.get("projects.field." + e.field), e.text), v);
        } catch (StoreException e) {
            failed(ctx, Texts.of(e), v);
        }
    }

    /** {@code POST …/projects/{project}/delete}. */
    void delete(Context ctx) {
        Principal a = registry.user(ctx);
        Cluster c = editable(ctx, a);
        String id = ctx.pathParam("project");
        Project p = registry.store().project(id).filter(x -> x.cluster().equals(c.id()))
                .orElseThrow(() -> new NotFound(Req.of(ctx, wb).msg.format("projects.noProject", id)));
        registry.store().deleteProject(RegistryPages.actor(a), p.id());
        ctx.redirect("/registry/clusters/" + Shell.enc(c.id()) + "/projects?done=deleted#projects", HttpStatus.SEE_OTHER);
    }

    private void failed(Context ctx, Text text, Map<String, String> values) {
        Req q = Req.of(ctx, wb);
        ctx.status(422);
        draw(q, new RegistryPages.Form("project", false, q.msg.text(text), 0, null, List.of(), values), Map.of());
    }

    /**
     * A project from the form's fields: {@code partners} one per line "INN role", {@code budgets} "INN year amount"
     * (RUB), {@code milestones} "YYYY-MM-DD done|open text", {@code products} {@code ;}-separated OKPD2 codes. What the
     * fields cannot say (one lead, known partners, years of the budget …) the store checks, with the same sentences.
     */
    static Project project(String cluster, Map<String, String> v) {
        String id = v.getOrDefault("project", "");
        if (!id.matches("[\\p{L}\\p{N}._:\\-]{1,64}")) throw RegistryPages.field("project", Messages.text("projects.form.id"));
        int now = level("trl_now", v.get("trl_now"));
        int target = level("trl_target", v.get("trl_target"));
        LocalDate start = RegistryPages.date("start", v.get("start"), null);
        if (start == null) throw RegistryPages.field("start", DataText.data("registry.date.empty"));
        String endText = v.getOrDefault("end", "");
        LocalDate end = endText.isBlank() ? null : RegistryPages.date("end", endText, null);
        List<Project.Partner> partners = new ArrayList<>();
        for (String line : lines(v.get("partners"))) {
            String[] w = line.split("\\s+");
            Project.Role role = w.length == 2 ? Project.Role.parse(w[1]) : null;
            if (role == null) throw RegistryPages.field("partners", Messages.text("projects.form.partner", line));
            partners.add(new Project.Partner(w[0], role));
        }
        List<Project.Budget> budgets = new ArrayList<>();
        for (String line : lines(v.get("budgets"))) {
            String[] w = line.split("\\s+", 3);
            if (w.length != 3 || !w[1].matches("\\d{4}")) throw RegistryPages.field("budgets", Messages.text("projects.form.budget", line));
            double amount = RegistryPages.number("budgets", w[2], 0, 1e18);
            if (Double.isNaN(amount)) throw RegistryPages.field("budgets", Messages.text("projects.form.budget", line));
            budgets.add(new Project.Budget(w[0], Integer.parseInt(w[1]), amount));
        }
        List<Project.Milestone> milestones = new ArrayList<>();
        for (String line : lines(v.get("milestones"))) {
            String[] w = line.split("\\s+", 3);
            if (w.length != 3 || !(w[1].equals("done") || w[1].equals("open"))) {
                throw RegistryPages.field("milestones", Messages.text("projects.form.milestone", line));
            }
            milestones.add(new Project.Milestone(RegistryPages.date("milestones", w[0], null), w[2], w[1].equals("done")));
        }
        List<String> products = RegistryPages.RegistryReaderLists.list(v.getOrDefault("products", ""));
        for (String code : products) {
            if (!IndustryCodes.valid(code)) throw RegistryPages.field("products", DataText.data("codes.invalid", DataText.quoted(code)));
        }
        return new Project(id, cluster, v.getOrDefault("title", ""), now, target, start, end, partners, budgets, milestones,
                products);
    }

    private static int level(String field, String v) {
        if (v == null || !v.strip().matches("[1-9]")) throw RegistryPages.field(field, Messages.text("projects.form.level"));
        return Integer.parseInt(v.strip());
    }

    private static List<String> lines(String v) {
        List<String> out = new ArrayList<>();
        if (v == null) return out;
        for (String line : v.split("\\R")) if (!line.isBlank()) out.add(line.strip());
        return out;
    }

    // ------------------------------------------------------------------ the API

    /**
     * {@code GET /api/v1/registry/clusters/{id}/projects?view=trl|products|gaps&as_of}: the view's table (the rows of
     * {@code klaster projects}) and the projects themselves ({@code portfolio}).
     */
    void api(Context ctx) {
        Req q = Req.api(ctx, wb);
        Principal a = registry.user(ctx);
        Registry r = registry.store().registry();
        String id = Param.code("id", ctx.pathParam("id"));
        if (a == null) throw RegistryPages.refused(null);
        Cluster c = r.cluster(id);
        if (c == null) throw new NotFound(q.msg.format("registry.noCluster", id));
        if (!RegistryAccess.canRead(a, r, id)) throw RegistryPages.refused(a);
        ProjectsAnalysis.Params p = ProjectsAnalysis.Params.of(c.id(), q.param("view"), q.param("as_of") == null
                || q.param("as_of").isBlank() ? registry.today().toString() : q.param("as_of"));
        Table<?> t = ProjectsAnalysis.table(r, p, dependent(), q.names(), true, List.of(), registry.registryInput(List.of(c)));
        ObjectNode o = JsonRows.of(t, q.msg);
        ArrayNode list = o.putArray("portfolio");
        for (Project x : r.projectsOf(c.id())) {
            ObjectNode j = list.addObject();
            j.put("id", x.id()).put("title", x.title()).put("trl_now", x.trlNow()).put("trl_target", x.trlTarget())
                    .put("start", x.start().toString());
            j.set("end", JsonRows.value(x.end() == null ? null : x.end().toString()));
            j.put("budget", x.budget());
            j.set("lead", JsonRows.value(x.lead()));
            ArrayNode partners = j.putArray("partners");
            for (Project.Partner pt : x.partners()) partners.addObject().put("inn", pt.inn()).put("role", pt.role().code());
            ArrayNode budgets = j.putArray("budgets");
            for (Project.Budget b : x.budgets()) budgets.addObject().put("inn", b.inn()).put("year", b.year()).put("amount", b.amount());
            ArrayNode milestones = j.putArray("milestones");
            for (Project.Milestone ms : x.milestones()) {
                milestones.addObject().put("date", ms.date().toString()).put("text", ms.text()).put("done", ms.done());
            }
            ArrayNode products = j.putArray("products");
            x.products().forEach(products::add);
        }
        ctx.contentType("application/json; charset=utf-8").result(o.toString());
    }
}
