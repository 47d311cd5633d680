package org.klaster.dependency;

/**
 * One output row of {@code klaster dependency} (formats.md §5): reporter R, product, year.
 * Undefined values are {@link Double#NaN} (printed empty); an import/export ratio with zero exports
 * and positive imports is {@link Double#POSITIVE_INFINITY} (printed {@code inf}).
 * {@code topPartner} is {@code null} when R has no imports (from partners outside the group).
 */
public record DependencyRow(String product, int year, double imports, double exports, double importHhi,
                            double worldExportHhi, double importExportRatio, double importReliance,
                            boolean dependent, boolean persistent, String topPartner, double topPartnerShare) {
}
