package org.klaster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every message bundle of the project must be (each module's bundle test extends this): English and
 * Russian have the same keys, every pattern is a valid MessageFormat with its apostrophes doubled, Russian
 * is really Russian and uses no argument English lacks, and the keys the module's code names exist (and,
 * where the keys are all literal, every key is used).
 */
public abstract class BundleContract {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** The English bundle resource, e.g. {@code /org/klaster/messages.properties}. */
    protected abstract String english();

    /** The Russian bundle resource. */
    protected abstract String russian();

    /** The call that names a key in the module's code, with the key as group 1. */
    protected abstract Pattern keyCall();

    /** Keys built from a literal stem plus a suffix in code (not findable as literals). */
    protected Set<String> composed() {
        return Set.of();
    }

    /** Whether every key must be named somewhere in the code (false where keys are composed at run time). */
    protected boolean everyKeyIsUsed() {
        return true;
    }

    protected static Map<String, String> load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundleContract.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return m;
    }

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        Map<String, String> en = load(english());
        Map<String, String> ru = load(russian());
        assertThat(en).isNotEmpty();
        assertThat(ru.keySet()).as("keys of %s vs %s", russian(), english()).isEqualTo(en.keySet());
    }

    @Test
    void everyPatternIsAValidMessageFormat() throws IOException {
        check(load(english()), Locale.ENGLISH);
        check(load(russian()), RUSSIAN);
    }

    static void check(Map<String, String> bundle, Locale locale) {
        bundle.forEach((key, pattern) -> {
            MessageFormat f = new MessageFormat(pattern, locale); // throws on a malformed pattern
            assertThat(f.getFormatsByArgumentIndex()).as(key).allMatch(x -> x == null || key.startsWith("caption.")
                    || f.toPattern().contains("number,#")); // Text renders arguments itself; years as {0,number,#}
            assertThat(pattern.replace("''", "")).as("%s: a single apostrophe is a quote in MessageFormat", key)
                    .doesNotContain("'");
        });
    }

    @Test
    void russianIsRussian() throws IOException {
        Map<String, String> en = load(english());
        for (Map.Entry<String, String> e : load(russian()).entrySet()) {
            String key = e.getKey();
            String text = e.getValue().replaceAll("\\{\\d+(,[^}]*)?}", "");
            boolean letters = text.codePoints().anyMatch(Character::isLetter);
            if (letters && !sameInBothLanguages(key, e.getValue())) {
                assertThat(e.getValue()).as("%s is not translated", key).isNotEqualTo(en.get(key));
                assertThat(text).as("%s has no Cyrillic", key).matches("(?s).*\\p{IsCyrillic}.*");
            }
            // Russian uses no argument that English does not have
            assertThat(arguments(e.getValue())).as(key).isSubsetOf(arguments(en.get(key)));
        }
    }

    /** Texts that are the same in both languages on purpose (acronyms, product names, codes). */
    protected boolean sameInBothLanguages(String key, String text) {
        return false;
    }

    static Set<Integer> arguments(String pattern) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)[},]").matcher(pattern);
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }

    @Test
    void theCodeUsesOnlyKeysOfTheBundle() throws IOException {
        Map<String, String> en = load(english());
        String code = sources(Path.of("src/main"));
        Set<String> direct = literals(code, keyCall());
        assertThat(direct).isNotEmpty();
        assertThat(en.keySet()).as("keys the code names").containsAll(direct);
        if (!everyKeyIsUsed()) return;
        // keys handed around before the call (ternaries, helper parameters): any literal that looks
        // like a key of one of the bundle's families must be a key
        Set<String> families = new TreeSet<>();
        en.keySet().forEach(k -> families.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))));
        Set<String> keyLike = new TreeSet<>();
        for (String s : literals(code, Pattern.compile("\"([a-z]+(?:\\.[a-z0-9]+)+)\""))) {
            if (families.contains(s.substring(0, s.indexOf('.'))) && !s.matches(".*\\.(csv|json|xlsx|parquet|sql)")) {
                keyLike.add(s);
            }
        }
        assertThat(en.keySet()).as("key-like literals in src/main").containsAll(keyLike);
        Set<String> used = new TreeSet<>(direct);
        used.addAll(keyLike);
        used.addAll(literals(code, Pattern.compile("\"([a-z]+)\"")));
        List<String> unused = new ArrayList<>();
        for (String k : en.keySet()) if (!used.contains(k) && !composed().contains(k)) unused.add(k);
        assertThat(unused).as("keys no source mentions").isEmpty();
    }

    static String sources(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".jte")).toList()) {
                sb.append(Files.readString(p)).append('\n');
            }
        }
        return sb.toString();
    }

    static Set<String> literals(String code, Pattern p) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(code);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
