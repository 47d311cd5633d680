package org.klaster.bench.io;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.klaster.data.formats.IoTableReader;
import org.klaster.inputoutput.DemandShock;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.LeontiefModel;
import org.klaster.inputoutput.Multipliers;
import org.klaster.inputoutput.ShockResult;
import org.klaster.linalg.Blas;

/**
 * Times the phases of {@code klaster io multipliers} / {@code klaster io shock --demand} inside one
 * JVM — reading the CSV, building the model(s), computing — so that parse and compute can be
 * compared separately with numpy's phases (bench/io/numpy_io.py). Prints {@code phase NAME SECONDS}
 * lines and a checksum of the result (so the work cannot be skipped).
 *
 * <p>usage: {@code IoPhases multipliers IO.csv} or {@code IoPhases shock IO.csv SECTOR=RATE}
 */
public final class IoPhases {

    private IoPhases() {
    }

    private static long last = System.nanoTime();

    private static void phase(String name) {
        long now = System.nanoTime();
        System.out.printf("phase %s %.3f%n", name, (now - last) / 1e9);
        last = now;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("backend " + Blas.backend() + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        last = System.nanoTime();
        IoTable table = IoTableReader.load(Path.of(args[1]), null, false).table();
        phase("read");
        double check = 0;
        if (args[0].equals("multipliers")) {
            LeontiefModel leontief = LeontiefModel.of(table);
            phase("leontief_model");
            List<Multipliers.Row> rows = Multipliers.compute(leontief);   // as the CLI: one LU
            phase("multipliers");
            for (Multipliers.Row r : rows) {
                check += r.outputMultiplier() + r.forwardLinkage();
            }
        } else {
            String[] kv = args[2].split("=");
            LeontiefModel leontief = LeontiefModel.consuming(table);   // as the CLI: I − A and its LU in Z's array
            phase("leontief_model");
            ShockResult r = DemandShock.apply(leontief, Map.of(kv[0], Double.parseDouble(kv[1])));
            phase("shock");
            check = r.total().outputChange();
        }
        System.out.println("checksum " + check + ", heap in use at the end "
                + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1 << 20) + " MiB");
    }
}
