package org.klaster.app.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.klaster.Text;
import org.klaster.cooperation.SkillsGap;
import org.klaster.cooperation.SkillsGap.Gap;
import org.klaster.cooperation.SkillsGap.Programme;
import org.klaster.cooperation.SkillsGap.Trainer;
import org.klaster.data.demo.DemoRegistry;
import org.klaster.data.demo.DemoSkills;
import org.klaster.data.formats.GraduatesReader;
import org.klaster.data.formats.JobsReader;
import org.klaster.data.formats.SkillsFile;
import org.klaster.data.formats.SpecialtyOccupationsReader;
import org.klaster.data.formats.StaffingReader;
import org.klaster.data.reference.Okz;
import org.klaster.registry.Membership;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Registry;

/**
 * {@code klaster skills gaps|programmes}: the demand for occupations that new jobs bring, the supply of the region's
 * graduates, the gap by occupation and year, and for the largest gaps the joint training programmes — which
 * universities and colleges could train the people, how many a year, and which member enterprises need them
 * ({@link SkillsGap}, docs/methods-cooperation.md, "Training programmes from skills gaps").
 */
public final class SkillsAnalysis {

    public static final String GAPS_ID = "skills.gaps";
    public static final String PROGRAMMES_ID = "skills.programmes";
    /** The occupation code of the total rows of the gaps table. */
    public static final String TOTAL = "TOTAL";
    public static final int MAX_TOP = 1000;

    private SkillsAnalysis() {
    }

    /**
     * The parameters.
     *
     * @param region    the region whose graduates count (ISO 3166-2:RU, as the graduates write it)
     * @param available the share of graduates available to the new jobs, (0, 1]
     * @param top       occupations kept (gaps: null = all; programmes: default 10)
     * @param asOf      the day of the cluster memberships (programmes)
     * @param cluster   the cluster whose members are the employers (null: members of any cluster)
     */
    public record Params(String region, double available, Integer top, LocalDate asOf, String cluster) {

        /** Checks values as given (flags, query parameters). */
        public static Params of(String region, String available, String top, String asOf, String cluster) {
            String r = Param.code("region", region);
            if (r == null) throw UserException.badParameter("region", Messages.text("param.required"));
            Double a = Param.number("available", available);
            double share = a == null ? 1.0 : a;
            if (!(share > 0 && share <= 1)) {
                throw UserException.badParameter("available", Messages.text("skills.param.available", Param.shorten(available)));
            }
            Integer t = Param.integer("top", top, 1, MAX_TOP);
            LocalDate day = asOf == null || asOf.isBlank() ? LocalDate.now() : ComplianceAnalysis.date("as_of", asOf);
            return new Params(r, share, t, day, Param.code("cluster", cluster));
        }
    }

    // ================================================================== inputs

    /** New jobs with where they came from. */
    public record JobsInput(List<SkillsGap.Jobs> jobs, List<Provenance.Input> inputs, List<Text> warnings, List<Text> notes) {
        public JobsInput {
            jobs = List.copyOf(jobs);
            inputs = List.copyOf(inputs);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    /** Everything the analysis reads, each input recorded for the provenance. */
    public record Inputs(List<SkillsGap.Staff> staffing, List<SkillsGap.Jobs> jobs, List<GraduatesReader.Row> graduates,
                         List<SkillsGap.Destination> concordance, List<Provenance.Input> inputs, List<Text> warnings,
                         List<Text> notes) {
        public Inputs {
            inputs = List.copyOf(inputs);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    /** Jobs from a file ({@code jobs.csv}, formats.md §10); null: the demo's (SYNTHETIC, a note says so). */
    public static JobsInput jobs(Path file) {
        if (file == null) {
            return new JobsInput(DemoSkills.jobs(), List.of(demoInput("jobs")), List.of(),
                    List.of(Messages.text("skills.note.demo", "--jobs", "jobs")));
        }
        SkillsFile<SkillsGap.Jobs> f = read(() -> JobsReader.read(file, null));
        return new JobsInput(f.records(), List.of(Provenance.Input.file("jobs", f.sourceName(), f.sha256())), Texts.of(f.warnings()),
                List.of());
    }

    /**
     * The jobs of a localisation scenario ({@code klaster io localise}): each sector's {@code jobs_change}, in
     * {@code year}; the scenario's inputs and parameters go into the provenance.
     */
    public static JobsInput jobs(Table<LocalisationAnalysis.LocaliseRow> localised, int year) {
        List<SkillsGap.Jobs> out = new ArrayList<>();
        for (LocalisationAnalysis.LocaliseRow r : localised.list()) {
            if (LocalisationAnalysis.TOTAL.equals(r.sector())) continue;
            // Δx ≥ 0 in a localisation; a rounding residue below 0 is no job
            if (r.jobsChange() > 0) out.add(new SkillsGap.Jobs(r.sector(), year, r.jobsChange()));
        }
        Map<String, Object> p = localised.provenance().parameters();
        List<Text> notes = List.of(Messages.text("skills.note.localise", p.get("region"), p.get("buyers"), p.get("share"),
                p.get("from"), year));
        return new JobsInput(out, localised.provenance().inputs(), localised.warnings(), notes);
    }

    /**
     * The other three inputs: files, or the demo's where a file is null (a note names the flag to give instead).
     */
    public static Inputs inputs(JobsInput jobs, Path staffing, Path graduates, Path concordance) {
        List<Provenance.Input> in = new ArrayList<>();
        List<Text> warnings = new ArrayList<>();
        List<Text> notes = new ArrayList<>(jobs.notes());
        List<SkillsGap.Staff> s;
        if (staffing == null) {
            s = DemoSkills.staffing();
            in.add(demoInput("staffing"));
            notes.add(Messages.text("skills.note.demo", "--staffing", "staffing"));
        } else {
            SkillsFile<SkillsGap.Staff> f = read(() -> StaffingReader.read(staffing, null));
            s = f.records();
            in.add(Provenance.Input.file("staffing", f.sourceName(), f.sha256()));
            warnings.addAll(Texts.of(f.warnings()));
        }
        List<GraduatesReader.Row> g;
        if (graduates == null) {
            g = DemoSkills.graduates(DemoRegistry.generate());
            in.add(demoInput("graduates"));
            notes.add(Messages.text("skills.note.demo", "--graduates", "graduates"));
        } else {
            SkillsFile<GraduatesReader.Row> f = read(() -> GraduatesReader.read(graduates, null));
            g = f.records();
            in.add(Provenance.Input.file("graduates", f.sourceName(), f.sha256()));
            warnings.addAll(Texts.of(f.warnings()));
        }
        List<SkillsGap.Destination> c;
        if (concordance == null) {
            c = DemoSkills.concordance();
            in.add(demoInput("concordance"));
            notes.add(Messages.text("skills.note.demo", "--concordance", "concordance"));
        } else {
            SkillsFile<SkillsGap.Destination> f = read(() -> SpecialtyOccupationsReader.read(concordance, null));
            c = f.records();
            in.add(Provenance.Input.file("concordance", f.sourceName(), f.sha256()));
            warnings.addAll(Texts.of(f.warnings()));
        }
        in.addAll(jobs.inputs());
        warnings.addAll(jobs.warnings());
        return new Inputs(s, jobs.jobs(), g, c, in, warnings, notes);
    }

    private static Provenance.Input demoInput(String role) {
        return new Provenance.Input(role, DemoSkills.VERSION, DemoSkills.PROVENANCE, null, true, null);
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    private static <T> T read(Reading<T> r) {
        try {
            return r.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ================================================================== gaps

    /** What both tables compute first: the region's graduates, the engine's result, and its warnings and notes. */
    private record Computed(SkillsGap.Result result, List<Text> warnings, List<Text> notes) {
    }

    private static Computed compute(Inputs in, Params p) {
        List<SkillsGap.Graduates> graduates = new ArrayList<>();
        Set<String> regions = new TreeSet<>();
        for (GraduatesReader.Row g : in.graduates()) {
            regions.add(g.region());
            if (g.region().equals(p.region())) graduates.add(new SkillsGap.Graduates(g.year(), g.specialty(), g.graduates(), g.institution()));
        }
        if (graduates.isEmpty()) {
            throw UserException.impossible(Messages.text("skills.noGraduates", p.region(), RegionalisationAnalysis.examples(
                    new ArrayList<>(regions), 12)));
        }
        if (in.jobs().isEmpty()) throw UserException.impossible(Messages.text("skills.noJobs"));
        SkillsGap.Result r = SkillsGap.gaps(in.staffing(), in.jobs(), graduates, in.concordance(), p.available());
        List<Text> warnings = new ArrayList<>(in.warnings());
        if (!r.unstaffed().isEmpty()) warnings.add(Messages.text("skills.warning.unstaffed", describe(r.unstaffed())));
        if (!r.unmapped().isEmpty()) warnings.add(Messages.text("skills.warning.unmapped", describe(r.unmapped())));
        Set<Integer> graduateYears = new TreeSet<>();
        for (SkillsGap.Graduates g : graduates) graduateYears.add(g.year());
        List<Integer> missing = r.years().stream().filter(y -> !graduateYears.contains(y)).toList();
        if (!missing.isEmpty()) warnings.add(Messages.text("skills.warning.noGraduatesYear", p.region(), join(missing)));
        List<Text> notes = new ArrayList<>(in.notes());
        notes.add(Messages.text("skills.note.method", p.region(), r.level(), Text.plain(p.available()), join(r.years())));
        return new Computed(r, warnings, notes);
    }

    private static String describe(Map<String, Double> m) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : m.entrySet()) {
            if (parts.size() == 12) {
                parts.add("…");
                break;
            }
            parts.add(e.getKey() + " (" + Text.fixed(e.getValue(), 0) + ")");
        }
        return String.join(", ", parts);
    }

    private static String join(List<Integer> years) {
        return String.join(", ", years.stream().map(String::valueOf).toList());
    }

    /** One occupation and year (occupation {@value #TOTAL}: all occupations of the year). */
    public record GapRow(String occupation, int year, double demand, double supply, double gap) {
    }

    public static Schema<GapRow> gapsSchema(Names names) {
        return Schema.<GapRow>builder(GAPS_ID, "SkillsGapRow")
                .text("occupation", GapRow::occupation)
                .name("occupation_name", r -> TOTAL.equals(r.occupation()) ? null : occupationName(r.occupation(), names))
                .integer("year", Unit.YEAR, GapRow::year)
                .number("demand", Unit.PERSONS, GapRow::demand)
                .number("supply", Unit.PERSONS, GapRow::supply)
                .number("gap", Unit.PERSONS, GapRow::gap)
                .build();
    }

    static String occupationName(String code, Names names) {
        return Okz.name(code, names.lang().name()).orElse(null);
    }

    /**
     * Demand, supply and gap by occupation and year: the occupations with the largest shortfall first (Σ over the
     * years of the gap where it is positive; ties: code), each with its years; then a {@value #TOTAL} row a year over
     * every occupation. With {@code top}, only that many occupations (the totals still cover all).
     */
    public static Table<GapRow> gaps(Inputs in, Params p, Names names, boolean withNames) {
        Computed c = compute(in, p);
        SkillsGap.Result r = c.result();
        Map<String, Double> shortfall = r.shortfall();
        List<String> order = shortfall.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(p.top() == null ? Long.MAX_VALUE : p.top()).toList();
        Map<String, List<Gap>> byOccupation = new LinkedHashMap<>();
        for (Gap g : r.rows()) byOccupation.computeIfAbsent(g.occupation(), k -> new ArrayList<>()).add(g);
        List<GapRow> rows = new ArrayList<>();
        for (String o : order) {
            for (Gap g : byOccupation.get(o)) rows.add(new GapRow(o, g.year(), g.demand(), g.supply(), g.gap()));
        }
        double totalShortfall = 0;
        for (int k = 0; k < r.years().size(); k++) {
            double d = 0;
            double s = 0;
            for (Gap g : r.rows()) {
                if (g.year() != r.years().get(k)) continue;
                d += g.demand();
                s += g.supply();
            }
            rows.add(new GapRow(TOTAL, r.years().get(k), d, s, d - s));
        }
        for (double v : shortfall.values()) totalShortfall += v;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("occupations", shortfall.size());
        summary.put("occupations_short", shortfall.values().stream().filter(v -> v > 0).count());
        summary.put("shortfall", totalShortfall);
        return new Table<>(gapsSchema(names), rows, withNames, provenance(GAPS_ID, in, p, r), c.warnings(), c.notes(), summary);
    }

    private static Provenance provenance(String id, Inputs in, Params p, SkillsGap.Result r) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("region", p.region());
        params.put("available", p.available());
        params.put("top", p.top());
        params.put("level", r.level());
        params.put("years", join(r.years()));
        if (PROGRAMMES_ID.equals(id)) {
            params.put("as_of", p.asOf().toString());
            params.put("cluster", p.cluster());
        }
        return new Provenance(id, in.inputs(), params, null);
    }

    // ================================================================== programmes

    /** One institution of one programme; {@code trainer} null when no institution fits. */
    public record ProgrammeRow(Programme programme, Trainer trainer) {
    }

    public static Schema<ProgrammeRow> programmesSchema(Names names) {
        return Schema.<ProgrammeRow>builder(PROGRAMMES_ID, "SkillsProgrammeRow")
                .integer("rank", Unit.RANK, r -> r.programme().rank())
                .text("occupation", r -> r.programme().occupation())
                .name("occupation_name", r -> occupationName(r.programme().occupation(), names))
                .number("shortfall", Unit.PERSONS, r -> r.programme().shortfall())
                .number("people_per_year", Unit.PERSONS, r -> r.programme().peoplePerYear())
                .optionalText("institution_inn", r -> r.trainer() == null ? null : r.trainer().inn())
                .optionalText("institution_name", r -> r.trainer() == null ? null : r.trainer().name())
                .optionalText("institution_type", r -> r.trainer() == null || r.trainer().type() == null ? null
                        : r.trainer().type().code())
                .optionalText("basis", r -> r.trainer() == null ? null : r.trainer().basis().code())
                .optionalNumber("institution_supply", Unit.PERSONS, r -> r.trainer() == null ? Double.NaN : r.trainer().supply())
                .optionalNumber("institution_people", Unit.PERSONS, r -> r.trainer() == null ? Double.NaN : r.trainer().people())
                .text("industries", r -> String.join(";", r.programme().industries()))
                .integer("enterprise_count", Unit.COUNT, r -> r.programme().employers().size())
                .optionalText("enterprises", r -> r.programme().employers().isEmpty() ? null
                        : String.join(";", r.programme().employers().stream().map(SkillsGap.Employer::inn).toList()))
                .build();
    }

    /**
     * The programmes for the {@code top} (default 10) occupations with the largest shortfall: one row per proposed
     * institution (or one row without an institution when none fits), with the employers — member enterprises of the
     * region in the industries whose new jobs need the occupation, members of {@code cluster} (else of any cluster) on
     * {@code asOf}.
     */
    public static Table<ProgrammeRow> programmes(Inputs in, Params p, Registry registry, Provenance.Input registryInput,
                                                 List<Text> registryWarnings, Names names, boolean withNames) {
        if (p.cluster() != null && registry.cluster(p.cluster()) == null) {
            throw UserException.notFound("cluster", Messages.text("io.localise.noCluster", p.cluster()));
        }
        Computed c = compute(in, p);
        Set<String> members = new TreeSet<>();
        for (Membership m : registry.memberships()) {
            if (m.activeOn(p.asOf()) && (p.cluster() == null || p.cluster().equals(m.cluster()))) members.add(m.inn());
        }
        List<SkillsGap.Institution> institutions = new ArrayList<>();
        List<SkillsGap.Employer> employers = new ArrayList<>();
        for (Organisation o : registry.organisations()) {
            boolean here = p.region().equals(o.region());
            if (o.type() == OrganisationType.UNIVERSITY || o.type() == OrganisationType.COLLEGE) {
                // one registered elsewhere may still be named by the region's graduates: known by name, never chosen by type
                institutions.add(new SkillsGap.Institution(o.inn(), o.name(), here ? o.type() : null));
            }
            if (here && o.type() == OrganisationType.ENTERPRISE && members.contains(o.inn())) {
                employers.add(new SkillsGap.Employer(o.inn(), o.name(), o.okved(), o.employees()));
            }
        }
        int top = p.top() == null ? 10 : p.top();
        List<Programme> programmes = SkillsGap.programmes(c.result(), institutions, employers, top);
        List<ProgrammeRow> rows = new ArrayList<>();
        double people = 0;
        for (Programme x : programmes) {
            people += x.peoplePerYear();
            if (x.trainers().isEmpty()) rows.add(new ProgrammeRow(x, null));
            for (Trainer t : x.trainers()) rows.add(new ProgrammeRow(x, t));
        }
        List<Text> warnings = new ArrayList<>(registryWarnings);
        warnings.addAll(c.warnings());
        List<Text> notes = new ArrayList<>(c.notes());
        notes.add(Messages.text("skills.note.programmes", p.cluster() == null ? "*" : p.cluster(), p.asOf().toString()));
        if (programmes.isEmpty()) notes.add(Messages.text("skills.note.noShortfall"));
        if (programmes.stream().anyMatch(x -> x.trainers().isEmpty())) notes.add(Messages.text("skills.note.noTrainer"));
        List<Provenance.Input> inputs = new ArrayList<>(in.inputs());
        inputs.add(registryInput);
        Provenance base = provenance(PROGRAMMES_ID, in, p, c.result());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("programmes", programmes.size());
        summary.put("people_per_year", people);
        return new Table<>(programmesSchema(names), rows, withNames, new Provenance(PROGRAMMES_ID, inputs, base.parameters(), null),
                warnings, notes, summary);
    }
}
