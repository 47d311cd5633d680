package org.klaster.cooperation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.registry.Project;

/**
 * A cluster's portfolio of joint R&amp;D projects (docs/methods-cooperation.md, "Joint R&amp;D projects"): how many
 * projects and how much budget stand at each technology readiness level now and at each targeted level; which
 * products marked dependent the projects address, with their count and budget; and which dependent products of the
 * cluster's specialisation no project addresses yet.
 *
 * <p>A project addresses a dependent product when one of its target products lies on the same branch of the
 * OKPD2/OKVED2 hierarchy ({@link IndustryCodes#sameBranch}: one code is the other or below it). A dependent product
 * is in the specialisation when it lies on the branch of one of the cluster's declared specialisation codes or of
 * a participant's main activity — the link between OKVED2 industries and OKPD2 products that matchmaking uses (both
 * classifications share their upper levels). Pure: no files, no database.
 */
public final class ProjectPortfolio {

    private ProjectPortfolio() {
    }

    /** Projects and budget (RUB) at one level: by the level reached now, and by the level targeted. */
    public record TrlRow(int level, int projectsNow, double budgetNow, int projectsTarget, double budgetTarget) {
    }

    /**
     * A dependent product that projects address: how many, their whole budget (a project counts in full for every
     * product it addresses), whether it is in the specialisation, and the projects' ids in portfolio order.
     */
    public record ProductRow(String product, int projects, double budget, boolean inSpecialisation, List<String> projectIds) {
        public ProductRow {
            projectIds = List.copyOf(projectIds);
        }
    }

    /**
     * A dependent product of the specialisation that no project addresses: whether a declared specialisation code
     * covers it, and how many participants' main activities do.
     */
    public record GapRow(String product, boolean declared, int members) {
    }

    /** The three views and the portfolio's totals. */
    public record Result(List<TrlRow> byTrl, List<ProductRow> addressed, List<GapRow> gaps, int projects, double budget) {
        public Result {
            byTrl = List.copyOf(byTrl);
            addressed = List.copyOf(addressed);
            gaps = List.copyOf(gaps);
        }
    }

    /**
     * The portfolio.
     *
     * @param projects         the cluster's projects (checked: {@link #check})
     * @param dependent        OKPD2/OKVED2 codes of the products marked dependent (a code twice counts once)
     * @param specialisation   the cluster's declared specialisation (OKVED2 codes)
     * @param memberIndustries the main activity (OKVED2) of each participant, one entry per participant
     */
    public static Result of(List<Project> projects, Collection<String> dependent, Collection<String> specialisation,
                            Collection<String> memberIndustries) {
        int levels = Project.MAX_TRL;
        int[] nNow = new int[levels + 1];
        int[] nTarget = new int[levels + 1];
        double[] bNow = new double[levels + 1];
        double[] bTarget = new double[levels + 1];
        double total = 0;
        List<List<String>> productPaths = new ArrayList<>();
        for (Project p : projects) {
            double b = p.budget();
            nNow[p.trlNow()]++;
            bNow[p.trlNow()] += b;
            nTarget[p.trlTarget()]++;
            bTarget[p.trlTarget()] += b;
            total += b;
            List<String> paths = new ArrayList<>();
            for (String c : p.products()) paths.add(path(c));
            productPaths.add(paths);
        }
        List<TrlRow> byTrl = new ArrayList<>();
        for (int l = Project.MIN_TRL; l <= levels; l++) byTrl.add(new TrlRow(l, nNow[l], bNow[l], nTarget[l], bTarget[l]));

        List<String> declared = paths(specialisation);
        List<String> members = new ArrayList<>();
        for (String m : memberIndustries) {
            String p = IndustryCodes.path(m);
            if (p != null) members.add(p);   // a participant without a valid activity code says nothing of products
        }
        // dependent products in code order, each once
        TreeMap<String, String> products = new TreeMap<>();
        for (String d : dependent) products.putIfAbsent(d, path(d));
        List<ProductRow> addressed = new ArrayList<>();
        List<GapRow> gaps = new ArrayList<>();
        for (var e : products.entrySet()) {
            String d = e.getValue();
            List<String> ids = new ArrayList<>();
            double budget = 0;
            for (int i = 0; i < projects.size(); i++) {
                if (onBranch(d, productPaths.get(i))) {
                    ids.add(projects.get(i).id());
                    budget += projects.get(i).budget();
                }
            }
            boolean isDeclared = onBranch(d, declared);
            int memberCount = 0;
            for (String m : members) if (IndustryCodes.sameBranch(d, m)) memberCount++;
            boolean inSpecialisation = isDeclared || memberCount > 0;
            if (!ids.isEmpty()) {
                addressed.add(new ProductRow(e.getKey(), ids.size(), budget, inSpecialisation, ids));
            } else if (inSpecialisation) {
                gaps.add(new GapRow(e.getKey(), isDeclared, memberCount));
            }
        }
        return new Result(byTrl, addressed, gaps, projects.size(), total);
    }

    private static boolean onBranch(String path, List<String> paths) {
        for (String p : paths) if (IndustryCodes.sameBranch(path, p)) return true;
        return false;
    }

    private static List<String> paths(Collection<String> codes) {
        List<String> out = new ArrayList<>();
        for (String c : codes) {
            String p = IndustryCodes.path(c);
            if (p != null) out.add(p);
        }
        return out;
    }

    private static String path(String code) {
        String p = IndustryCodes.path(code);
        if (p == null) throw new InvalidParameterException(Text.core("project.product.invalid", String.valueOf(code)));
        return p;
    }

    /**
     * Checks a project as the format promises, before it is stored or counted: a title; levels 1–9 with the target
     * not below the level now; an end not before the start, both within 1900–2100; partners known ({@code inns}),
     * each once, exactly one of them the lead; every budget line a partner's, in a year of the project (from the
     * start's to the end's), each (partner, year) once, finite and ≥ 0; milestones with a text and a date within
     * 1900–2100; target products written as OKPD2 codes, each once.
     *
     * @throws InvalidParameterException naming the first problem
     */
    public static void check(Project p, Set<String> inns) {
        String id = p.id();
        if (id.isBlank()) throw bad("project.id.empty");
        if (p.title().isBlank()) throw bad("project.title.empty", id);
        if (p.trlNow() < Project.MIN_TRL || p.trlNow() > Project.MAX_TRL) throw bad("project.trl.range", id, "trl_now", p.trlNow());
        if (p.trlTarget() < Project.MIN_TRL || p.trlTarget() > Project.MAX_TRL) {
            throw bad("project.trl.range", id, "trl_target", p.trlTarget());
        }
        if (p.trlTarget() < p.trlNow()) throw bad("project.trl.target", id, p.trlTarget(), p.trlNow());
        year(id, "start", p.start());
        if (p.end() != null) {
            year(id, "end", p.end());
            if (p.end().isBefore(p.start())) throw bad("project.end.before", id, p.end().toString(), p.start().toString());
        }
        Set<String> partners = new HashSet<>();
        int leads = 0;
        for (Project.Partner x : p.partners()) {
            if (!inns.contains(x.inn())) throw bad("project.partner.unknown", id, x.inn());
            if (!partners.add(x.inn())) throw bad("project.partner.twice", id, x.inn());
            if (x.role() == Project.Role.LEAD) leads++;
        }
        if (leads != 1) throw bad("project.lead", id, leads);
        int from = p.start().getYear();
        int to = p.end() == null ? MAX_YEAR : p.end().getYear();
        Set<String> lines = new HashSet<>();
        for (Project.Budget b : p.budgets()) {
            if (!partners.contains(b.inn())) throw bad("project.budget.partner", id, b.inn());
            if (b.year() < from || b.year() > to) throw bad("project.budget.year", id, b.year(), from, to);
            if (!Double.isFinite(b.amount()) || b.amount() < 0) throw bad("project.budget.amount", id, Text.plain(b.amount()));
            if (!lines.add(b.inn() + "/" + b.year())) throw bad("project.budget.twice", id, b.inn(), b.year());
        }
        for (Project.Milestone m : p.milestones()) {
            if (m.text().isBlank()) throw bad("project.milestone.text", id);
            year(id, "milestone", m.date());
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String c : p.products()) {
            if (!IndustryCodes.valid(c)) throw bad("project.product.invalid", c);
            if (!codes.add(c)) throw bad("project.product.twice", id, c);
        }
    }

    /** The level's name in the national methodology (Decree 1552; the wording of GOST R 58048-2017). */
    public static Text trlName(int level) {
        if (level < Project.MIN_TRL || level > Project.MAX_TRL) throw new IllegalArgumentException("no readiness level " + level);
        return Text.core(TRL_KEYS[level - 1]);
    }

    private static final String[] TRL_KEYS = {"trl.1", "trl.2", "trl.3", "trl.4", "trl.5", "trl.6", "trl.7", "trl.8", "trl.9"};

    /** Years a project may name (the formats' range of dates). */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    private static void year(String id, String field, LocalDate d) {
        if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) throw bad("project.date.range", id, field, d.toString(), MIN_YEAR, MAX_YEAR);
    }

    private static InvalidParameterException bad(String key, Object... args) {
        return new InvalidParameterException(Text.core(key, args));
    }
}
