package org.klaster.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.klaster.data.formats.FirmsReader;

/**
 * Progress for long work, on stderr: a progress bar on a terminal, otherwise one line per phase
 * (and per tenth of the work), so logs of piped runs stay short.
 */
public final class Progress {
    private Progress() {
    }

    /** A sink for phase descriptions such as "reading firms.csv" that prints each with the elapsed time. */
    public static Consumer<String> phases(PrintWriter err, boolean terminal) {
        long start = System.nanoTime();
        return phase -> {
            synchronized (err) {
                err.printf(Locale.ROOT, "[%5.1f s] %s%n", (System.nanoTime() - start) / 1e9, phase);
                err.flush();
            }
        };
    }

    /**
     * Progress of a firm-file read: phases with a fraction done (NaN when unknown). Called from
     * DuckDB's polling thread, hence synchronised. Close it when the work ends.
     */
    public static final class Bar implements FirmsReader.Progress, AutoCloseable {
        private final Consumer<String> lines;
        private final boolean terminal;
        private String phase;
        private ProgressBar bar;
        private int lastTenth = -1;

        public Bar(PrintWriter err, boolean terminal) {
            this.lines = phases(err, terminal);
            this.terminal = terminal;
        }

        @Override
        public synchronized void update(String newPhase, double fraction) {
            if (!newPhase.equals(phase)) {
                closeBar();
                phase = newPhase;
                // a phase's first report is its line; tenths are printed as they are passed later
                lastTenth = Double.isNaN(fraction) ? -1 : (int) Math.floor(fraction * 10);
                if (!terminal || Double.isNaN(fraction)) lines.accept(newPhase);
            }
            if (Double.isNaN(fraction)) return;
            if (terminal) {
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName(newPhase).setInitialMax(1000)
                            .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).hideEta().build();
                }
                bar.stepTo(Math.round(Math.min(1, Math.max(0, fraction)) * 1000));
            } else {
                int tenth = (int) Math.floor(fraction * 10);
                if (tenth > lastTenth && tenth > 0) {
                    lastTenth = tenth;
                    lines.accept(String.format(Locale.ROOT, "%s: %d %%", newPhase, tenth * 10));
                }
            }
        }

        private void closeBar() {
            if (bar != null) {
                bar.stepTo(bar.getMax());
                bar.close();
                bar = null;
            }
        }

        @Override
        public synchronized void close() {
            closeBar();
        }
    }
}
