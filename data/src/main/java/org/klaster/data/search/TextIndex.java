package org.klaster.data.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * An in-memory Lucene index of short texts (offers), scored by BM25 (k1 = 1.2, b = 0.75, Lucene's defaults):
 * built once — the web keeps it — and asked many times, from any number of threads. Document {@code i} is
 * {@code texts.get(i)}; a query's words are joined by OR, so a text scores when it shares any word with it.
 */
public final class TextIndex implements AutoCloseable {

    private static final String FIELD = "text";
    private static final String ID = "id";

    private final ByteBuffersDirectory dir;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final QueryBuilder queries;
    private final int size;

    /** Receives each document that shares a term with the query, and its BM25. */
    public interface Hits {
        void hit(int doc, float score);
    }

    private TextIndex(ByteBuffersDirectory dir, DirectoryReader reader, MatchAnalyzer.Kind kind, int size) {
        this.dir = dir;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
        this.queries = new QueryBuilder(MatchAnalyzer.query(kind));
        this.size = size;
    }

    /** Indexes {@code texts} (null or blank: a document without words) with the analyser of {@code kind}. */
    public static TextIndex build(List<String> texts, MatchAnalyzer.Kind kind) {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriterConfig cfg = new IndexWriterConfig(MatchAnalyzer.index(kind));
        cfg.setSimilarity(new BM25Similarity());
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        cfg.setRAMBufferSizeMB(128);
        cfg.setCommitOnClose(true);
        try (IndexWriter w = new IndexWriter(dir, cfg)) {
            TextField text = new TextField(FIELD, "", Field.Store.NO);
            NumericDocValuesField id = new NumericDocValuesField(ID, 0);
            Document doc = new Document();
            doc.add(text);
            doc.add(id);
            for (int i = 0; i < texts.size(); i++) {
                String t = texts.get(i);
                text.setStringValue(t == null ? "" : t);
                id.setLongValue(i);
                w.addDocument(doc);
            }
            w.commit();
            return new TextIndex(dir, DirectoryReader.open(dir), kind, texts.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents indexed. */
    public int size() {
        return size;
    }

    /** Passes every document sharing a term with {@code query} to {@code hits}; none when the query has no words. */
    public void search(String query, Hits hits) {
        Query q = query == null ? null : queries.createBooleanQuery(FIELD, query, BooleanClause.Occur.SHOULD);
        if (q == null) return;
        try {
            searcher.search(q, new SimpleCollector() {
                private Scorable scorer;
                private NumericDocValues ids;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    ids = context.reader().getNumericDocValues(ID);
                }

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (!ids.advanceExact(doc)) throw new IllegalStateException("document without id");
                    hits.hit((int) ids.longValue(), scorer.score());
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The terms the query analyser makes of {@code text} (for tests and explanations). */
    public static List<String> terms(String text, MatchAnalyzer.Kind kind, boolean query) {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (MatchAnalyzer a = query ? MatchAnalyzer.query(kind) : MatchAnalyzer.index(kind);
             org.apache.lucene.analysis.TokenStream ts = a.tokenStream(FIELD, text)) {
            org.apache.lucene.analysis.tokenattributes.CharTermAttribute t =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(t.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            reader.close();
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
