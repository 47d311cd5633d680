package org.klaster.mapping;

/**
 * One output row of {@code klaster map} (formats.md §5): a region × category cell with E_rc &gt; 0.
 *
 * @param employment         E_rc in {@code year}
 * @param share              E_rc / E_r (focus)
 * @param lq                 (E_rc / E_r) / (E_c / E)
 * @param sizeStar           1 when E_rc is in the top 10 % of the category's regions, else 0
 * @param specialisationStar 1 when LQ ≥ 2, else 0
 * @param focusStar          1 when the share is in the top 10 % of the category's regions, else 0
 * @param stars              the sum of the three stars (0–3)
 * @param strong             strong cluster ({@link StrongClusters})
 * @param shift              shift-share against the base year, or {@code null} without one
 */
public record MappingRow(String region, String category, int year, double employment, double share,
                         double lq, int sizeStar, int specialisationStar, int focusStar, int stars,
                         boolean strong, ShiftShareRow shift) {
}
