package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.klaster.Text;
import org.klaster.cooperation.IndustryCodes;
import org.klaster.data.reference.Okved2;
import org.klaster.finance.Eligibility;

/**
 * Reads a support application: a file of {@code key,value} rows (CSV or XLSX; docs/formats.md §12), one field a row,
 * so that a form filled in a spreadsheet reads top to bottom. Money in million RUB, shares as fractions or
 * percentages ({@code 0.6}, {@code 60%}), flags {@code true}/{@code false} ({@code 1}/{@code 0}, {@code да}/{@code нет}).
 * Every field is optional except the date (which {@code --as-of} may give instead): a field left out cannot be
 * judged and its rules are "to confirm". An {@link InputException} names the file, line and column of an unknown
 * … value: a number that is not one or is negative, a share outside [0, 1], a flag that is neither, an INN with a
 * wrong check digit, an OKVED2 code that is not one, a key given twice (naming the first). Unknown keys are ignored
 * with a warning, like unknown columns.
 */
public final class ApplicationReader {

    /** The keys, in the order the documentation lists them. */
    public static final List<String> KEYS = List.of("inn", "okved", "revenue", "sme", "technology_company", "mtk", "region",
            "cluster_member", "budget", "own_funds", "loan", "term", "purpose", "products", "priority_products",
            "russian_equipment_share", "date");

    public record Result(Eligibility.Application application, List<Text> warnings, String sha256) {
        public Result {
            warnings = List.copyOf(warnings);
        }
    }

    private ApplicationReader() {
    }

    /**
     * @param asOf the day to judge on, overriding the file's {@code date}; null to take the file's
     */
    public static Result read(Path file, LocalDate asOf) throws IOException {
        Set<Text> warnings = new LinkedHashSet<>();
        try (TabularFile t = RegistryReader.open(file, List.of("key", "value"), List.of(), "application", warnings)) {
            int iKey = t.indexOf("key");
            int iValue = t.indexOf("value");
            Map<String, Long> seen = new HashMap<>();
            String inn = null;
            String okved = null;
            String region = null;
            String purpose = null;
            List<String> products = List.of();
            Boolean priority = null;
            boolean sme = false;
            boolean tech = false;
            boolean mtk = false;
            boolean member = false;
            double revenue = Double.NaN;
            double budget = Double.NaN;
            double own = Double.NaN;
            double loan = Double.NaN;
            double term = Double.NaN;
            double equipment = Double.NaN;
            LocalDate date = null;
            TabularFile.Row row;
            while ((row = t.next()) != null) {
                String key = row.code(iKey).toLowerCase(Locale.ROOT);
                if (!KEYS.contains(key)) {
                    warnings.add(data("application.key.unknown", quoted(key), row.line(), String.join(", ", KEYS)));
                    continue;
                }
                Long first = seen.putIfAbsent(key, row.line());
                if (first != null) throw row.error(iKey, data("application.key.twice", quoted(key), t.firstOn(first)));
                if (row.isBlank(iValue)) continue;
                switch (key) {
                    case "inn" -> inn = RegistryReader.inn(row, iValue);
                    case "okved" -> {
                        okved = row.text(iValue);
                        if (!IndustryCodes.valid(okved)) throw row.error(iValue, data("codes.invalid", quoted(okved)));
                    }
                    case "region" -> region = row.text(iValue);
                    case "purpose" -> purpose = row.text(iValue).toLowerCase(Locale.ROOT);
                    case "products" -> {
                        List<String> p = new ArrayList<>();
                        for (String s : row.text(iValue).split(";")) {
                            String c = s.strip();
                            if (c.isEmpty()) continue;
                            if (!IndustryCodes.valid(c)) throw row.error(iValue, data("codes.invalid", quoted(c)));
                            p.add(c);
                        }
                        products = p;
                    }
                    case "priority_products" -> priority = flag(row, iValue);
                    case "sme" -> sme = flag(row, iValue);
                    case "technology_company" -> tech = flag(row, iValue);
                    case "mtk" -> mtk = flag(row, iValue);
                    case "cluster_member" -> member = flag(row, iValue);
                    case "revenue" -> revenue = money(row, iValue);
                    case "budget" -> budget = money(row, iValue);
                    case "own_funds" -> own = money(row, iValue);
                    case "loan" -> loan = money(row, iValue);
                    case "term" -> term = money(row, iValue);
                    case "russian_equipment_share" -> equipment = share(row, iValue, t);
                    case "date" -> date = RegistryReader.date(row, iValue);
                    default -> throw new IllegalStateException(key);
                }
            }
            if (seen.isEmpty()) throw t.whole(data("file.no.rows"));
            LocalDate day = asOf != null ? asOf : date;
            if (day == null) throw t.whole(data("application.date.missing"));
            String section = okved == null ? null : Okved2.sectionOf(okved).map(org.klaster.data.reference.Section::code).orElse(null);
            warnings.addAll(t.warnings());
            // a small technology company (MTK) gets the technology terms wherever an instrument has them
            Eligibility.Application app = new Eligibility.Application(inn, okved, section, revenue, sme, tech || mtk, region,
                    member, budget, own, loan, term, purpose, products, priority, equipment, day);
            return new Result(app, new ArrayList<>(warnings), t.sha256());
        }
    }

    private static double money(TabularFile.Row row, int i) {
        double v = row.requiredNumber(i);
        if (!Double.isFinite(v)) throw row.error(i, data("trade.value.nonfinite", quoted(row.get(i))));
        if (v < 0) throw row.error(i, data("registry.value.negative", quoted(row.get(i))));
        return v;
    }

    private static double share(TabularFile.Row row, int i, TabularFile t) {
        String raw = row.text(i);
        double v;
        if (raw.endsWith("%")) {
            try {
                v = Numbers.parse(raw.substring(0, raw.length() - 1).strip(), t.format().decimalMark()) / 100;
            } catch (Numbers.NotANumberException e) {
                throw row.error(i, e.text());
            }
        } else {
            v = row.requiredNumber(i);
        }
        if (!(v >= 0 && v <= 1)) throw row.error(i, data("rules.value.share", quoted(row.get(i))));
        return v;
    }

    private static boolean flag(TabularFile.Row row, int i) {
        String v = row.text(i).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "false", "0", "нет", "no" -> false;
            case "true", "1", "да", "yes" -> true;
            default -> throw row.error(i, data("registry.flag.invalid", quoted(row.get(i))));
        };
    }
}
