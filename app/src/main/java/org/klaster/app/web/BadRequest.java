package org.klaster.app.web;

/** A request the workbench cannot answer because a parameter is wrong; shown as 400 with the message. */
public final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
        super(message);
    }
}
