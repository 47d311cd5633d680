package org.klaster.data.formats;

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
 * The data bundle ({@link DataText#BUNDLE}): English and Russian have the same keys, every pattern is a
 * valid MessageFormat, Russian is really Russian, and the keys the readers use exist (and, best
 * effort, every key is used).
 */
class DataBundleTest {

    static final String EN = "/org/klaster/data/messages.properties";
    static final String RU = "/org/klaster/data/messages_ru.properties";
    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** Keys chosen in code by a stem plus a suffix (none in the data module). */
    static final Set<String> COMPOSED = Set.of();

    static Map<String, String> load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = DataBundleTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> m = new TreeMap<>();
        p.forEach((k, v) -> m.put((String) k, (String) v));
        return m;
    }

    @Test
    void englishAndRussianHaveTheSameKeys() throws IOException {
        Map<String, String> en = load(EN);
        Map<String, String> ru = load(RU);
        assertThat(en).isNotEmpty();
        assertThat(ru.keySet()).as("keys of %s vs %s", RU, EN).isEqualTo(en.keySet());
    }

    @Test
    void everyPatternIsAValidMessageFormat() throws IOException {
        check(load(EN), Locale.ENGLISH);
        check(load(RU), RUSSIAN);
    }

    static void check(Map<String, String> bundle, Locale locale) {
        bundle.forEach((key, pattern) -> {
            MessageFormat f = new MessageFormat(pattern, locale); // throws on a malformed pattern
            assertThat(f.getFormatsByArgumentIndex()).as(key).allMatch(x -> x == null); // Text renders arguments itself
            assertThat(pattern.replace("''", "")).as("%s: a single apostrophe is a quote in MessageFormat", key)
                    .doesNotContain("'");
        });
    }

    @Test
    void russianIsRussian() throws IOException {
        checkRussian(load(EN), load(RU));
    }

    static void checkRussian(Map<String, String> en, Map<String, String> ru) {
        for (Map.Entry<String, String> e : ru.entrySet()) {
            String key = e.getKey();
            String text = words(e.getValue());
            boolean letters = text.codePoints().anyMatch(Character::isLetter);
            if (letters) {
                assertThat(e.getValue()).as("%s is not translated", key).isNotEqualTo(en.get(key));
                assertThat(text).as("%s has no Cyrillic", key).matches("(?s).*\\p{IsCyrillic}.*");
            }
            // Russian uses no argument that English does not have
            assertThat(arguments(e.getValue())).as(key).isSubsetOf(arguments(en.get(key)));
        }
    }

    /** The pattern without its {n} placeholders. */
    static String words(String pattern) {
        return pattern.replaceAll("\\{\\d+}", "");
    }

    static Set<Integer> arguments(String pattern) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)}").matcher(pattern);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    @Test
    void theReadersUseOnlyKeysOfTheBundleAndEveryKeyIsUsed() throws IOException {
        Map<String, String> en = load(EN);
        String code = sources(Path.of("src/main/java"));
        // data("key" …): every literal key exists
        Set<String> direct = literals(code, Pattern.compile("(?:DataText\\.)?data\\(\\s*\"([^\"]+)\""));
        assertThat(direct).isNotEmpty();
        assertThat(en.keySet()).as("keys used in data(...)").containsAll(direct);
        // keys handed around before data() (ternaries, helper parameters): any literal that looks
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
        // best effort: no unused key
        Set<String> used = new TreeSet<>(direct);
        used.addAll(keyLike);
        used.addAll(literals(code, Pattern.compile("\"([a-z]+)\"")));
        List<String> unused = new ArrayList<>();
        for (String k : en.keySet()) {
            if (!used.contains(k) && !COMPOSED.contains(k)) {
                unused.add(k);
            }
        }
        assertThat(unused).as("keys no source mentions").isEmpty();
    }

    static String sources(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sb.append(Files.readString(p)).append('\n');
            }
        }
        return sb.toString();
    }

    static Set<String> literals(String code, Pattern p) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(code);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
