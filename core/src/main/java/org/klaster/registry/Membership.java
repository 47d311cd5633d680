package org.klaster.registry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An organisation's membership of a cluster ({@code memberships.csv}).
 *
 * @param left the day it left, or null while it is a member
 */
public record Membership(String cluster, String inn, LocalDate joined, LocalDate left) {

    public Membership {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(inn, "inn");
        Objects.requireNonNull(joined, "joined");
    }

    /** Whether it is a participant on {@code day}: joined on or before it and not left before it. */
    public boolean activeOn(LocalDate day) {
        return !joined.isAfter(day) && (left == null || !left.isBefore(day));
    }
}
