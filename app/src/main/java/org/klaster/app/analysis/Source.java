package org.klaster.app.analysis;

import java.nio.file.Path;

/** Where an analysis input comes from: a file given for this run, or a stored dataset. */
public sealed interface Source {

    /** A file (CSV, XLSX, …); {@code sheet} names a workbook's sheet, null for the first. */
    record File(Path path, String sheet) implements Source {
    }

    /** A stored dataset by id. */
    record Stored(String id) implements Source {
    }

    static Source file(Path path, String sheet) {
        return new File(path, sheet);
    }

    static Source stored(String id) {
        return new Stored(id);
    }
}
