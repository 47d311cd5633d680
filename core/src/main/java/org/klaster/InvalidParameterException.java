package org.klaster;

/**
 * A parameter given by the user is out of its domain (a negative weight, a threshold outside [0, 1],
 * an unknown sector code). The CLI maps it to exit code 2 (bad usage), the web to 400.
 */
public class InvalidParameterException extends IllegalArgumentException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final transient Text text;

    public InvalidParameterException(Text text) {
        super(text.toString());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
