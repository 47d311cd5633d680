package org.klaster.dependency;

import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Cut-offs of the dependency screen (methods.md §3). Every comparison is strict: a value equal to
 * its threshold does not meet it.
 *
 * @param importHhi          import concentration must exceed this (default 0.4)
 * @param importExportRatio  imports / exports must exceed this (default 1)
 * @param importReliance     imports / apparent consumption must exceed this when known (default 0.5)
 * @param worldExportHhi     world export concentration must exceed this when known (default 0.4)
 */
public record Thresholds(double importHhi, double importExportRatio, double importReliance, double worldExportHhi) {

    /** The defaults of methods.md §3 (European Commission SWD(2021) 352). */
    public static final Thresholds DEFAULTS = new Thresholds(0.4, 1.0, 0.5, 0.4);

    public Thresholds {
        check("dependency.name.import.hhi", importHhi);
        check("dependency.name.import.export.ratio", importExportRatio);
        check("dependency.name.import.reliance", importReliance);
        check("dependency.name.world.export.hhi", worldExportHhi);
    }

    private static void check(String nameKey, double v) {
        if (Double.isNaN(v)) {
            throw new InvalidParameterException(Text.core("dependency.threshold.nan", Text.core(nameKey)));
        }
    }
}
