package org.klaster.data.store;

import org.klaster.Text;

/**
 * The platform store refused a record as given — a taken login, an unknown cluster or organisation, a contract
 * of an organisation with itself, a value out of range — before writing anything. Bad input (the command
 * line exits 2, the web answers 400), unlike a {@link StoreException} of the database itself.
 */
public class InvalidRecordException extends StoreException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(Text text) {
        super(text);
    }
}
