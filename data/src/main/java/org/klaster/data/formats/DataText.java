package org.klaster.data.formats;

import java.util.List;

/**
 * The data module's sentences: the readers' refusals and warnings as {@link org.klaster.Text} keys of
 * the bundle {@link #BUNDLE} ({@code org/klaster/data/messages.properties}, Russian in {@code _ru}).
 */
public final class DataText {

    /** The data module's bundle. */
    public static final String BUNDLE = "org.klaster.data.messages";

    private DataText() {
    }

    /** A sentence of the data module. */
    public static org.klaster.Text data(String key, Object... args) {
        return org.klaster.Text.of(BUNDLE, key, args);
    }

    /** A user's text in quotes ("x" in English, «x» in Russian), made safe by {@link InputException#quote}. */
    public static org.klaster.Text quoted(String text) {
        String q = InputException.quote(text);
        return data("quoted", q.substring(1, q.length() - 1));
    }

    /** The user's texts quoted and comma-separated. */
    public static List<org.klaster.Text> quoted(List<String> texts) {
        return texts.stream().map(DataText::quoted).toList();
    }

    /** Sentences joined with "; " (e.g. the errors of a table's validation), in the reader's language. */
    public static org.klaster.Text joined(List<org.klaster.Text> parts) {
        if (parts.isEmpty()) {
            return data("verbatim", "");
        }
        org.klaster.Text t = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            t = data("joined", t, parts.get(i));
        }
        return t;
    }

    /** A sentence that has no key (a library's own message, or a caller's English text), shown as is. */
    public static org.klaster.Text verbatim(String text) {
        return data("verbatim", text);
    }
}
