package org.klaster.data.store;

import org.klaster.Localizable;
import org.klaster.Text;
import org.klaster.data.formats.DataText;

/**
 * The embedded database cannot do what was asked (locked by another process, unknown dataset, …).
 * {@link #getMessage()} is English; {@link #text()} reads in a page's language (a database engine's own
 * words, passed on with the String constructors, stay as they are).
 */
public class StoreException extends RuntimeException implements Localizable {
    private static final long serialVersionUID = 1L;

    private final transient Text text;

    public StoreException(Text text) {
        this(text, null);
    }

    public StoreException(Text text, Throwable cause) {
        super(text.toString(), cause);
        this.text = text;
    }

    public StoreException(String message) {
        this(message, null);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.text = DataText.verbatim(String.valueOf(message));
    }

    @Override
    public Text text() {
        return text;
    }
}
