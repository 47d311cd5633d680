package org.klaster.app.web;

/** An unknown dataset, region or category in a URL; shown as 404 with the message. */
public final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
        super(message);
    }
}
