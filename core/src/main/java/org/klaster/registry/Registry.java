package org.klaster.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a registry folder holds (formats.md §6), in file order. The reader guarantees what the
 * format promises (unique INNs, known INNs in memberships and contracts, no contract with oneself); the
 * engine relies on it.
 *
 * @param projects joint R&amp;D projects (the optional {@code projects*} files), possibly none
 */
public record Registry(List<Organisation> organisations, List<Cluster> clusters, List<Membership> memberships,
                       List<Contract> contracts, List<AnnualFacts> facts, List<Offer> offers, List<Project> projects) {

    public Registry {
        organisations = List.copyOf(organisations);
        clusters = List.copyOf(clusters);
        memberships = List.copyOf(memberships);
        contracts = List.copyOf(contracts);
        facts = List.copyOf(facts);
        offers = List.copyOf(offers);
        projects = List.copyOf(projects);
    }

    /** A registry without projects. */
    public Registry(List<Organisation> organisations, List<Cluster> clusters, List<Membership> memberships,
                    List<Contract> contracts, List<AnnualFacts> facts, List<Offer> offers) {
        this(organisations, clusters, memberships, contracts, facts, offers, List.of());
    }

    /** The projects of one cluster, in file order. */
    public List<Project> projectsOf(String cluster) {
        return projects.stream().filter(p -> p.cluster().equals(cluster)).toList();
    }

    /** Organisations by INN. */
    public Map<String, Organisation> byInn() {
        Map<String, Organisation> m = new LinkedHashMap<>();
        for (Organisation o : organisations) m.put(o.inn(), o);
        return Collections.unmodifiableMap(m);
    }

    /** The cluster with this id, or null. */
    public Cluster cluster(String id) {
        for (Cluster c : clusters) if (c.id().equals(id)) return c;
        return null;
    }
}
