package org.klaster;

/**
 * An exception whose message is a {@link Text}: the command line prints it in English
 * ({@code getMessage()}), a page in the reader's language ({@code text().in(locale)}).
 */
public interface Localizable {
    Text text();
}
