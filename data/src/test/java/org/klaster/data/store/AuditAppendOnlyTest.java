package org.klaster.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No code path changes or removes audit entries: every SQL string of the data module's main sources (where
 * all SQL lives) and every migration script is scanned for UPDATE, DELETE, TRUNCATE, DROP or ALTER of
 * {@code audit_log}; every string that names {@code audit_log} must be an INSERT into it or a SELECT from it;
 * and SQL whose table is spliced in at run time is allowed only where it is today (reviewed: a fixed list of
 * dataset tables), so a new such site fails here until someone looks at it.
 */
class AuditAppendOnlyTest {

    /** Changing or removing rows of the audit table, in any case and spacing. */
    static final Pattern FORBIDDEN = Pattern.compile("\\b(UPDATE|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?|DROP\\s+TABLE"
            + "(\\s+IF\\s+EXISTS)?|ALTER\\s+TABLE|INSERT\\s+OR\\s+REPLACE\\s+INTO|REPLACE\\s+INTO)\\s+(\\w+\\.)?\"?audit_log\\b",
            Pattern.CASE_INSENSITIVE);
    /** The two allowed uses. */
    static final Pattern ALLOWED_USE = Pattern.compile("^\\s*(INSERT\\s+INTO\\s+audit_log\\s*\\(|SELECT\\b[\\s\\S]*\\bFROM\\s+audit_log\\b)",
            Pattern.CASE_INSENSITIVE);
    /** A statement whose table name is concatenated in: {@code "DELETE FROM " + table}. */
    static final Pattern DYNAMIC_TABLE = Pattern.compile("\"\\s*(UPDATE|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?|DROP\\s+TABLE)\\s*\"\\s*\\+",
            Pattern.CASE_INSENSITIVE);
    /**
     * Reviewed dynamic-table sites: Store.deleteRows and Store.deleteClassificationRows, each over a literal
     * list of dataset tables.
     */
    static final Map<String, Integer> REVIEWED_DYNAMIC = Map.of("Store.java", 2);
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    static final Path MAIN = Path.of("src/main");

    @Test
    void noSqlOfTheModuleChangesOrRemovesAuditRows() throws IOException {
        List<Path> files = sources();
        assertThat(files).as("sources found (run from the data module)").hasSizeGreaterThan(20);
        List<String> offences = new ArrayList<>();
        Map<String, Integer> dynamic = new TreeMap<>();
        boolean sawInsert = false;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (f.toString().endsWith(".sql")) {
                offences.addAll(offences(f.getFileName() + "", text.replaceAll("--[^\n]*", "")));
                continue;
            }
            Matcher d = DYNAMIC_TABLE.matcher(text);
            while (d.find()) dynamic.merge(f.getFileName().toString(), 1, Integer::sum);
            for (String literal : literals(text)) {
                offences.addAll(offences(f.getFileName() + "", literal));
                if (literal.toLowerCase(java.util.Locale.ROOT).contains("insert into audit_log")) sawInsert = true;
            }
        }
        assertThat(offences).as("SQL that would change or remove audit entries").isEmpty();
        assertThat(dynamic).as("statements with a table name spliced in (review each: may it be audit_log?)")
                .isEqualTo(REVIEWED_DYNAMIC);
        assertThat(sawInsert).as("the scan sees the store's own INSERT (else it scans nothing useful)").isTrue();
    }

    @Test
    void theScanCatchesEveryFormOfTampering() {
        for (String bad : List.of("UPDATE audit_log SET actor = ?", "update  AUDIT_LOG set x=1", "DELETE FROM audit_log",
                "delete\nfrom audit_log where seq < ?", "TRUNCATE audit_log", "TRUNCATE TABLE audit_log",
                "DROP TABLE audit_log", "DROP TABLE IF EXISTS audit_log", "ALTER TABLE audit_log DROP COLUMN actor",
                "UPDATE main.audit_log SET actor = ?", "UPDATE \"audit_log\" SET actor = ?")) {
            assertThat(offences("x", bad)).as(bad).isNotEmpty();
        }
        for (String good : List.of("INSERT INTO audit_log (seq) VALUES (1)", "SELECT seq FROM audit_log WHERE x = ?",
                "UPDATE sessions SET last_seen = ?")) {
            assertThat(offences("x", good)).as(good).isEmpty();
        }
        // a script may name the table otherwise (CREATE it, a trigger ON it); Java code may not
        String trigger = "CREATE TRIGGER t BEFORE UPDATE OR DELETE ON audit_log";
        assertThat(offences("P005.sql", trigger)).isEmpty();
        assertThat(offences("X.java", trigger)).isNotEmpty();
        // concatenated pieces are joined before the check
        assertThat(literals("String s = \"DELETE FROM \"\n + \"audit_log\";")).containsExactly("DELETE FROM audit_log");
        assertThat(DYNAMIC_TABLE.matcher("prepareStatement(\"DELETE FROM \" + table)").find()).isTrue();
    }

    /** Offences of one SQL text: a forbidden statement, or a use of audit_log that is neither INSERT nor SELECT. */
    static List<String> offences(String where, String sql) {
        List<String> out = new ArrayList<>();
        if (FORBIDDEN.matcher(sql).find()) out.add(where + ": " + sql);
        boolean names = sql.toLowerCase(java.util.Locale.ROOT).contains("audit_log");
        boolean script = where.endsWith(".sql");
        if (names && !script && !ALLOWED_USE.matcher(sql).find()) out.add(where + " (neither INSERT nor SELECT): " + sql);
        return out;
    }

    /** The string literals of Java source, adjacent ones joined across {@code +} (as SQL is split over lines). */
    static List<String> literals(String java) {
        String joined = java.replaceAll("\"\\s*\\+\\s*\"", "");
        List<String> out = new ArrayList<>();
        Matcher m = LITERAL.matcher(joined);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")).sorted().toList();
        }
    }
}
