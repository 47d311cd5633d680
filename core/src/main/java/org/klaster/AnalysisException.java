package org.klaster;

/**
 * The input is well-formed but the analysis it asks for is impossible (e.g. a non-productive
 * input–output table). The message names the failed check; the CLI maps it to exit code 1.
 */
public class AnalysisException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }
}
