package org.klaster.app.analysis;

import java.util.List;
import org.klaster.complexity.CandidateProducers;

/**
 * A region's establishments of one year from a firms dataset, with the names the dataset gives them.
 *
 * @param year      the year they are of (the requested one, else the latest the region has; 0 when none)
 * @param requested the year that was asked for
 * @param names     firm id → name, for the establishments that have one
 */
public record Establishments(int year, int requested, List<CandidateProducers.Establishment> list,
                             java.util.Map<String, String> names) {

    public Establishments {
        list = List.copyOf(list);
        names = java.util.Map.copyOf(names);
    }

    public boolean otherYear() {
        return !list.isEmpty() && year != requested;
    }
}
