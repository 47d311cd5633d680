package org.klaster.registry;

import java.util.List;
import java.util.Objects;

/**
 * One cluster ({@code clusters.csv}).
 *
 * @param regions                  ISO 3166-2:RU codes
 * @param specialisation           OKVED2 codes
 * @param specialisedOrganisation  the INN of its specialised organisation, or empty
 */
public record Cluster(String id, String name, ClusterType type, List<String> regions, List<String> specialisation,
                      String specialisedOrganisation) {

    public Cluster {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        regions = List.copyOf(regions);
        specialisation = List.copyOf(specialisation);
        specialisedOrganisation = specialisedOrganisation == null ? "" : specialisedOrganisation;
    }
}
