/**
 * The cluster registry (formats.md §6 of the project's docs) and the Decree 779 compliance check
 * (docs/methods-registry.md): records of organisations, clusters, memberships, cooperation contracts and
 * annual facts; rules as dated data ({@link org.klaster.registry.Rule}, {@link org.klaster.registry.RuleSet});
 * the engine {@link org.klaster.registry.Compliance}; and the identifier checks of Russian company numbers
 * ({@link org.klaster.registry.Identifiers}). Pure: no files, no database.
 */
package org.klaster.registry;
