package org.klaster.app.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Progress reporting for long work: phase lines on stderr (a terminal gets them too, briefly). */
final class Progress {
    private Progress() {
    }

    /** A sink for phase descriptions such as "reading firms.csv" that prints each with the elapsed time. */
    static Consumer<String> phases(PrintWriter err, boolean terminal) {
        long start = System.nanoTime();
        return phase -> {
            err.printf("[%5.1f s] %s%n", (System.nanoTime() - start) / 1e9, phase);
            err.flush();
        };
    }
}
