package org.klaster.data.store;

import org.klaster.complexity.CandidateProducers;

/**
 * One stored establishment of a firm-level dataset.
 *
 * @param id         the firm id as stored
 * @param name       the firm's name, or null when the data give none
 * @param region     region code
 * @param industry   industry code
 * @param employment persons employed
 * @param lat        latitude, NaN when unknown
 * @param lon        longitude, NaN when unknown
 */
public record Establishment(String id, String name, String region, String industry, double employment, double lat,
                            double lon) {

    /** The establishment as the candidate-producer engine takes it (without the name). */
    public CandidateProducers.Establishment forEngine() {
        return new CandidateProducers.Establishment(id, region, industry, employment, lat, lon);
    }

    /** The name when there is one, else the id: what to show a person. */
    public String label() {
        return name == null || name.isBlank() ? id : name;
    }
}
