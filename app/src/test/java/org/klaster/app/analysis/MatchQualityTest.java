package org.klaster.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.klaster.cooperation.Matchmaking;
import org.klaster.cooperation.Matchmaking.Mode;
import org.klaster.cooperation.Matchmaking.Weights;
import org.klaster.data.formats.RegistryReader;
import org.klaster.data.search.MatchAnalyzer;
import org.klaster.registry.Registry;

/**
 * Matchmaking quality on the labelled set ({@link MatchQualitySet}: 70 needs, 315 organisations): precision at 5
 * (the share of the first five rows that are correct partners) and the mean reciprocal rank of the first correct
 * partner, with our analysers and with plain string matching (lower-cased words as written, same BM25), on text
 * alone and with the default weights (codes count too). The floors are the figures measured when the set was
 * written (docs/methods-cooperation.md, "Quality") less 0.03: a change of the analysers, the synonym list or the
 * scoring that loses quality fails here.
 */
class MatchQualityTest {

    static final Weights TEXT_ONLY = new Weights(1, 0, 0, 0, 0);

    static Registry registry;
    static List<MatchQualitySet.Need> needs;
    static MatchAnalysis.Matcher morphology;
    static MatchAnalysis.Matcher plain;

    @BeforeAll
    static void read() throws IOException, URISyntaxException {
        Path dir = Path.of(MatchQualityTest.class.getResource("/match-quality").toURI());
        registry = RegistryReader.read(dir).registry();
        needs = new ArrayList<>();
        for (Map<String, String> r : rows(dir.resolve("needs.csv"))) {
            needs.add(new MatchQualitySet.Need(r.get("id"), r.get("text"), r.get("codes"), List.of(r.get("relevant").split(";"))));
        }
        LocalDate day = LocalDate.of(2025, 1, 1);
        morphology = new MatchAnalysis.Matcher(registry, day, MatchAnalyzer.Kind.MORPHOLOGY);
        plain = new MatchAnalysis.Matcher(registry, day, MatchAnalyzer.Kind.PLAIN);
    }

    @AfterAll
    static void close() {
        morphology.close();
        plain.close();
    }

    private static List<Map<String, String>> rows(Path csv) throws IOException {
        List<Map<String, String>> out = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().get()
                .parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            for (var r : parser) out.add(r.toMap());
        }
        return out;
    }

    /** Precision at 5 and MRR (first correct partner within the first 50 rows, else 0) over all needs. */
    static double[] quality(MatchAnalysis.Matcher m, Weights w) {
        double p5 = 0;
        double mrr = 0;
        for (MatchQualitySet.Need n : needs) {
            MatchAnalysis.Params p = new MatchAnalysis.Params(Mode.NEED, n.text(), MatchAnalysis.codes(n.codes()), null, null,
                    null, 50, w, Matchmaking.DEFAULT_DECAY_KM, LocalDate.of(2025, 1, 1));
            List<MatchAnalysis.Row> rows = m.match(p, null, null);
            Set<String> relevant = new HashSet<>(n.relevant());
            int hits = 0;
            for (int k = 0; k < Math.min(5, rows.size()); k++) if (relevant.contains(rows.get(k).match().candidate().inn())) hits++;
            p5 += hits / 5.0;
            for (int k = 0; k < rows.size(); k++) {
                if (relevant.contains(rows.get(k).match().candidate().inn())) {
                    mrr += 1.0 / (k + 1);
                    break;
                }
            }
        }
        return new double[] {p5 / needs.size(), mrr / needs.size()};
    }

    @Test
    void theSetIsLargeEnoughAndBilingual() {
        assertThat(needs).hasSizeGreaterThanOrEqualTo(60);
        assertThat(registry.organisations()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(needs).anyMatch(n -> n.text().matches(".*[а-яА-Я].*")).anyMatch(n -> n.text().matches("[A-Za-z ,.-]+"));
        assertThat(registry.offers()).anyMatch(o -> o.text().matches(".*[а-яА-Я].*"))
                .anyMatch(o -> o.text().matches("[A-Za-z0-9 ,.:&-]+"));
    }

    @Test
    void theResourcesAreTheGeneratorsOutput() throws IOException, URISyntaxException {
        Path dir = Path.of(MatchQualityTest.class.getResource("/match-quality").toURI());
        for (Map.Entry<String, String> e : MatchQualitySet.render().entrySet()) {
            assertThat(Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8)).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void qualityStaysAtTheMeasuredFigures() {
        double[] text = quality(morphology, TEXT_ONLY);
        double[] textPlain = quality(plain, TEXT_ONLY);
        double[] full = quality(morphology, Weights.DEFAULTS);
        double[] fullPlain = quality(plain, Weights.DEFAULTS);
        System.out.printf("match quality: text only P@5 %.3f MRR %.3f; plain strings P@5 %.3f MRR %.3f;"
                        + " default weights P@5 %.3f MRR %.3f; default weights, plain strings P@5 %.3f MRR %.3f%n",
                text[0], text[1], textPlain[0], textPlain[1], full[0], full[1], fullPlain[0], fullPlain[1]);
        assertThat(text[0]).isGreaterThanOrEqualTo(MEASURED_TEXT_P5 - 0.03);
        assertThat(text[1]).isGreaterThanOrEqualTo(MEASURED_TEXT_MRR - 0.03);
        assertThat(full[0]).isGreaterThanOrEqualTo(MEASURED_FULL_P5 - 0.03);
        assertThat(full[1]).isGreaterThanOrEqualTo(MEASURED_FULL_MRR - 0.03);
        // the analysers matter: plain strings stay well below
        assertThat(textPlain[0]).isLessThan(text[0] - 0.15);
        assertThat(textPlain[1]).isLessThan(text[1] - 0.1);
    }

    // measured when the set was written (docs/methods-cooperation.md, "Quality")
    static final double MEASURED_TEXT_P5 = 0.880;
    static final double MEASURED_TEXT_MRR = 0.943;
    static final double MEASURED_FULL_P5 = 0.900;
    static final double MEASURED_FULL_MRR = 0.964;
}
