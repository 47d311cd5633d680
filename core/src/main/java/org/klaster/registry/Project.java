package org.klaster.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A joint R&amp;D project of a cluster ({@code projects.csv} and its four companion files, formats.md §10):
 * partners with their roles, the budget by partner and year, the technology readiness level now and targeted,
 * milestones and the products it targets. The reader and {@code ProjectPortfolio.check} guarantee what the
 * format promises (exactly one lead, known partners, levels 1–9 with target ≥ now, budgets ≥ 0 within the
 * project's years).
 *
 * @param trlNow    technology readiness level reached, 1–9
 * @param trlTarget level the project is to reach, trlNow–9
 * @param end       the planned end, or null when open
 * @param products  OKPD2 codes of the products it targets, possibly none
 */
public record Project(String id, String cluster, String title, int trlNow, int trlTarget, LocalDate start,
                      LocalDate end, List<Partner> partners, List<Budget> budgets, List<Milestone> milestones,
                      List<String> products) {

    /** The levels of technology readiness (1 = basic principles observed … 9 = proven in operation). */
    public static final int MIN_TRL = 1;
    public static final int MAX_TRL = 9;

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(start, "start");
        title = title == null ? "" : title;
        partners = List.copyOf(partners);
        budgets = List.copyOf(budgets);
        milestones = List.copyOf(milestones);
        products = List.copyOf(products);
    }

    /** The whole budget: every partner, every year (RUB). */
    public double budget() {
        double s = 0;
        for (Budget b : budgets) s += b.amount();
        return s;
    }

    /** The INN of the lead partner, or null when there is none. */
    public String lead() {
        for (Partner p : partners) if (p.role() == Role.LEAD) return p.inn();
        return null;
    }

    /** What a partner does in a project ({@code project_partners.csv} column {@code role}). */
    public enum Role {
        LEAD, INDUSTRIAL, RESEARCH, UNIVERSITY;

        /** The file's spelling: {@code lead}, {@code industrial}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The role written as {@code code} (case ignored), or null. */
        public static Role parse(String code) {
            for (Role r : values()) if (r.code().equalsIgnoreCase(code)) return r;
            return null;
        }

        public static List<String> codes() {
            return Arrays.stream(values()).map(Role::code).toList();
        }
    }

    /** An organisation taking part, by INN. */
    public record Partner(String inn, Role role) {
        public Partner {
            Objects.requireNonNull(inn, "inn");
            Objects.requireNonNull(role, "role");
        }
    }

    /** What a partner spends (or is granted) in a year, in RUB. */
    public record Budget(String inn, int year, double amount) {
        public Budget {
            Objects.requireNonNull(inn, "inn");
        }
    }

    /** A milestone: its date, what is to be done, whether it is. */
    public record Milestone(LocalDate date, String text, boolean done) {
        public Milestone {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(text, "text");
        }
    }
}
