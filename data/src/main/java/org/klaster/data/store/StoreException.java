package org.klaster.data.store;

/** The embedded database cannot do what was asked (locked by another process, unknown dataset, …). */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
