package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.klaster.Text;
import org.klaster.dependency.Production;
import org.klaster.dependency.TradeFlow;

/**
 * Reads trade, formats.md §3, from CSV (any detected encoding/separator, see {@link TabularFile}) or
 * the first sheet of an .xlsx workbook:
 * <ul>
 * <li>{@code trade.csv}: {@code year,reporter,partner,product,flow,value}, flow {@code import} or
 *     {@code export} (case ignored);</li>
 * <li>optional {@code production.csv}: {@code year,reporter,product,value} (domestic output);</li>
 * <li>optional {@code groups.csv}: {@code group,member} (partner groups such as {@code EU27}).</li>
 * </ul>
 *
 * <p>All or nothing: the first problem throws an {@link InputException} naming the file, line and
 * column. Problems: a missing required column; an empty code, year, flow or value; a year outside
 * 1900–2100; a flow other than import/export; a value that does not parse or is negative; the same
 * key twice — (year, reporter, partner, product, flow) in trade, (year, reporter, product) in
 * production, (group, member) in groups — naming both lines; a trade file without data rows.
 * Extra columns are ignored with a warning, as is a production or groups file without data rows; a
 * partner of an import that looks like a world total ({@code World}, {@code WLD}, …), or a partner
 * equal to the reporter (re-imports), is kept and warned about once, since it counts as one more partner.
 * Codes are kept as trimmed strings, so HS4 {@code 0101} keeps its leading zero.
 */
public final class TradeReader {

    static final String YEAR = "year";
    static final String REPORTER = "reporter";
    static final String PARTNER = "partner";
    static final String PRODUCT = "product";
    static final String FLOW = "flow";
    static final String VALUE = "value";
    static final String GROUP = "group";
    static final String MEMBER = "member";

    /** Partner codes that usually mean "all partners" in published trade data; as an import partner they double count. */
    private static final Set<String> WORLD_CODES = Set.of("world", "wld", "w00", "0", "000", "all");

    /** What was read, with the warnings for the user. */
    public record Result(TradeData data, List<Text> warnings) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private TradeReader() {
    }

    /**
     * Reads trade and, when given, production and groups.
     *
     * @param trade      the trade file (required)
     * @param production the production file, or null
     * @param groups     the groups file, or null
     * @throws InputException on any problem with the content (nothing is returned)
     * @throws IOException    if a file cannot be read for another reason
     */
    public static TradeData read(Path trade, Path production, Path groups) throws IOException {
        return load(trade, production, groups).data();
    }

    /** Like {@link #read}, also returning the warnings. */
    public static Result load(Path trade, Path production, Path groups) throws IOException {
        Set<Text> warnings = new LinkedHashSet<>();
        List<TradeFlow> flows = flows(trade, warnings);
        List<Production> output = production == null ? List.of() : production(production, warnings);
        Map<String, List<String>> members = groups == null ? Map.of() : groups(groups, warnings);
        List<Path> files = new ArrayList<>(3);
        files.add(trade);
        if (production != null) {
            files.add(production);
        }
        if (groups != null) {
            files.add(groups);
        }
        return new Result(new TradeData(flows, output, members, sha256(files)), new ArrayList<>(warnings));
    }

    /**
     * Reads a production file alone (e.g. to pair with stored trade), adding warnings to {@code warnings}.
     *
     * @throws InputException on any problem with the content
     */
    public static List<Production> readProduction(Path file, List<Text> warnings) throws IOException {
        Set<Text> w = new LinkedHashSet<>();
        List<Production> out = production(file, w);
        warnings.addAll(w);
        return out;
    }

    /**
     * Reads a groups file alone (group → members, in file order), adding warnings to {@code warnings}.
     *
     * @throws InputException on any problem with the content
     */
    public static Map<String, List<String>> readGroups(Path file, List<Text> warnings) throws IOException {
        Set<Text> w = new LinkedHashSet<>();
        Map<String, List<String>> out = groups(file, w);
        warnings.addAll(w);
        return out;
    }

    /** Reads {@code trade.csv}: every record, in file order. */
    static List<TradeFlow> flows(Path file, Set<Text> warnings) throws IOException {
        try (TabularFile t = TabularFile.open(file)) {
            t.require(YEAR, REPORTER, PARTNER, PRODUCT, FLOW, VALUE);
            int iYear = t.indexOf(YEAR);
            int iReporter = t.indexOf(REPORTER);
            int iPartner = t.indexOf(PARTNER);
            int iProduct = t.indexOf(PRODUCT);
            int iFlow = t.indexOf(FLOW);
            int iValue = t.indexOf(VALUE);
            warnings.addAll(ActivityReader.ignoredColumnWarnings(t,
                    Set.of(YEAR, REPORTER, PARTNER, PRODUCT, FLOW, VALUE), "trade"));
            List<TradeFlow> flows = new ArrayList<>();
            Map<FlowKey, Long> firstLine = new HashMap<>();
            String worldLike = null;
            long selfLine = 0;
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                int year = row.year(iYear);
                String reporter = row.code(iReporter);
                String partner = row.code(iPartner);
                String product = row.code(iProduct);
                TradeFlow.Flow flow = flow(row, iFlow);
                double value = value(row, iValue);
                if (selfLine == 0 && partner.equals(reporter)) {
                    // re-imports are reported this way (e.g. by UN Comtrade); kept, but they count as a partner
                    selfLine = row.line();
                    warnings.add(t.warningAt(row.line(), data("trade.partner.self", quoted(partner))));
                }
                Long before = firstLine.putIfAbsent(new FlowKey(year, reporter, partner, product, flow), row.line());
                if (before != null) {
                    throw row.error(data("trade.duplicate", year, quoted(reporter), quoted(partner), quoted(product),
                            data(flow == TradeFlow.Flow.IMPORT ? "flow.import" : "flow.export"), t.firstOn(before)));
                }
                // an import "from the world" would be one more supplier in the import HHI; exports to the
                // world are the usual way to give other exporters' totals for the world export HHI
                if (worldLike == null && flow == TradeFlow.Flow.IMPORT
                        && WORLD_CODES.contains(partner.toLowerCase(Locale.ROOT))) {
                    worldLike = partner;
                    warnings.add(t.warningAt(row.line(), data("trade.partner.world", quoted(partner))));
                }
                flows.add(new TradeFlow(year, reporter, partner, product, flow, value));
            }
            if (flows.isEmpty()) {
                throw t.whole(data("file.no.rows"));
            }
            warnings.addAll(t.warnings());
            return flows;
        }
    }

    /** Reads {@code production.csv}: every record, in file order. */
    static List<Production> production(Path file, Set<Text> warnings) throws IOException {
        try (TabularFile t = TabularFile.open(file)) {
            t.require(YEAR, REPORTER, PRODUCT, VALUE);
            int iYear = t.indexOf(YEAR);
            int iReporter = t.indexOf(REPORTER);
            int iProduct = t.indexOf(PRODUCT);
            int iValue = t.indexOf(VALUE);
            warnings.addAll(ActivityReader.ignoredColumnWarnings(t, Set.of(YEAR, REPORTER, PRODUCT, VALUE),
                    "production"));
            List<Production> out = new ArrayList<>();
            Map<ProductionKey, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                int year = row.year(iYear);
                String reporter = row.code(iReporter);
                String product = row.code(iProduct);
                double value = value(row, iValue);
                Long before = firstLine.putIfAbsent(new ProductionKey(year, reporter, product), row.line());
                if (before != null) {
                    throw row.error(data("production.duplicate", year, quoted(reporter), quoted(product),
                            t.firstOn(before)));
                }
                out.add(new Production(year, reporter, product, value));
            }
            if (out.isEmpty()) {
                warnings.add(data("warning.file", InputException.displayName(file), data("file.no.rows")));
            }
            warnings.addAll(t.warnings());
            return out;
        }
    }

    /** Reads {@code groups.csv}: group → members, both in file order. */
    static Map<String, List<String>> groups(Path file, Set<Text> warnings) throws IOException {
        try (TabularFile t = TabularFile.open(file)) {
            t.require(GROUP, MEMBER);
            int iGroup = t.indexOf(GROUP);
            int iMember = t.indexOf(MEMBER);
            warnings.addAll(ActivityReader.ignoredColumnWarnings(t, Set.of(GROUP, MEMBER), "groups"));
            Map<String, List<String>> groups = new LinkedHashMap<>();
            Map<List<String>, Long> firstLine = new HashMap<>();
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String group = row.code(iGroup);
                String member = row.code(iMember);
                Long before = firstLine.putIfAbsent(List.of(group, member), row.line());
                if (before != null) {
                    throw row.error(data("groups.duplicate", quoted(member), quoted(group), t.firstOn(before)));
                }
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(member);
            }
            if (groups.isEmpty()) {
                warnings.add(data("warning.file", InputException.displayName(file), data("file.no.rows")));
            }
            warnings.addAll(t.warnings());
            return groups;
        }
    }

    private static TradeFlow.Flow flow(TabularFile.Row row, int i) {
        String v = row.text(i);
        if (v.isEmpty()) {
            throw row.error(i, data("trade.flow.empty"));
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "import" -> TradeFlow.Flow.IMPORT;
            case "export" -> TradeFlow.Flow.EXPORT;
            default -> throw row.error(i, data("trade.flow.invalid", quoted(v)));
        };
    }

    /** A trade or production value: present, finite (the parser refuses overflow) and non-negative. */
    private static double value(TabularFile.Row row, int i) {
        double v = row.requiredNumber(i);
        if (!Double.isFinite(v)) {
            throw row.error(i, data("trade.value.nonfinite", quoted(row.get(i))));
        }
        if (v < 0) {
            throw row.error(i, data("trade.value.negative", quoted(row.get(i))));
        }
        return v;
    }

    /**
     * SHA-256 of the bytes of the files, concatenated in the order given (trade, production, groups);
     * with the trade file alone it equals that file's own digest ({@code sha256sum trade.csv}).
     */
    static String sha256(List<Path> files) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private record FlowKey(int year, String reporter, String partner, String product, TradeFlow.Flow flow) {
    }

    private record ProductionKey(int year, String reporter, String product) {
    }
}
