package org.klaster.cooperation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.registry.OrganisationType;

/**
 * Skills gaps and the training programmes that would close them (docs/methods-cooperation.md, "Training programmes
 * from skills gaps"). Occupations are OKZ (= ISCO-08) codes of 1–4 digits.
 *
 * <ul>
 *   <li>demand d_ot = Σ_i jobs_it · s_io: the new jobs of industry i in year t times the share s_io of the industry's
 *       workers in occupation o (the staffing row of i is that of the longest staffing code that is i or above it);</li>
 *   <li>supply g_ot = a · Σ_s grad_st · c_so: the region's graduates of specialty s in year t, times the specialty's
 *       share c_so going to occupation o (each specialty's shares add up to 1), times the share a of graduates
 *       available to the new jobs;</li>
 *   <li>gap_ot = d_ot − g_ot, not floored (a negative gap is a surplus); the shortfall of o is Σ_t max(0, gap_ot):
 *       graduates left over in one year are not carried to the next.</li>
 * </ul>
 * Both sides are compared at one occupation level: the shortest code either input uses (a 4-digit code is cut to
 * its 2-digit sub-major group when the other input only has those). Staffing shares of an industry add up to at most
 * 1; the rest are occupations the matrix does not list, and no demand is counted for them.
 *
 * <p>{@link #programmes}: for the occupations with the largest shortfall, the institutions that could train them —
 * those whose graduates already go to the occupation (when the graduates name institutions), split in proportion
 * to that output, else the region's universities and colleges by the occupation's skill level, split evenly — and
 * the member enterprises of the industries whose new jobs need the occupation.
 */
public final class SkillsGap {

    /** An OKZ / ISCO-08 code: a major group (1 digit) down to a unit group (4 digits). */
    private static final Pattern OCCUPATION = Pattern.compile("\\d{1,4}");

    /** Tolerance of a sum of shares (files round to a few decimals). */
    public static final double SHARE_TOLERANCE = 1e-6;

    private SkillsGap() {
    }

    /** Whether {@code code} is written as an OKZ / ISCO-08 code: 1–4 digits. */
    public static boolean validOccupation(String code) {
        return code != null && OCCUPATION.matcher(code).matches();
    }

    /** One cell of the staffing matrix: the share of industry's workers in an occupation, in [0, 1]. */
    public record Staff(String industry, String occupation, double share) {
        public Staff {
            Objects.requireNonNull(industry, "industry");
            Objects.requireNonNull(occupation, "occupation");
        }
    }

    /** New jobs of an industry (OKVED2 code) in a year, ≥ 0. */
    public record Jobs(String industry, int year, double jobs) {
        public Jobs {
            Objects.requireNonNull(industry, "industry");
        }
    }

    /** Graduates of the region in a specialty and year, optionally of one institution (its INN, else null). */
    public record Graduates(int year, String specialty, double graduates, String institution) {
        public Graduates {
            Objects.requireNonNull(specialty, "specialty");
        }
    }

    /** The share of a specialty's graduates who work in an occupation; a specialty's shares add up to 1. */
    public record Destination(String specialty, String occupation, double share) {
        public Destination {
            Objects.requireNonNull(specialty, "specialty");
            Objects.requireNonNull(occupation, "occupation");
        }
    }

    /** One occupation and year: demand, supply and gap = demand − supply, persons. */
    public record Gap(String occupation, int year, double demand, double supply, double gap) {
    }

    /**
     * The gaps and what the programmes read.
     *
     * @param level      the occupation level compared: digits of the codes (1–4)
     * @param years      the years of the jobs, ascending
     * @param rows       by occupation (code order), then year; every occupation with demand or supply
     * @param unstaffed  jobs of industries without a staffing row, Σ over the years, by industry (no demand counted)
     * @param unmapped   graduates of specialties without a concordance row, Σ over the years, by specialty
     * @param demandFrom by occupation: Σ_t jobs_it · s_io by jobs industry i
     * @param output     by occupation: a · Σ_t Σ_s grad_ist · c_so by institution INN (rows that name one)
     */
    public record Result(int level, List<Integer> years, List<Gap> rows, Map<String, Double> unstaffed,
                         Map<String, Double> unmapped, Map<String, Map<String, Double>> demandFrom,
                         Map<String, Map<String, Double>> output) {

        /** Σ_t max(0, gap_ot) by occupation, in code order. */
        public Map<String, Double> shortfall() {
            Map<String, Double> s = new TreeMap<>();
            for (Gap g : rows) s.merge(g.occupation(), Math.max(0.0, g.gap()), Double::sum);
            return s;
        }
    }

    /**
     * Demand, supply and gap by occupation and year, for the years of {@code jobs}.
     *
     * @param graduates the region's graduates (other years are ignored)
     * @param available a, the share of graduates available to the new jobs, in (0, 1]
     * @throws InvalidParameterException for a share out of range, an occupation not written as a code, an industry's
     *                                   staffing shares adding up to more than 1, a specialty's shares not adding up to 1
     */
    public static Result gaps(List<Staff> staffing, List<Jobs> jobs, List<Graduates> graduates, List<Destination> concordance,
                              double available) {
        if (!(available > 0 && available <= 1)) throw new InvalidParameterException(Text.core("skills.available", available));
        int level = 4;
        for (Staff s : staffing) level = Math.min(level, checkOccupation(s.occupation()).length());
        for (Destination d : concordance) level = Math.min(level, checkOccupation(d.occupation()).length());
        final int cut = level;
        // staffing: industry path → occupation at the level → share
        Map<String, Map<String, Double>> staff = new LinkedHashMap<>();
        Map<String, String> industryOfPath = new HashMap<>();
        for (Staff s : staffing) {
            if (!(s.share() >= 0 && s.share() <= 1)) {
                throw new InvalidParameterException(Text.core("skills.share", s.share(), s.industry(), s.occupation()));
            }
            String p = industryPath(s.industry());
            industryOfPath.putIfAbsent(p, s.industry());
            staff.computeIfAbsent(p, k -> new TreeMap<>()).merge(s.occupation().substring(0, cut), s.share(), Double::sum);
        }
        for (Map.Entry<String, Map<String, Double>> e : staff.entrySet()) {
            double sum = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            if (sum > 1 + SHARE_TOLERANCE) {
                throw new InvalidParameterException(Text.core("skills.staffing.sum", industryOfPath.get(e.getKey()), Text.plain(Math.round(sum * 1e6) / 1e6)));
            }
        }
        Map<String, Map<String, Double>> dest = new LinkedHashMap<>();
        for (Destination d : concordance) {
            if (!(d.share() >= 0 && d.share() <= 1)) {
                throw new InvalidParameterException(Text.core("skills.share", d.share(), d.specialty(), d.occupation()));
            }
            dest.computeIfAbsent(d.specialty(), k -> new TreeMap<>()).merge(d.occupation().substring(0, cut), d.share(), Double::sum);
        }
        for (Map.Entry<String, Map<String, Double>> e : dest.entrySet()) {
            double sum = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
                throw new InvalidParameterException(Text.core("skills.concordance.sum", e.getKey(), Text.plain(Math.round(sum * 1e6) / 1e6)));
            }
        }
        TreeSet<Integer> yearSet = new TreeSet<>();
        for (Jobs j : jobs) yearSet.add(j.year());
        List<Integer> years = List.copyOf(yearSet);
        Map<Integer, Integer> yearIndex = new HashMap<>();
        for (int y : years) yearIndex.put(y, yearIndex.size());
        int ny = years.size();
        Map<String, double[]> demand = new TreeMap<>();
        Map<String, double[]> supply = new TreeMap<>();
        Map<String, Double> unstaffed = new TreeMap<>();
        Map<String, Map<String, Double>> demandFrom = new TreeMap<>();
        for (Jobs j : jobs) {
            if (!(j.jobs() >= 0) || Double.isInfinite(j.jobs())) {
                throw new InvalidParameterException(Text.core("skills.jobs", j.jobs(), j.industry(), j.year()));
            }
            Map<String, Double> row = staffRow(staff, industryPath(j.industry()));
            if (row == null) {
                if (j.jobs() > 0) unstaffed.merge(j.industry(), j.jobs(), Double::sum);
                continue;
            }
            int t = yearIndex.get(j.year());
            for (Map.Entry<String, Double> e : row.entrySet()) {
                double v = j.jobs() * e.getValue();
                demand.computeIfAbsent(e.getKey(), k -> new double[ny])[t] += v;
                if (v > 0) demandFrom.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).merge(j.industry(), v, Double::sum);
            }
        }
        Map<String, Double> unmapped = new TreeMap<>();
        Map<String, Map<String, Double>> output = new TreeMap<>();
        for (Graduates g : graduates) {
            Integer t = yearIndex.get(g.year());
            if (t == null) continue;
            if (!(g.graduates() >= 0) || Double.isInfinite(g.graduates())) {
                throw new InvalidParameterException(Text.core("skills.graduates", g.graduates(), g.specialty(), g.year()));
            }
            Map<String, Double> row = dest.get(g.specialty());
            if (row == null) {
                if (g.graduates() > 0) unmapped.merge(g.specialty(), g.graduates(), Double::sum);
                continue;
            }
            for (Map.Entry<String, Double> e : row.entrySet()) {
                double v = available * g.graduates() * e.getValue();
                supply.computeIfAbsent(e.getKey(), k -> new double[ny])[t] += v;
                if (g.institution() != null && v > 0) {
                    output.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).merge(g.institution(), v, Double::sum);
                }
            }
        }
        TreeSet<String> occupations = new TreeSet<>(demand.keySet());
        occupations.addAll(supply.keySet());
        List<Gap> rows = new ArrayList<>();
        for (String o : occupations) {
            double[] d = demand.getOrDefault(o, new double[ny]);
            double[] s = supply.getOrDefault(o, new double[ny]);
            boolean any = false;
            for (int t = 0; t < ny; t++) any |= d[t] != 0 || s[t] != 0;
            if (!any) continue;
            for (int t = 0; t < ny; t++) rows.add(new Gap(o, years.get(t), d[t], s[t], d[t] - s[t]));
        }
        return new Result(level, years, rows, unstaffed, unmapped, demandFrom, output);
    }

    private static String checkOccupation(String code) {
        if (!validOccupation(code)) throw new InvalidParameterException(Text.core("skills.occupation", code));
        return code;
    }

    /** An industry code's digits (OKVED2 dotted codes: every digit one level); other codes as written. */
    static String industryPath(String code) {
        String p = IndustryCodes.path(code);
        return p != null ? p : code;
    }

    /** The staffing row of the longest staffing code that is the industry or above it, or null. */
    private static Map<String, Double> staffRow(Map<String, Map<String, Double>> staff, String path) {
        for (int k = path.length(); k >= 1; k--) {
            Map<String, Double> row = staff.get(path.substring(0, k));
            if (row != null) return row;
        }
        return null;
    }

    // ====================================================================== programmes

    /**
     * An education organisation: of the region, with its registry type (university or college); or one the graduates
     * may name from elsewhere, with type null — known by name, never proposed by type.
     */
    public record Institution(String inn, String name, OrganisationType type) {
        public Institution {
            Objects.requireNonNull(inn, "inn");
        }
    }

    /** A member enterprise of the region: its OKVED2 activity and employees (NaN unknown). */
    public record Employer(String inn, String name, String industry, double employees) {
        public Employer {
            Objects.requireNonNull(inn, "inn");
        }
    }

    /** How an institution was chosen: its graduates already go to the occupation, or its type fits the skill level. */
    public enum Basis {
        GRADUATES, TYPE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An institution proposed for a programme.
     *
     * @param type     its registry type, or null when the registry does not have it
     * @param supply   persons a year it now trains for the occupation (a · its graduates · c_so, mean over the years);
     *                 NaN for basis TYPE
     * @param people   persons a year the programme would ask of it
     */
    public record Trainer(String inn, String name, OrganisationType type, Basis basis, double supply, double people) {
    }

    /**
     * A proposed joint programme for one occupation.
     *
     * @param shortfall     Σ_t max(0, gap_ot), persons
     * @param peoplePerYear shortfall ÷ the number of years: the intake a year that closes it over the horizon
     * @param industries    the jobs industries whose new jobs need the occupation, the largest demand first
     * @param trainers      empty when no institution of a fitting type is known
     * @param employers     the member enterprises of those industries, the largest first
     */
    public record Programme(int rank, String occupation, double shortfall, double peakGap, double peoplePerYear,
                            List<String> industries, List<Trainer> trainers, List<Employer> employers) {
    }

    /**
     * The registry types that train an occupation, by its ISCO-08 skill level: major groups 1–2 (skill levels 3–4,
     * higher education) universities; 3 (technicians, level 3) universities and colleges; 4–8 (level 2, secondary
     * vocational) colleges; 9 and 0 none (elementary occupations are trained on the job; armed forces elsewhere).
     */
    public static List<OrganisationType> trainerTypes(String occupation) {
        return switch (occupation.charAt(0)) {
            case '1', '2' -> List.of(OrganisationType.UNIVERSITY);
            case '3' -> List.of(OrganisationType.UNIVERSITY, OrganisationType.COLLEGE);
            case '4', '5', '6', '7', '8' -> List.of(OrganisationType.COLLEGE);
            default -> List.of();
        };
    }

    /**
     * Programmes for the {@code top} occupations with the largest shortfall (ties: code), each with its trainers
     * and employers.
     *
     * @param institutions the region's universities and colleges (and any institution the graduates name)
     * @param employers    the member enterprises of the region
     */
    public static List<Programme> programmes(Result r, List<Institution> institutions, List<Employer> employers, int top) {
        if (top < 1) throw new InvalidParameterException(Text.core("skills.top", top));
        Map<String, Double> shortfall = r.shortfall();
        Map<String, Double> peak = new HashMap<>();
        for (Gap g : r.rows()) peak.merge(g.occupation(), g.gap(), Math::max);
        List<String> order = shortfall.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(top).toList();
        Map<String, Institution> byInn = new HashMap<>();
        for (Institution i : institutions) byInn.putIfAbsent(i.inn(), i);
        int ny = r.years().size();
        List<Programme> out = new ArrayList<>();
        for (String o : order) {
            double people = shortfall.get(o) / ny;
            List<Trainer> trainers = new ArrayList<>();
            Map<String, Double> made = r.output().getOrDefault(o, Map.of());
            double total = made.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total > 0) {
                List<Map.Entry<String, Double>> named = new ArrayList<>(made.entrySet());
                named.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
                for (Map.Entry<String, Double> e : named) {
                    Institution i = byInn.get(e.getKey());
                    trainers.add(new Trainer(e.getKey(), i == null ? null : i.name(), i == null ? null : i.type(), Basis.GRADUATES,
                            e.getValue() / ny, people * e.getValue() / total));
                }
            } else {
                List<OrganisationType> types = trainerTypes(o);
                List<Institution> fit = institutions.stream().filter(i -> i.type() != null && types.contains(i.type()))
                        .sorted(Comparator.comparing((Institution i) -> types.indexOf(i.type())).thenComparing(Institution::inn)).toList();
                for (Institution i : fit) {
                    trainers.add(new Trainer(i.inn(), i.name(), i.type(), Basis.TYPE, Double.NaN, people / fit.size()));
                }
            }
            List<Map.Entry<String, Double>> from = new ArrayList<>(r.demandFrom().getOrDefault(o, Map.of()).entrySet());
            from.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            List<String> industries = from.stream().map(Map.Entry::getKey).toList();
            List<Employer> need = new ArrayList<>();
            for (Employer e : employers) {
                if (e.industry() == null || e.industry().isEmpty()) continue;
                String p = industryPath(e.industry());
                if (industries.stream().anyMatch(i -> IndustryCodes.sameBranch(industryPath(i), p))) need.add(e);
            }
            need.sort(Comparator.comparingDouble((Employer e) -> Double.isNaN(e.employees()) ? Double.POSITIVE_INFINITY : -e.employees())
                    .thenComparing(Employer::inn));
            out.add(new Programme(out.size() + 1, o, shortfall.get(o), peak.get(o), people, industries, trainers, need));
        }
        return out;
    }
}
