package org.klaster.complexity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.klaster.InvalidParameterException;
import org.klaster.Text;

/**
 * Who in a region could make an opportunity industry (docs/methods-opportunities.md): the region's
 * establishments in the industry itself and in its related industries the region already has
 * ({@link Opportunities.Row#relatedPresent()}), largest employment first. An establishment belongs
 * to an industry code when its own code is that code or below it ({@link Opportunities#within}), so
 * firm records at class level (26.11) match an activity industry at division level (26).
 */
public final class CandidateProducers {

    private CandidateProducers() {
    }

    /**
     * One establishment (a row of the firms table, formats.md §1).
     *
     * @param lat latitude, NaN when not given
     * @param lon longitude, NaN when not given
     */
    public record Establishment(String id, String region, String industry, double employment, double lat, double lon) {
    }

    /**
     * An establishment proposed as a producer of {@code opportunity}.
     *
     * @param opportunity   the opportunity industry
     * @param via           the industry through which it is proposed: the opportunity itself or a related one
     * @param proximity     φ between the opportunity and {@code via} (NaN when {@code via} is the opportunity)
     * @param establishment the establishment
     */
    public record Candidate(String opportunity, String via, double proximity, Establishment establishment) {

        /** Whether the establishment is already in the opportunity industry. */
        public boolean sameIndustry() {
            return via.equals(opportunity);
        }
    }

    /**
     * The region's establishments in {@code industry} or in one of {@code related}, by employment
     * descending (ties: id), at most {@code top}. An establishment that falls under several of the
     * codes is proposed through the first of: the industry, then the related ones in the given order.
     *
     * @throws IllegalArgumentException when {@code top} is negative or an establishment of the region has
     *                                  a negative or non-finite employment (named)
     */
    public static List<Candidate> of(Collection<Establishment> establishments, String region, String industry,
                                     List<Opportunities.Related> related, int top) {
        Objects.requireNonNull(establishments, "establishments");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(industry, "industry");
        Objects.requireNonNull(related, "related");
        if (top < 0) {
            throw new InvalidParameterException(Text.core("candidates.top.negative", top));
        }
        List<Candidate> out = new ArrayList<>();
        for (Establishment e : establishments) {
            if (!region.equals(e.region())) {
                continue;
            }
            if (!Double.isFinite(e.employment()) || e.employment() < 0) {
                throw new InvalidParameterException(Text.core("candidates.employment.invalid", e.id(), Text.plain(e.employment())));
            }
            if (Opportunities.within(e.industry(), industry)) {
                out.add(new Candidate(industry, industry, Double.NaN, e));
                continue;
            }
            for (Opportunities.Related r : related) {
                if (Opportunities.within(e.industry(), r.industry())) {
                    out.add(new Candidate(industry, r.industry(), r.proximity(), e));
                    break;
                }
            }
        }
        out.sort(Comparator.comparingDouble((Candidate x) -> x.establishment().employment()).reversed()
                .thenComparing(x -> x.establishment().id()));
        return out.size() > top ? List.copyOf(out.subList(0, top)) : List.copyOf(out);
    }
}
