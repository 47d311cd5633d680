package org.klaster.finance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.registry.Confidence;

/**
 * The CBR key rate as a dated series of changes (docs/methods-finance.md, "Key rate"): the rate on a day is the
 * rate of the last change effective on or before it. Before the first change there is no rate, and asking for one
 * is refused naming the day — a series that starts later must be extended, not guessed.
 *
 * @param changes the changes, sorted by effective date, no date twice
 * @param version names this series (the file's SHA-256), carried into every report
 */
public record KeyRate(List<Change> changes, String version) {

    /** A change of the rate, effective from {@code effective}; {@code rate} a fraction (0.16 = 16 % a year). */
    public record Change(LocalDate effective, double rate, String source, Confidence confidence) {

        public Change {
            Objects.requireNonNull(effective, "effective");
            Objects.requireNonNull(confidence, "confidence");
            if (!(rate >= 0 && rate <= 1)) throw new InvalidParameterException(Text.core("finance.keyrate.range", rate));
            source = source == null ? "" : source;
        }
    }

    public KeyRate {
        List<Change> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(Change::effective));
        if (sorted.isEmpty()) throw new InvalidParameterException(Text.core("finance.keyrate.empty"));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).effective().equals(sorted.get(i - 1).effective())) {
                throw new InvalidParameterException(Text.core("finance.keyrate.twice", sorted.get(i).effective().toString()));
            }
        }
        changes = List.copyOf(sorted);
        version = version == null ? "" : version;
    }

    /**
     * The change in force on {@code day}: the last one effective on or before it.
     *
     * @throws InvalidParameterException when {@code day} is before the first change
     */
    public Change on(LocalDate day) {
        Objects.requireNonNull(day, "day");
        Change in = null;
        for (Change c : changes) {
            if (c.effective().isAfter(day)) break;
            in = c;
        }
        if (in == null) {
            throw new InvalidParameterException(Text.core("finance.keyrate.before", day.toString(),
                    changes.get(0).effective().toString()));
        }
        return in;
    }

    /** The series with one more change; a date already in the series is refused (edit the file to correct it). */
    public KeyRate with(Change c) {
        for (Change o : changes) {
            if (o.effective().equals(c.effective())) {
                throw new InvalidParameterException(Text.core("finance.keyrate.twice", c.effective().toString()));
            }
        }
        List<Change> all = new ArrayList<>(changes);
        all.add(c);
        return new KeyRate(all, "");
    }
}
