package org.klaster.data.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The analysers of matching: Russian and English stemming by script, ё = е, stop words, the synonym list in queries
 * only; and BM25 scores of the index against Lucene's formula worked by hand.
 */
class TextIndexTest {

    static Map<Integer, Float> hits(TextIndex index, String query) {
        Map<Integer, Float> out = new TreeMap<>();
        index.search(query, out::put);
        return out;
    }

    @Test
    void eachWordIsStemmedByItsScript() {
        assertThat(TextIndex.terms("Станков станки", MatchAnalyzer.Kind.MORPHOLOGY, false)).containsExactly("станк", "станк");
        assertThat(TextIndex.terms("bearings for machines", MatchAnalyzer.Kind.MORPHOLOGY, false)).containsExactly("bear", "machin");
        assertThat(TextIndex.terms("Литьё и литье", MatchAnalyzer.Kind.MORPHOLOGY, false)).containsExactly("лит", "лит");
        assertThat(TextIndex.terms("Станков станки", MatchAnalyzer.Kind.PLAIN, false)).containsExactly("станков", "станки");
    }

    @Test
    void queriesExpandSynonymsIndexedTextsDoNot() {
        assertThat(TextIndex.terms("подшипник", MatchAnalyzer.Kind.MORPHOLOGY, true)).contains("подшипник", "bear");
        assertThat(TextIndex.terms("подшипник", MatchAnalyzer.Kind.MORPHOLOGY, false)).containsExactly("подшипник");
        // the fleeting vowel the stemmer misses: станок / станки
        assertThat(TextIndex.terms("станок", MatchAnalyzer.Kind.MORPHOLOGY, true)).contains("станок", "станк");
        assertThat(TextIndex.terms("подшипник", MatchAnalyzer.Kind.PLAIN, true)).containsExactly("подшипник");
    }

    /** «станков» finds «станки» with morphology, not with plain strings; English finds Russian through synonyms. */
    @Test
    void morphologyAndSynonymsFindWhatPlainStringsMiss() {
        List<String> texts = List.of("Производство станков с ЧПУ", "Ремонт насосов", "Подшипники качения");
        try (TextIndex m = TextIndex.build(texts, MatchAnalyzer.Kind.MORPHOLOGY);
             TextIndex p = TextIndex.build(texts, MatchAnalyzer.Kind.PLAIN)) {
            assertThat(hits(m, "станки").keySet()).containsExactly(0);
            assertThat(hits(p, "станки")).isEmpty();
            assertThat(hits(m, "станок").keySet()).containsExactly(0);
            assertThat(hits(m, "ball bearings").keySet()).containsExactly(2);
            assertThat(hits(m, "CNC").keySet()).containsExactly(0);
            assertThat(hits(m, "и с для")).isEmpty();
            assertThat(hits(m, "")).isEmpty();
            assertThat(m.size()).isEqualTo(3);
        }
    }

    /**
     * Lucene's BM25: idf = ln(1 + (N − n + 0.5)/(n + 0.5)), score = idf · tf / (tf + k1·(1 − b + b·dl/avgdl)) with
     * k1 = 1.2, b = 0.75 (lengths as Lucene stores them: small lengths are exact). Three texts of 2, 1 and 3 terms
     * (avgdl 2): "насос" is in the first only, tf 1, dl 2 → idf = ln(1 + 2.5/1.5), score = idf · 1/(1 + 1.2) .
     */
    @Test
    void scoresAreLucenesBm25() {
        List<String> texts = List.of("насос гидравлический", "кабель", "кабель медный силовой");
        try (TextIndex m = TextIndex.build(texts, MatchAnalyzer.Kind.PLAIN)) {
            Map<Integer, Float> h = hits(m, "насос");
            double idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
            assertThat((double) h.get(0)).isCloseTo(idf / (1 + 1.2), org.assertj.core.api.Assertions.within(1e-6));
            // "кабель" in two texts: idf = ln(1 + 1.5/2.5); dl 1 and 3 against avgdl 2
            Map<Integer, Float> k = hits(m, "кабель");
            double idf2 = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
            assertThat((double) k.get(1)).isCloseTo(idf2 / (1 + 1.2 * (1 - 0.75 + 0.75 * 1 / 2.0)), org.assertj.core.api.Assertions.within(1e-6));
            assertThat((double) k.get(2)).isCloseTo(idf2 / (1 + 1.2 * (1 - 0.75 + 0.75 * 3 / 2.0)), org.assertj.core.api.Assertions.within(1e-6));
        }
    }
}
