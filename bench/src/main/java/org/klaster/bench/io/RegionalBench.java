package org.klaster.bench.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.klaster.activity.ActivityRecord;
import org.klaster.data.demo.DemoEconomy;
import org.klaster.data.demo.DemoIo;
import org.klaster.data.formats.ActivityReader;
import org.klaster.data.formats.IoTableReader;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.RegionalTable;
import org.klaster.inputoutput.Regionalisation;
import org.klaster.inputoutput.SectorEmployment;
import org.klaster.linalg.Blas;

/**
 * The regional-tables benchmark (bench/regional/run.sh): the demo's 88-sector national table regionalised by
 * FLQ (δ 0.3) for each of the 83 regions of the demo activity, and every regional output multiplier, against
 * bench/regional/regional_numpy.py doing the same steps.
 *
 * <pre>
 * generate OUTDIR                          writes OUTDIR/io.csv (DemoIo) and OUTDIR/activity.csv (DemoEconomy, all years)
 * run IO.csv ACTIVITY.csv OUT.csv [WARMUP RUNS]
 *                                          reads both files (not timed), then times WARMUP + RUNS runs of: employment by
 *                                          sector for the latest year, and for every region the regional table
 *                                          ({@link Regionalisation#regionalise}) and its output multipliers (LU of
 *                                          I − R and one transposed solve, {@link RegionalTable#outputMultipliers}), one region
 *                                          after the other, then the same with the regions spread over the common
 *                                          fork-join pool; prints every time and both medians; writes OUT.csv (region ×
 *                                          sector, empty where inactive)
 * </pre>
 */
public final class RegionalBench {

    private RegionalBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("generate")) {
            Path dir = Path.of(args[1]);
            Files.createDirectories(dir);
            DemoIo.writeCsv(dir.resolve("io.csv"));
            long rows = DemoEconomy.standard().writeActivityCsv(dir.resolve("activity.csv"));
            System.out.println("wrote " + dir.resolve("io.csv") + " and " + dir.resolve("activity.csv") + " (" + rows + " rows)");
        } else if (args.length >= 4 && args[0].equals("run")) {
            run(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 20,
                    args.length > 5 ? Integer.parseInt(args[5]) : 50);
        } else {
            System.err.println("usage: RegionalBench generate OUTDIR | run IO.csv ACTIVITY.csv OUT.csv [WARMUP RUNS]");
            System.exit(2);
        }
    }

    /** One run: every region's multipliers, region order as {@link SectorEmployment#regions()} (sorted). */
    record Result(List<String> regions, double[][] multipliers) {
    }

    static Result regionaliseAll(IoTable national, List<ActivityRecord> rows, int year, boolean parallel) {
        SectorEmployment employment = SectorEmployment.of(national.sectors(), national.totalOutput(), null, rows, year);
        Regionalisation prepared = Regionalisation.of(national);   // x, active sectors and A once for all regions
        List<String> regions = new ArrayList<>(employment.regions());
        double[][] out = new double[regions.size()][];
        // regions are independent and the prepared table is immutable: the parallel run uses the common pool
        IntStream all = IntStream.range(0, regions.size());
        (parallel ? all.parallel() : all).forEach(r -> {
            RegionalTable t = prepared.regionalise(employment.region(regions.get(r)), Regionalisation.Method.FLQ, 0.3);
            out[r] = t.outputMultipliers();   // LU of I − R (dgetrf) and one transposed solve (dgetrs)
        });
        return new Result(regions, out);
    }

    /** Times WARMUP + RUNS runs; returns the median and keeps the last result in {@code last[0]}. */
    static double time(IoTable national, List<ActivityRecord> rows, int year, boolean parallel, int warmup, int runs,
                       Result[] last) {
        double[] times = new double[runs];
        for (int i = 0; i < warmup + runs; i++) {
            long t0 = System.nanoTime();
            last[0] = regionaliseAll(national, rows, year, parallel);
            double s = (System.nanoTime() - t0) / 1e9;
            if (i >= warmup) {
                times[i - warmup] = s;
            }
        }
        System.out.printf(Locale.ROOT, "java %s runs (s): %s%n", parallel ? "parallel" : "sequential", Arrays.toString(
                Arrays.stream(times).mapToObj(t -> String.format(Locale.ROOT, "%.5f", t)).toArray()));
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    }

    static void run(Path io, Path activity, Path out, int warmup, int runs) throws IOException {
        IoTable national = IoTableReader.load(io, null, false).table();
        List<ActivityRecord> rows = ActivityReader.read(activity, null).records();
        int year = rows.stream().mapToInt(ActivityRecord::year).max().orElseThrow();
        System.out.println("netlib backend: " + Blas.backend() + "; " + national.size() + " sectors, " + rows.size()
                + " activity rows, year " + year + ", " + Runtime.getRuntime().availableProcessors() + " processors");
        Result[] sequential = new Result[1];
        Result[] parallel = new Result[1];
        double median = time(national, rows, year, false, warmup, runs, sequential);
        double parallelMedian = time(national, rows, year, true, warmup, runs, parallel);
        // the same numbers either way, bit for bit
        if (!Arrays.deepEquals(sequential[0].multipliers(), parallel[0].multipliers())) {
            throw new IllegalStateException("the parallel run gave other multipliers than the sequential one");
        }
        System.out.printf(Locale.ROOT, "java median %.6f s over %d runs (%d warm-up), %d regions%n", median, runs, warmup,
                sequential[0].regions().size());
        System.out.printf(Locale.ROOT, "java parallel median %.6f s over %d runs (%d warm-up), common pool of %d%n",
                parallelMedian, runs, warmup, java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        write(out, national.sectors(), sequential[0]);
    }

    static void write(Path out, List<String> sectors, Result r) throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("region," + String.join(",", sectors) + "\n");
            for (int i = 0; i < r.regions().size(); i++) {
                StringBuilder sb = new StringBuilder(r.regions().get(i));
                for (double v : r.multipliers()[i]) {
                    sb.append(',');
                    if (!Double.isNaN(v)) {
                        sb.append(Double.toString(v));
                    }
                }
                w.write(sb.append('\n').toString());
            }
        }
    }
}
