package org.klaster.data.store;

import java.util.List;
import org.klaster.complexity.CandidateProducers;

/**
 * A region's establishments of a firm-level dataset in one year ({@link Store#establishments}).
 *
 * @param datasetId     the firm-level dataset
 * @param region        the region asked for
 * @param requestedYear the year asked for
 * @param year          the year the rows are of: {@code requestedYear} when the region has firms in it,
 *                      else the latest year it has; 0 when the region has no firms at all
 * @param rows          the establishments, in firm-id order (empty when {@code year} is 0)
 */
public record Establishments(String datasetId, String region, int requestedYear, int year, List<Establishment> rows) {

    public Establishments {
        rows = List.copyOf(rows);
    }

    /** Whether another year than the one asked for was used (the region has no firms in {@code requestedYear}). */
    public boolean otherYear() {
        return year != 0 && year != requestedYear;
    }

    /** Whether the region has no firms in the dataset at all. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The rows as the candidate-producer engine takes them. */
    public List<CandidateProducers.Establishment> forEngine() {
        return rows.stream().map(Establishment::forEngine).toList();
    }
}
