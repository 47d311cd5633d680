package org.klaster.app.analysis;

import org.klaster.Localizable;
import org.klaster.Text;

/**
 * A request the analysis layer refuses, in words for the person who made it ({@link #text()}, rendered
 * in their language). The CLI maps {@link Kind#BAD_PARAMETER} to exit 2 (and prefixes the flag), the
 * others to exit 1; the web maps them to 400 (shown next to the control named {@link #param()}), 404
 * and 422.
 */
public final class UserException extends RuntimeException implements Localizable {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** a parameter is malformed or outside its domain */
        BAD_PARAMETER,
        /** a dataset, region, category … that does not exist */
        NOT_FOUND,
        /** well-formed, but the analysis cannot be done on these inputs */
        IMPOSSIBLE
    }

    private final Kind kind;
    private final String param;
    private final transient Text text;

    private UserException(Kind kind, String param, Text text) {
        super((param == null ? "" : param + ": ") + text);
        this.kind = kind;
        this.param = param;
        this.text = text;
    }

    /** A bad value of parameter {@code param} (snake_case, as in the API; the CLI shows {@code --param}). */
    public static UserException badParameter(String param, Text text) {
        return new UserException(Kind.BAD_PARAMETER, param, text);
    }

    public static UserException notFound(Text text) {
        return new UserException(Kind.NOT_FOUND, null, text);
    }

    /** Not found, about a parameter's value (an unknown region named by {@code region}). */
    public static UserException notFound(String param, Text text) {
        return new UserException(Kind.NOT_FOUND, param, text);
    }

    public static UserException impossible(Text text) {
        return new UserException(Kind.IMPOSSIBLE, null, text);
    }

    public Kind kind() {
        return kind;
    }

    /** The parameter at fault, or null. */
    public String param() {
        return param;
    }

    @Override
    public Text text() {
        return text;
    }

    /** The CLI's flag for a parameter: {@code base_year} → {@code --base-year}. */
    public static String flag(String param) {
        return "--" + param.replace('_', '-');
    }
}
