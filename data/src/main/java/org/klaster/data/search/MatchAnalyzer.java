package org.klaster.data.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analysers of partner matching (docs/methods-cooperation.md, "Text relevance"). Texts mix Russian and
 * English, often in one sentence ("станки с ЧПУ, CNC"), so each word goes through the chain of its own script:
 * the Unicode standard tokenizer, lower case, ё → е, the stop words of Lucene's Russian and English analysers,
 * then a Cyrillic word through the Snowball Russian stemmer (that of {@code RussianAnalyzer}: «станков», «станки»
 * → «станк») and a Latin word through the Porter stemmer (that of {@code EnglishAnalyzer}: "bearings" → "bear").
 * Queries also pass our synonym list ({@code synonyms.txt}: Russian–English equivalents and Russian synonyms of
 * industrial terms), so «подшипник» finds "bearing" and «ЧПУ» finds «числовое программное управление».
 *
 * <p>{@link Kind#PLAIN} is the baseline of plain string matching: lower-cased words as written, nothing else.
 */
public final class MatchAnalyzer extends Analyzer {

    /** Which chain. */
    public enum Kind {
        /** Stop words, Russian and English stemming; queries also expand synonyms. */
        MORPHOLOGY,
        /** Lower-cased words as written (the baseline). */
        PLAIN
    }

    /** Lucene's Russian and English stop words together. */
    static final CharArraySet STOP_WORDS;

    static {
        CharArraySet s = new CharArraySet(RussianAnalyzer.getDefaultStopSet(), true);
        s.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        STOP_WORDS = CharArraySet.unmodifiableSet(s);
    }

    private static final NormalizeCharMap YO;

    static {
        NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
        b.add("ё", "е");
        b.add("Ё", "Е");
        YO = b.build();
    }

    private final Kind kind;
    private final SynonymMap synonyms;

    private MatchAnalyzer(Kind kind, SynonymMap synonyms) {
        this.kind = kind;
        this.synonyms = synonyms;
    }

    /** The analyser of indexed texts (no synonyms: they are expanded in queries only). */
    public static MatchAnalyzer index(Kind kind) {
        return new MatchAnalyzer(kind, null);
    }

    /** The analyser of queries: with {@link Kind#MORPHOLOGY}, the synonym list too. */
    public static MatchAnalyzer query(Kind kind) {
        return new MatchAnalyzer(kind, kind == Kind.MORPHOLOGY ? Synonyms.MAP : null);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(YO, reader);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new MappingCharFilter(YO, reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        if (kind == Kind.PLAIN) return new TokenStreamComponents(source, s);
        s = new EnglishPossessiveFilter(s);
        s = new StopFilter(s, STOP_WORDS);
        s = new ScriptFilter(s, Character.UnicodeScript.CYRILLIC, in -> new SnowballFilter(in, new RussianStemmer()));
        s = new ScriptFilter(s, Character.UnicodeScript.LATIN, PorterStemFilter::new);
        if (synonyms != null) s = new SynonymGraphFilter(s, synonyms, true);
        return new TokenStreamComponents(source, s);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    /** Applies a filter only to words whose first letter is of one script. */
    private static final class ScriptFilter extends ConditionalTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Character.UnicodeScript script;

        ScriptFilter(TokenStream in, Character.UnicodeScript script, Function<TokenStream, TokenStream> filter) {
            super(in, filter);
            this.script = script;
        }

        @Override
        protected boolean shouldFilter() {
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (Character.isLetter(c)) return Character.UnicodeScript.of(c) == script;
            }
            return false;
        }
    }

    /** The synonym list, parsed once with the morphology chain, so that its entries are stemmed as texts are. */
    static final class Synonyms {
        static final String RESOURCE = "/org/klaster/data/search/synonyms.txt";
        static final SynonymMap MAP = load();

        private static SynonymMap load() {
            try (InputStream in = MatchAnalyzer.class.getResourceAsStream(RESOURCE);
                 Analyzer base = index(Kind.MORPHOLOGY)) {
                if (in == null) throw new IllegalStateException(RESOURCE + " is missing");
                SolrSynonymParser parser = new SolrSynonymParser(true, true, base);
                parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
                return parser.build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParseException e) {
                throw new IllegalStateException(RESOURCE + ": " + e.getMessage() + ": " + e.getCause(), e);
            }
        }

        private Synonyms() {
        }
    }
}
