package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.cooperation.ProjectPortfolio;
import org.klaster.data.formats.CodeListReader;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.store.Dataset;
import org.klaster.data.store.DatasetKind.Content;
import org.klaster.data.store.PlatformStore;
import org.klaster.registry.Cluster;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.Project;
import org.klaster.registry.Registry;

/**
 * {@code klaster projects}: a cluster's portfolio of joint R&amp;D projects (docs/methods-cooperation.md, "Joint R&amp;D
 * projects"). One table per view: the projects and budget at each technology readiness level now and targeted
 * ({@code trl}); the dependent products the projects address ({@code products}); the dependent products of the
 * cluster's specialisation that no project addresses ({@code gaps}). The dependent products come from a file of
 * codes or a trade dataset's dependency screen, as {@code klaster match} reads them.
 */
public final class ProjectsAnalysis {

    public static final String ID = "projects";

    private ProjectsAnalysis() {
    }

    /** What the table shows. */
    public enum View {
        TRL, PRODUCTS, GAPS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<String> codes() {
            return Arrays.stream(values()).map(View::code).toList();
        }
    }

    /**
     * @param asOf the day whose participants make the specialisation's member industries
     */
    public record Params(String cluster, View view, LocalDate asOf) {

        /** Checks values as given (flags, query parameters); blank view: trl; blank asOf: today. */
        public static Params of(String cluster, String view, String asOf) {
            String c = Param.code("cluster", cluster);
            if (c == null) throw UserException.badParameter("cluster", Messages.text("param.required"));
            String v = Param.oneOf("view", view, View.codes(), View.TRL.code());
            LocalDate day = asOf == null || asOf.isBlank() ? LocalDate.now() : ComplianceAnalysis.date("as_of", asOf);
            return new Params(c, View.valueOf(v.toUpperCase(Locale.ROOT)), day);
        }
    }

    /** The dependent products read, and what the provenance and the notes say of them. */
    public record Dependent(List<String> codes, Provenance.Input input, List<Text> warnings, List<Text> notes) {
        public Dependent {
            codes = List.copyOf(codes);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    /**
     * The dependent products: a file of codes ({@code file}, a column {@code code}), else a trade dataset ({@code trade},
     * null: the default stored trade when {@code store} is true) screened for its reporter's dependent products of the
     * latest year, mapped to industries by the demo's HS → OKVED2 concordance — as {@link MatchAnalysis#context}.
     */
    public static Dependent dependent(Path file, String trade, boolean store, DataAccess access) {
        List<Text> warnings = new ArrayList<>();
        List<Text> notes = new ArrayList<>();
        if (file != null) {
            try {
                CodeListReader.Result r = CodeListReader.read(file);
                warnings.addAll(Texts.of(r.warnings()));
                return new Dependent(r.codes(), Provenance.Input.file("dependent", fileName(file), r.sha256()), warnings, notes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (trade != null || store) {
            Dataset d = trade != null ? access.choose("trade_dataset", trade, Content.TRADE)
                    : access.defaultOf(Content.TRADE).orElse(null);
            if (d != null) {
                TradeInput in = TradeInput.of(d, access);
                DependencyAnalysis.Screen screen = DependencyAnalysis.screen(in,
                        new DependencyAnalysis.Params(null, null, null, null, null), false, access);
                List<String> codes = MatchAnalysis.dependentIndustries(screen.all(), OpportunitiesAnalysis.demoConcordance());
                notes.add(Messages.text("projects.note.dependentTrade", d.id(), screen.reporter(), codes.size()));
                return new Dependent(codes, in.input(), warnings, notes);
            }
        }
        notes.add(Messages.text("projects.note.noDependent"));
        return new Dependent(List.of(), null, warnings, notes);
    }

    // ================================================================== tables

    /** One level: its number and the engine's row. */
    public record TrlRow(ProjectPortfolio.TrlRow row) {
    }

    public record ProductRow(ProjectPortfolio.ProductRow row) {
    }

    public record GapRow(ProjectPortfolio.GapRow row) {
    }

    public static Schema<TrlRow> trlSchema(Names names) {
        return Schema.<TrlRow>builder(ID + ".trl", "ProjectsTrlRow")
                .integer("trl", Unit.NONE, r -> r.row().level())
                .name("trl_name", r -> ProjectPortfolio.trlName(r.row().level()).in(names.lang().locale()))
                .integer("projects_now", Unit.COUNT, r -> r.row().projectsNow())
                .number("budget_now", Unit.MONEY, r -> r.row().budgetNow())
                .integer("projects_target", Unit.COUNT, r -> r.row().projectsTarget())
                .number("budget_target", Unit.MONEY, r -> r.row().budgetTarget())
                .build();
    }

    public static Schema<ProductRow> productSchema(Names names) {
        return Schema.<ProductRow>builder(ID + ".products", "ProjectsProductRow")
                .text("product", r -> r.row().product())
                .name("product_name", r -> names.industryOrNull(r.row().product()))
                .integer("projects", Unit.COUNT, r -> r.row().projects())
                .number("budget", Unit.MONEY, r -> r.row().budget())
                .flag("in_specialisation", r -> r.row().inSpecialisation())
                .text("project_ids", r -> String.join(";", r.row().projectIds()))
                .build();
    }

    public static Schema<GapRow> gapSchema(Names names) {
        return Schema.<GapRow>builder(ID + ".gaps", "ProjectsGapRow")
                .text("product", r -> r.row().product())
                .name("product_name", r -> names.industryOrNull(r.row().product()))
                .flag("declared_specialisation", r -> r.row().declared())
                .integer("member_organisations", Unit.COUNT, r -> r.row().members())
                .build();
    }

    /** Reads the registry folder and builds the view. */
    public static Table<?> run(Path registryDir, Params p, Dependent dep, Names names, boolean withNames) {
        try {
            RegistryReader.Result reg = RegistryReader.read(registryDir);
            return table(reg.registry(), p, dep, names, withNames, reg.warnings(),
                    Provenance.Input.file("registry", fileName(registryDir), reg.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The view on the registry of the platform store. */
    public static Table<?> runStored(PlatformStore store, Params p, Dependent dep, Names names, boolean withNames) {
        return table(store.registry(), p, dep, names, withNames, List.of(),
                Provenance.Input.file("registry", "platform store " + store.location(), null));
    }

    /** The portfolio of {@code p.cluster()} on a registry. */
    public static ProjectPortfolio.Result portfolio(Registry r, Params p, List<String> dependent) {
        Cluster cluster = r.cluster(p.cluster());
        if (cluster == null) {
            throw UserException.badParameter("cluster", Messages.text("projects.cluster.unknown", p.cluster()));
        }
        Map<String, Organisation> orgs = r.byInn();
        List<String> memberIndustries = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Membership m : r.memberships()) {
            if (m.cluster().equals(p.cluster()) && m.activeOn(p.asOf()) && seen.add(m.inn())) {
                Organisation o = orgs.get(m.inn());
                if (o != null) memberIndustries.add(o.okved());
            }
        }
        List<Project> projects = r.projectsOf(p.cluster());
        try {
            return ProjectPortfolio.of(projects, dependent, cluster.specialisation(), memberIndustries);
        } catch (InvalidParameterException e) {
            throw UserException.badParameter("dependent", e.text());
        }
    }

    /** The view {@code p.view()} of the portfolio. */
    public static Table<?> table(Registry r, Params p, Dependent dep, Names names, boolean withNames, List<Text> readWarnings,
                                 Provenance.Input registryInput) {
        return switch (p.view()) {
            case TRL -> trlTable(r, p, dep, names, withNames, readWarnings, registryInput);
            case PRODUCTS -> productTable(r, p, dep, names, withNames, readWarnings, registryInput);
            case GAPS -> gapTable(r, p, dep, names, withNames, readWarnings, registryInput);
        };
    }

    /** Projects and budget by readiness level (whatever {@code p.view()} says). */
    public static Table<TrlRow> trlTable(Registry r, Params p, Dependent dep, Names names, boolean withNames,
                                         List<Text> readWarnings, Provenance.Input registryInput) {
        Frame f = frame(r, p, View.TRL, dep, readWarnings, registryInput);
        if (f.result.projects() > 0) f.notes.add(Messages.text("projects.note.trl"));
        return new Table<>(trlSchema(names), f.result.byTrl().stream().map(TrlRow::new).toList(), withNames, f.prov, f.warnings,
                f.notes, f.summary);
    }

    /** The dependent products the projects address. */
    public static Table<ProductRow> productTable(Registry r, Params p, Dependent dep, Names names, boolean withNames,
                                                 List<Text> readWarnings, Provenance.Input registryInput) {
        Frame f = frame(r, p, View.PRODUCTS, dep, readWarnings, registryInput);
        if (f.result.addressed().size() > 1) f.notes.add(Messages.text("projects.note.products"));
        return new Table<>(productSchema(names), f.result.addressed().stream().map(ProductRow::new).toList(), withNames, f.prov,
                f.warnings, f.notes, f.summary);
    }

    /** The dependent products of the specialisation that no project addresses. */
    public static Table<GapRow> gapTable(Registry r, Params p, Dependent dep, Names names, boolean withNames,
                                         List<Text> readWarnings, Provenance.Input registryInput) {
        Frame f = frame(r, p, View.GAPS, dep, readWarnings, registryInput);
        return new Table<>(gapSchema(names), f.result.gaps().stream().map(GapRow::new).toList(), withNames, f.prov, f.warnings,
                f.notes, f.summary);
    }

    /** What every view shares: the portfolio, the provenance, the warnings, the notes and the summary. */
    private record Frame(ProjectPortfolio.Result result, Provenance prov, List<Text> warnings, List<Text> notes,
                         Map<String, Object> summary) {
    }

    private static Frame frame(Registry r, Params p, View view, Dependent dep, List<Text> readWarnings,
                               Provenance.Input registryInput) {
        ProjectPortfolio.Result res = portfolio(r, p, dep.codes());
        List<Text> warnings = new ArrayList<>(readWarnings);
        warnings.addAll(dep.warnings());
        List<Text> notes = new ArrayList<>(dep.notes());
        if (res.projects() == 0) notes.add(Messages.text("projects.note.none", p.cluster()));
        notes.add(Messages.text("projects.note.totals", res.projects(), Text.plain(res.budget()), res.addressed().size(),
                res.gaps().size()));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cluster", p.cluster());
        params.put("view", view.code());
        params.put("as_of", p.asOf().toString());
        params.put("dependent_codes", dep.codes().size());
        List<Provenance.Input> inputs = new ArrayList<>();
        inputs.add(registryInput);
        if (dep.input() != null) inputs.add(dep.input());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("projects", res.projects());
        summary.put("budget", res.budget());
        summary.put("products_addressed", res.addressed().size());
        summary.put("gaps", res.gaps().size());
        return new Frame(res, new Provenance(ID, inputs, params, "RUB"), warnings, notes, summary);
    }

    private static String fileName(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }
}
