package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.klaster.Text;
import org.klaster.registry.AnnualFacts;
import org.klaster.registry.Cluster;
import org.klaster.registry.ClusterType;
import org.klaster.registry.Contract;
import org.klaster.registry.ContractType;
import org.klaster.registry.Identifiers;
import org.klaster.registry.Membership;
import org.klaster.registry.Offer;
import org.klaster.registry.Organisation;
import org.klaster.registry.OrganisationType;
import org.klaster.registry.Project;
import org.klaster.registry.Registry;

/**
 * Reads a registry folder (formats.md, "Registry"): {@code organisations}, {@code clusters},
 * {@code memberships}, {@code contracts}, {@code facts} and the optional {@code offers} and project files
 * ({@code projects}, {@code project_partners}, {@code project_budgets}, {@code project_milestones},
 * {@code project_products}: formats.md §10), each as
 * {@code NAME.csv} or {@code NAME.xlsx} (any encoding and separator {@link TabularFile} detects).
 *
 * <p>All or nothing: the first problem throws an {@link InputException} naming the file, line and column,
 * and nothing is returned. Problems: a missing file (or both a .csv and an .xlsx of one name); a missing
 * required column; an INN that is not 10 or 12 digits or whose check digits are wrong; an OGRN that is not
 * 13 or 15 digits, has a wrong check digit, or does not match the INN's kind (10-digit INN with a 13-digit
 * OGRN, 12-digit INN with a 15-digit OGRNIP); the same INN twice; a membership, contract, fact, offer or
 * specialised organisation naming an INN that {@code organisations} does not have; a cluster that
 * {@code clusters} does not have; a contract of an organisation with itself; a negative or non-finite value;
 * a date that is not a date or lies outside 1900–2100, a left date before the joined date, two memberships
 * of one organisation in one cluster that overlap; an unknown type, kind or flag value; an offer's code not written
 * as an OKPD2/OKVED2 code; the same cluster,
 * (inn, year) fact twice. Unknown extra columns are warnings.
 */
public final class RegistryReader {

    /** The files of a registry folder, in reading order; {@code offers} and the project files are optional. */
    public static final List<String> FILES = List.of("organisations", "clusters", "memberships", "contracts", "facts",
            "offers", "projects", "project_partners", "project_budgets", "project_milestones", "project_products");

    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final LocalDate MIN_DATE = LocalDate.of(Numbers.MIN_YEAR, 1, 1);
    private static final LocalDate MAX_DATE = LocalDate.of(Numbers.MAX_YEAR, 12, 31);

    /** What was read: the registry, the files (with their SHA-256) and the warnings. */
    public record Result(Registry registry, List<Path> files, String sha256, List<Text> warnings) {
        public Result {
            files = List.copyOf(files);
            warnings = List.copyOf(warnings);
        }
    }

    private RegistryReader() {
    }

    /**
     * Reads the folder.
     *
     * @throws InputException on any problem with the content (nothing is returned)
     * @throws IOException    if a file cannot be read for another reason
     */
    public static Result read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw InputException.file(dir, data("registry.not.folder"));
        }
        Set<Text> warnings = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        Path orgFile = file(dir, "organisations", true);
        files.add(orgFile);
        Map<String, Organisation> orgs = organisations(orgFile, warnings);
        Path clusterFile = file(dir, "clusters", true);
        files.add(clusterFile);
        Map<String, Cluster> clusters = clusters(clusterFile, orgs, warnings);
        Path memberFile = file(dir, "memberships", true);
        files.add(memberFile);
        List<Membership> memberships = memberships(memberFile, orgs, clusters, warnings);
        Path contractFile = file(dir, "contracts", true);
        files.add(contractFile);
        List<Contract> contracts = contracts(contractFile, orgs, clusters, warnings);
        Path factFile = file(dir, "facts", true);
        files.add(factFile);
        List<AnnualFacts> facts = facts(factFile, orgs, warnings);
        Path offerFile = file(dir, "offers", false);
        List<Offer> offers = List.of();
        if (offerFile != null) {
            files.add(offerFile);
            offers = offers(offerFile, orgs, warnings);
        }
        List<Project> projects = projects(dir, files, orgs, clusters, warnings);
        Registry registry = new Registry(new ArrayList<>(orgs.values()), new ArrayList<>(clusters.values()), memberships,
                contracts, facts, offers, projects);
        return new Result(registry, files, TradeReader.sha256(files), new ArrayList<>(warnings));
    }

    /** The rows of one registry file read on its own, and its warnings (unknown columns). */
    public record FileResult<T>(List<T> rows, List<Text> warnings) {
        public FileResult {
            rows = List.copyOf(rows);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * One {@code organisations} file (CSV or XLSX) on its own, with the checks and messages of a folder's: all or
     * nothing, the first problem an {@link InputException} naming the file, line and column.
     */
    public static FileResult<Organisation> readOrganisations(Path file) throws IOException {
        Set<Text> warnings = new LinkedHashSet<>();
        Map<String, Organisation> orgs = organisations(file, warnings);
        return new FileResult<>(new ArrayList<>(orgs.values()), new ArrayList<>(warnings));
    }

    /**
     * One {@code contracts} file on its own: every supplier and buyer must be one of {@code orgs} and every cluster
     * one of {@code clusters} (by id), else an {@link InputException} at that line and column; all or nothing.
     */
    public static FileResult<Contract> readContracts(Path file, Map<String, Organisation> orgs, Map<String, Cluster> clusters)
            throws IOException {
        Set<Text> warnings = new LinkedHashSet<>();
        List<Contract> contracts = contracts(file, orgs, clusters, warnings);
        return new FileResult<>(contracts, new ArrayList<>(warnings));
    }

    /** {@code NAME.csv} or {@code NAME.xlsx} in {@code dir}; null when optional and absent. */
    static Path file(Path dir, String name, boolean required) {
        Path csv = dir.resolve(name + ".csv");
        Path xlsx = dir.resolve(name + ".xlsx");
        boolean c = Files.isRegularFile(csv);
        boolean x = Files.isRegularFile(xlsx);
        if (c && x) {
            throw InputException.file(csv, data("registry.file.both", name + ".csv", name + ".xlsx"));
        }
        if (c) return csv;
        if (x) return xlsx;
        if (required) {
            throw InputException.file(csv, data("registry.file.missing", name + ".csv", name + ".xlsx"));
        }
        return null;
    }

    // ------------------------------------------------------------------------------ organisations

    static Map<String, Organisation> organisations(Path file, Set<Text> warnings) throws IOException {
        List<String> required = List.of("inn", "ogrn", "name", "type", "okved", "region");
        List<String> optional = List.of("lat", "lon", "employees", "revenue", "final_producer", "special_territory");
        try (TabularFile t = open(file, required, optional, "organisations", warnings)) {
            int iInn = t.indexOf("inn");
            int iOgrn = t.indexOf("ogrn");
            int iName = t.indexOf("name");
            int iType = t.indexOf("type");
            int iOkved = t.indexOf("okved");
            int iRegion = t.indexOf("region");
            int iLat = t.indexOf("lat");
            int iLon = t.indexOf("lon");
            int iEmp = t.indexOf("employees");
            int iRev = t.indexOf("revenue");
            int iFinal = t.indexOf("final_producer");
            int iSpecial = t.indexOf("special_territory");
            Map<String, Organisation> out = new java.util.LinkedHashMap<>();
            Map<String, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String inn = inn(row, iInn);
                String ogrn = row.code(iOgrn);
                if (!ogrn.chars().allMatch(ch -> ch >= '0' && ch <= '9') || (ogrn.length() != 13 && ogrn.length() != 15)) {
                    throw row.error(iOgrn, data("registry.ogrn.format", quoted(ogrn)));
                }
                if (!Identifiers.validOgrn(ogrn)) {
                    throw row.error(iOgrn, data("registry.ogrn.check", quoted(ogrn)));
                }
                if ((inn.length() == 10) != (ogrn.length() == 13)) {
                    throw row.error(iOgrn, data("registry.ogrn.kind", quoted(ogrn), quoted(inn)));
                }
                String name = row.text(iName);
                if (name.isEmpty()) {
                    throw row.error(iName, data("registry.name.empty"));
                }
                OrganisationType type = OrganisationType.parse(row.code(iType));
                if (type == null) {
                    throw row.error(iType, data("registry.type.unknown", quoted(row.get(iType)),
                            String.join(", ", OrganisationType.codes())));
                }
                String okved = row.text(iOkved);
                String region = row.code(iRegion);
                double lat = optional(row, iLat, -90, 90);
                double lon = optional(row, iLon, -180, 180);
                double employees = optional(row, iEmp, 0, Double.POSITIVE_INFINITY);
                double revenue = optional(row, iRev, 0, Double.POSITIVE_INFINITY);
                boolean fin = flag(row, iFinal);
                boolean special = flag(row, iSpecial);
                Long before = firstLine.putIfAbsent(inn, row.line());
                if (before != null) {
                    throw row.error(iInn, data("registry.inn.duplicate", quoted(inn), t.firstOn(before)));
                }
                out.put(inn, new Organisation(inn, ogrn, name, type, okved, region, lat, lon, employees, revenue, fin,
                        special));
            }
            if (out.isEmpty()) {
                throw t.whole(data("file.no.rows"));
            }
            warnings.addAll(t.warnings());
            return out;
        }
    }

    // ------------------------------------------------------------------------------ clusters

    static Map<String, Cluster> clusters(Path file, Map<String, Organisation> orgs, Set<Text> warnings)
            throws IOException {
        List<String> required = List.of("cluster", "name", "type", "regions", "specialisation", "specialised_organisation");
        try (TabularFile t = open(file, required, List.of(), "clusters", warnings)) {
            int iId = t.indexOf("cluster");
            int iName = t.indexOf("name");
            int iType = t.indexOf("type");
            int iRegions = t.indexOf("regions");
            int iSpec = t.indexOf("specialisation");
            int iOrg = t.indexOf("specialised_organisation");
            Map<String, Cluster> out = new java.util.LinkedHashMap<>();
            Map<String, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String id = row.code(iId);
                String name = row.text(iName);
                if (name.isEmpty()) {
                    throw row.error(iName, data("registry.name.empty"));
                }
                ClusterType type = ClusterType.parse(row.code(iType));
                if (type == null) {
                    throw row.error(iType, data("registry.type.unknown", quoted(row.get(iType)),
                            String.join(", ", ClusterType.codes())));
                }
                String org = row.text(iOrg);
                if (!org.isEmpty()) {
                    known(row, iOrg, org, orgs);
                }
                Long before = firstLine.putIfAbsent(id, row.line());
                if (before != null) {
                    throw row.error(iId, data("registry.cluster.duplicate", quoted(id), t.firstOn(before)));
                }
                out.put(id, new Cluster(id, name, type, list(row.text(iRegions)), list(row.text(iSpec)), org));
            }
            if (out.isEmpty()) {
                throw t.whole(data("file.no.rows"));
            }
            warnings.addAll(t.warnings());
            return out;
        }
    }

    // ------------------------------------------------------------------------------ memberships

    static List<Membership> memberships(Path file, Map<String, Organisation> orgs, Map<String, Cluster> clusters,
                                        Set<Text> warnings) throws IOException {
        try (TabularFile t = open(file, List.of("cluster", "inn", "joined"), List.of("left"), "memberships", warnings)) {
            int iCluster = t.indexOf("cluster");
            int iInn = t.indexOf("inn");
            int iJoined = t.indexOf("joined");
            int iLeft = t.indexOf("left");
            List<Membership> out = new ArrayList<>();
            Map<List<String>, List<long[]>> periods = new HashMap<>();
            Map<List<String>, List<Membership>> seen = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String cluster = cluster(row, iCluster, clusters);
                String inn = row.code(iInn);
                known(row, iInn, inn, orgs);
                LocalDate joined = date(row, iJoined);
                LocalDate left = iLeft < 0 || row.isBlank(iLeft) ? null : date(row, iLeft);
                if (left != null && left.isBefore(joined)) {
                    throw row.error(iLeft, data("registry.left.before.joined", left.toString(), joined.toString()));
                }
                Membership m = new Membership(cluster, inn, joined, left);
                List<String> key = List.of(cluster, inn);
                List<Membership> earlier = seen.computeIfAbsent(key, k -> new ArrayList<>());
                List<long[]> lines = periods.computeIfAbsent(key, k -> new ArrayList<>());
                for (int k = 0; k < earlier.size(); k++) {
                    if (overlap(earlier.get(k), m)) {
                        throw row.error(iJoined, data("registry.membership.overlap", quoted(inn), quoted(cluster),
                                t.firstOn(lines.get(k)[0])));
                    }
                }
                earlier.add(m);
                lines.add(new long[] {row.line()});
                out.add(m);
            }
            if (out.isEmpty()) {
                throw t.whole(data("file.no.rows"));
            }
            warnings.addAll(t.warnings());
            return out;
        }
    }

    private static boolean overlap(Membership a, Membership b) {
        boolean aBefore = a.left() != null && a.left().isBefore(b.joined());
        boolean bBefore = b.left() != null && b.left().isBefore(a.joined());
        return !aBefore && !bBefore;
    }

    // ------------------------------------------------------------------------------ contracts

    static List<Contract> contracts(Path file, Map<String, Organisation> orgs, Map<String, Cluster> clusters,
                                    Set<Text> warnings) throws IOException {
        List<String> required = List.of("cluster", "supplier", "buyer", "type", "year", "value");
        try (TabularFile t = open(file, required, List.of(), "contracts", warnings)) {
            int iCluster = t.indexOf("cluster");
            int iSupplier = t.indexOf("supplier");
            int iBuyer = t.indexOf("buyer");
            int iType = t.indexOf("type");
            int iYear = t.indexOf("year");
            int iValue = t.indexOf("value");
            List<Contract> out = new ArrayList<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String cluster = cluster(row, iCluster, clusters);
                String supplier = row.code(iSupplier);
                known(row, iSupplier, supplier, orgs);
                String buyer = row.code(iBuyer);
                known(row, iBuyer, buyer, orgs);
                if (supplier.equals(buyer)) {
                    throw row.error(iBuyer, data("registry.contract.self", quoted(supplier)));
                }
                ContractType type = ContractType.parse(row.code(iType));
                if (type == null) {
                    throw row.error(iType, data("registry.type.unknown", quoted(row.get(iType)),
                            String.join(", ", ContractType.codes())));
                }
                int year = row.year(iYear);
                double value = money(row, iValue, true);
                out.add(new Contract(cluster, supplier, buyer, type, year, value));
            }
            warnings.addAll(t.warnings());
            return out;
        }
    }

    // ------------------------------------------------------------------------------ facts

    static List<AnnualFacts> facts(Path file, Map<String, Organisation> orgs, Set<Text> warnings) throws IOException {
        try (TabularFile t = open(file, List.of("inn", "year", "output", "purchases"), List.of(), "facts", warnings)) {
            int iInn = t.indexOf("inn");
            int iYear = t.indexOf("year");
            int iOutput = t.indexOf("output");
            int iPurchases = t.indexOf("purchases");
            List<AnnualFacts> out = new ArrayList<>();
            Map<List<Object>, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String inn = row.code(iInn);
                known(row, iInn, inn, orgs);
                int year = row.year(iYear);
                double output = money(row, iOutput, false);
                double purchases = money(row, iPurchases, false);
                Long before = firstLine.putIfAbsent(List.of(inn, year), row.line());
                if (before != null) {
                    throw row.error(data("registry.facts.duplicate", quoted(inn), year, t.firstOn(before)));
                }
                out.add(new AnnualFacts(inn, year, output, purchases));
            }
            warnings.addAll(t.warnings());
            return out;
        }
    }

    // ------------------------------------------------------------------------------ offers

    static List<Offer> offers(Path file, Map<String, Organisation> orgs, Set<Text> warnings) throws IOException {
        try (TabularFile t = open(file, List.of("inn", "kind", "text", "codes"), List.of(), "offers", warnings)) {
            int iInn = t.indexOf("inn");
            int iKind = t.indexOf("kind");
            int iText = t.indexOf("text");
            int iCodes = t.indexOf("codes");
            List<Offer> out = new ArrayList<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String inn = row.code(iInn);
                known(row, iInn, inn, orgs);
                Offer.Kind kind = Offer.Kind.parse(row.code(iKind));
                if (kind == null) {
                    throw row.error(iKind, data("registry.type.unknown", quoted(row.get(iKind)), "need, competence"));
                }
                String text = row.text(iText);
                if (text.isEmpty()) {
                    throw row.error(iText, data("registry.offer.text.empty"));
                }
                List<String> codes = list(row.text(iCodes));
                for (String c : codes) {
                    if (!org.klaster.cooperation.IndustryCodes.valid(c)) throw row.error(iCodes, data("codes.invalid", quoted(c)));
                }
                out.add(new Offer(inn, kind, text, codes));
            }
            warnings.addAll(t.warnings());
            return out;
        }
    }

    // ------------------------------------------------------------------------------ projects

    /** A project of {@code projects} while its companion files are read: its fields, lists filled in, its line. */
    private static final class Draft {
        final String id;
        final String cluster;
        final String title;
        final int trlNow;
        final int trlTarget;
        final LocalDate start;
        final LocalDate end;
        final long line;
        final List<Project.Partner> partners = new ArrayList<>();
        final List<Project.Budget> budgets = new ArrayList<>();
        final List<Project.Milestone> milestones = new ArrayList<>();
        final List<String> products = new ArrayList<>();

        Draft(String id, String cluster, String title, int trlNow, int trlTarget, LocalDate start, LocalDate end, long line) {
            this.id = id;
            this.cluster = cluster;
            this.title = title;
            this.trlNow = trlNow;
            this.trlTarget = trlTarget;
            this.start = start;
            this.end = end;
            this.line = line;
        }

        Project project() {
            return new Project(id, cluster, title, trlNow, trlTarget, start, end, partners, budgets, milestones, products);
        }
    }

    /**
     * The optional project files (formats.md §10): {@code projects} and its companions {@code project_partners},
     * {@code project_budgets}, {@code project_milestones}, {@code project_products}, each naming a project of
     * {@code projects}. A companion without {@code projects} is refused at its first row (the project is unknown).
     */
    static List<Project> projects(Path dir, List<Path> files, Map<String, Organisation> orgs, Map<String, Cluster> clusters,
                                  Set<Text> warnings) throws IOException {
        Map<String, Draft> drafts = new java.util.LinkedHashMap<>();
        Path projectFile = file(dir, "projects", false);
        TabularFile projectTable = null;
        if (projectFile != null) {
            files.add(projectFile);
            projectTable = projectRows(projectFile, clusters, drafts, warnings);
        }
        Path partnerFile = file(dir, "project_partners", false);
        if (partnerFile != null) {
            files.add(partnerFile);
            partners(partnerFile, orgs, drafts, warnings);
        }
        // every project has its one lead: the projects file's line names the project without one
        for (Draft d : drafts.values()) {
            if (d.partners.stream().noneMatch(p -> p.role() == Project.Role.LEAD)) {
                throw projectTable.at(d.line, "id", data("project.lead.none", quoted(d.id)));
            }
        }
        Path budgetFile = file(dir, "project_budgets", false);
        if (budgetFile != null) {
            files.add(budgetFile);
            budgets(budgetFile, drafts, warnings);
        }
        Path milestoneFile = file(dir, "project_milestones", false);
        if (milestoneFile != null) {
            files.add(milestoneFile);
            milestones(milestoneFile, drafts, warnings);
        }
        Path productFile = file(dir, "project_products", false);
        if (productFile != null) {
            files.add(productFile);
            products(productFile, drafts, warnings);
        }
        List<Project> out = new ArrayList<>();
        for (Draft d : drafts.values()) out.add(d.project());
        return out;
    }

    private static TabularFile projectRows(Path file, Map<String, Cluster> clusters, Map<String, Draft> drafts,
                                           Set<Text> warnings) throws IOException {
        List<String> required = List.of("id", "cluster", "title", "trl_now", "trl_target", "start", "end");
        try (TabularFile t = open(file, required, List.of(), "projects", warnings)) {
            int iId = t.indexOf("id");
            int iCluster = t.indexOf("cluster");
            int iTitle = t.indexOf("title");
            int iNow = t.indexOf("trl_now");
            int iTarget = t.indexOf("trl_target");
            int iStart = t.indexOf("start");
            int iEnd = t.indexOf("end");
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String id = row.code(iId);
                String cluster = cluster(row, iCluster, clusters);
                String title = row.text(iTitle);
                if (title.isEmpty()) throw row.error(iTitle, data("registry.name.empty"));
                int now = trl(row, iNow);
                int target = trl(row, iTarget);
                if (target < now) throw row.error(iTarget, data("project.trl.target", target, now));
                LocalDate start = date(row, iStart);
                LocalDate end = row.isBlank(iEnd) ? null : date(row, iEnd);
                if (end != null && end.isBefore(start)) {
                    throw row.error(iEnd, data("project.end.before", end.toString(), start.toString()));
                }
                Draft before = drafts.get(id);
                if (before != null) throw row.error(iId, data("project.duplicate", quoted(id), t.firstOn(before.line)));
                drafts.put(id, new Draft(id, cluster, title, now, target, start, end, row.line()));
            }
            warnings.addAll(t.warnings());
            return t;
        }
    }

    /** A readiness level: a whole number 1–9. */
    private static int trl(TabularFile.Row row, int i) {
        String v = row.text(i);
        int level;
        try {
            level = v.matches("\\d{1,2}(\\.0+)?") ? (int) Double.parseDouble(v) : -1;
        } catch (NumberFormatException e) {
            level = -1;
        }
        if (level < Project.MIN_TRL || level > Project.MAX_TRL) throw row.error(i, data("project.trl.invalid", quoted(v)));
        return level;
    }

    private static Draft project(TabularFile.Row row, int i, Map<String, Draft> drafts) {
        String id = row.code(i);
        Draft d = drafts.get(id);
        if (d == null) throw row.error(i, data("project.unknown", quoted(id)));
        return d;
    }

    private static void partners(Path file, Map<String, Organisation> orgs, Map<String, Draft> drafts, Set<Text> warnings)
            throws IOException {
        try (TabularFile t = open(file, List.of("project", "inn", "role"), List.of(), "project_partners", warnings)) {
            int iProject = t.indexOf("project");
            int iInn = t.indexOf("inn");
            int iRole = t.indexOf("role");
            Map<List<String>, Long> firstLine = new HashMap<>();
            Map<String, Long> leadLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                Draft d = project(row, iProject, drafts);
                String inn = row.code(iInn);
                known(row, iInn, inn, orgs);
                Project.Role role = Project.Role.parse(row.code(iRole));
                if (role == null) {
                    throw row.error(iRole, data("registry.type.unknown", quoted(row.get(iRole)),
                            String.join(", ", Project.Role.codes())));
                }
                Long before = firstLine.putIfAbsent(List.of(d.id, inn), row.line());
                if (before != null) {
                    throw row.error(iInn, data("project.partner.duplicate", quoted(inn), quoted(d.id), t.firstOn(before)));
                }
                if (role == Project.Role.LEAD) {
                    Long lead = leadLine.putIfAbsent(d.id, row.line());
                    if (lead != null) throw row.error(iRole, data("project.lead.twice", quoted(d.id), t.firstOn(lead)));
                }
                d.partners.add(new Project.Partner(inn, role));
            }
            warnings.addAll(t.warnings());
        }
    }

    private static void budgets(Path file, Map<String, Draft> drafts, Set<Text> warnings) throws IOException {
        try (TabularFile t = open(file, List.of("project", "inn", "year", "amount"), List.of(), "project_budgets", warnings)) {
            int iProject = t.indexOf("project");
            int iInn = t.indexOf("inn");
            int iYear = t.indexOf("year");
            int iAmount = t.indexOf("amount");
            Map<List<Object>, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                Draft d = project(row, iProject, drafts);
                String inn = row.code(iInn);
                if (d.partners.stream().noneMatch(p -> p.inn().equals(inn))) {
                    throw row.error(iInn, data("project.budget.partner", quoted(inn), quoted(d.id)));
                }
                int year = row.year(iYear);
                int from = d.start.getYear();
                int to = d.end == null ? Numbers.MAX_YEAR : d.end.getYear();
                if (year < from || year > to) throw row.error(iYear, data("project.budget.year", year, quoted(d.id), from, to));
                double amount = money(row, iAmount, true);
                Long before = firstLine.putIfAbsent(List.of(d.id, inn, year), row.line());
                if (before != null) {
                    throw row.error(data("project.budget.duplicate", quoted(d.id), quoted(inn), year, t.firstOn(before)));
                }
                d.budgets.add(new Project.Budget(inn, year, amount));
            }
            warnings.addAll(t.warnings());
        }
    }

    private static void milestones(Path file, Map<String, Draft> drafts, Set<Text> warnings) throws IOException {
        try (TabularFile t = open(file, List.of("project", "date", "text", "done"), List.of(), "project_milestones", warnings)) {
            int iProject = t.indexOf("project");
            int iDate = t.indexOf("date");
            int iText = t.indexOf("text");
            int iDone = t.indexOf("done");
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                Draft d = project(row, iProject, drafts);
                LocalDate date = date(row, iDate);
                String text = row.text(iText);
                if (text.isEmpty()) throw row.error(iText, data("registry.offer.text.empty"));
                d.milestones.add(new Project.Milestone(date, text, flag(row, iDone)));
            }
            warnings.addAll(t.warnings());
        }
    }

    private static void products(Path file, Map<String, Draft> drafts, Set<Text> warnings) throws IOException {
        try (TabularFile t = open(file, List.of("project", "okpd2"), List.of(), "project_products", warnings)) {
            int iProject = t.indexOf("project");
            int iCode = t.indexOf("okpd2");
            Map<List<String>, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                Draft d = project(row, iProject, drafts);
                String code = row.code(iCode);
                if (!org.klaster.cooperation.IndustryCodes.valid(code)) throw row.error(iCode, data("codes.invalid", quoted(code)));
                Long before = firstLine.putIfAbsent(List.of(d.id, code), row.line());
                if (before != null) {
                    throw row.error(iCode, data("project.product.duplicate", quoted(code), quoted(d.id), t.firstOn(before)));
                }
                d.products.add(code);
            }
            warnings.addAll(t.warnings());
        }
    }

    // ------------------------------------------------------------------------------ cells

    static TabularFile open(Path file, List<String> required, List<String> optional, String format, Set<Text> warnings)
            throws IOException {
        TabularFile t = TabularFile.open(file);
        try {
            t.require(required.toArray(String[]::new));
            Set<String> known = new java.util.HashSet<>(required);
            known.addAll(optional);
            warnings.addAll(ActivityReader.ignoredColumnWarnings(t, known, format));
            return t;
        } catch (RuntimeException e) {
            t.close();
            throw e;
        }
    }

    /** An INN: 10 or 12 digits with valid check digits. */
    static String inn(TabularFile.Row row, int i) {
        String inn = row.code(i);
        if (!inn.chars().allMatch(ch -> ch >= '0' && ch <= '9') || (inn.length() != 10 && inn.length() != 12)) {
            throw row.error(i, data("registry.inn.format", quoted(inn)));
        }
        if (!Identifiers.validInn(inn)) {
            throw row.error(i, data("registry.inn.check", quoted(inn)));
        }
        return inn;
    }

    private static void known(TabularFile.Row row, int i, String inn, Map<String, Organisation> orgs) {
        if (!orgs.containsKey(inn)) {
            throw row.error(i, data("registry.inn.unknown", quoted(inn)));
        }
    }

    private static String cluster(TabularFile.Row row, int i, Map<String, Cluster> clusters) {
        String id = row.code(i);
        if (!clusters.containsKey(id)) {
            throw row.error(i, data("registry.cluster.unknown", quoted(id)));
        }
        return id;
    }

    /** A value in thousand RUB: finite and ≥ 0; required, or NaN when blank and optional. */
    private static double money(TabularFile.Row row, int i, boolean required) {
        double v = required ? row.requiredNumber(i) : row.number(i);
        if (Double.isNaN(v)) return v;
        if (!Double.isFinite(v)) {
            throw row.error(i, data("trade.value.nonfinite", quoted(row.get(i))));
        }
        if (v < 0) {
            throw row.error(i, data("registry.value.negative", quoted(row.get(i))));
        }
        return v;
    }

    /** An optional number within [min, max]; NaN when the column is absent or the cell blank. */
    private static double optional(TabularFile.Row row, int i, double min, double max) {
        if (i < 0) return Double.NaN;
        double v = row.number(i);
        if (Double.isNaN(v)) return v;
        if (!(v >= min && v <= max)) {
            throw row.error(i, Double.isInfinite(max)
                    ? data("registry.value.negative", quoted(row.get(i)))
                    : data("registry.value.range", quoted(row.get(i)), Text.plain(min), Text.plain(max)));
        }
        return v;
    }

    /** {@code true}/{@code false} (case ignored, also 1/0 and a workbook's TRUE/FALSE); blank or absent = false. */
    private static boolean flag(TabularFile.Row row, int i) {
        if (i < 0) return false;
        String v = row.text(i).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "false", "0" -> false;
            case "true", "1" -> true;
            default -> throw row.error(i, data("registry.flag.invalid", quoted(row.get(i))));
        };
    }

    /**
     * A date: ISO {@code 2024-06-30}, or {@code 30.06.2024} as Russian spreadsheets write it, or the five-digit
     * serial number a workbook date cell holds; within 1900–2100.
     */
    static LocalDate date(TabularFile.Row row, int i) {
        String v = row.text(i);
        if (v.isEmpty()) {
            throw row.error(i, data("registry.date.empty"));
        }
        LocalDate d;
        try {
            if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                d = LocalDate.parse(v);
            } else if (v.matches("\\d{2}\\.\\d{2}\\.\\d{4}")) {
                d = LocalDate.parse(v, DOTTED);
            } else if (v.matches("\\d{5}")) { // a workbook date cell: days since 1899-12-30
                d = EXCEL_EPOCH.plusDays(Long.parseLong(v));
            } else {
                throw row.error(i, data("registry.date.invalid", quoted(v)));
            }
        } catch (DateTimeParseException e) {
            throw row.error(i, data("registry.date.invalid", quoted(v)));
        }
        if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
            throw row.error(i, data("registry.date.range", quoted(v), Numbers.MIN_YEAR, Numbers.MAX_YEAR));
        }
        return d;
    }

    /** {@code a;b; c} → [a, b, c]; blank → []. */
    static List<String> list(String cell) {
        if (cell.isBlank()) return List.of();
        return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
