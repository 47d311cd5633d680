package org.klaster.cooperation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.klaster.inputoutput.IoTable;

/**
 * The input–output link between a supplying and a buying industry (docs/methods-cooperation.md, "Input–output
 * link"): the buyer's technical coefficient on the supplier, a_ij = z_ij / x_j (what industry j buys from i per
 * unit of its output), divided by the largest coefficient of the buyer's column, so that the buyer's most
 * important input scores 1 and an input it does not buy 0. A code falls in the table sector whose code is its
 * longest prefix (26.11 in 26, when the table has divisions); a code of no sector has no link.
 */
public final class IoLink {

    private final Map<String, Integer> index = new HashMap<>();
    /** Sectors of the codes asked about so far: a registry has few distinct codes, asked about in every query. */
    private final Map<String, Integer> seen = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> seenPaths = new java.util.concurrent.ConcurrentHashMap<>();
    private final double[] normalised;
    private final int n;

    /** From a table whose sector codes are OKVED2 codes (divisions, groups …). */
    public IoLink(IoTable table) {
        n = table.size();
        List<String> sectors = table.sectors();
        for (int i = 0; i < n; i++) index.put(sectors.get(i), i);
        double[] x = table.totalOutput();
        double[] z = table.intermediate().data();   // column-major: z[j·n + i] = z_ij
        normalised = new double[n * n];
        for (int j = 0; j < n; j++) {
            double max = 0;
            for (int i = 0; i < n; i++) {
                double a = x[j] > 0 ? z[j * n + i] / x[j] : 0;
                normalised[j * n + i] = a > 0 ? a : 0;
                if (a > max) max = a;
            }
            for (int i = 0; i < n; i++) normalised[j * n + i] = max > 0 ? normalised[j * n + i] / max : 0;
        }
    }

    /** The sector a code falls in (its longest prefix among the sector codes), or −1. */
    public int sectorOf(String code) {
        if (code == null) return -1;
        return seen.computeIfAbsent(code, this::longestPrefix);
    }

    /** The sector of a code given as its path ({@link IndustryCodes#path}), or −1. */
    public int sectorOfPath(String path) {
        if (path == null) return -1;
        return seenPaths.computeIfAbsent(path, p -> sectorOf(IndustryCodes.dotted(p)));
    }

    private int longestPrefix(String code) {
        for (int k = code.length(); k >= 1; k--) {
            Integer i = index.get(code.substring(0, k));
            if (i != null) return i;
        }
        return -1;
    }

    /** a_ij / max_k a_kj for supplier sector i and buyer sector j; 0 when either is −1. */
    public double link(int supplier, int buyer) {
        if (supplier < 0 || buyer < 0) return 0;
        return normalised[buyer * n + supplier];
    }

    /** The best link of any of the supplier's sectors to the buyer's sector; 0 when there is none. */
    public double link(int[] suppliers, int buyer) {
        double best = 0;
        for (int s : suppliers) best = Math.max(best, link(s, buyer));
        return best;
    }

    public int size() {
        return n;
    }
}
