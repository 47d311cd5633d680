/**
 * Cluster mapping (methods.md §1): location quotients, European Cluster Observatory stars, strong
 * clusters and shift-share for region × category employment.
 *
 * <p>The engines ({@link org.klaster.mapping.LocationQuotient}, {@link org.klaster.mapping.RankRule},
 * {@link org.klaster.mapping.ClusterStars}, {@link org.klaster.mapping.StrongClusters},
 * {@link org.klaster.mapping.ShiftShare}) are pure static functions on {@code double[r][c]} matrices
 * (rows = regions, columns = categories). {@link org.klaster.mapping.ClusterMapping} is the only place
 * where labels are turned into indices and back.
 */
package org.klaster.mapping;
