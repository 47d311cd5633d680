package org.klaster;

/**
 * The input is well-formed but the analysis it asks for is impossible (e.g. a non-productive
 * input–output table). The message names the failed check; the CLI maps it to exit code 1.
 */
public class AnalysisException extends RuntimeException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final transient Text text;

    public AnalysisException(Text text) {
        super(text.toString());
        this.text = text;
    }

    /**
     * @deprecated engines give a {@link Text}; kept only for the app's own sentences that have no key
     *             yet (its {@link #text()} shows the English sentence in every language).
     */
    @Deprecated
    public AnalysisException(String message) {
        this(Text.core("verbatim", message));
    }

    @Override
    public Text text() {
        return text;
    }
}
