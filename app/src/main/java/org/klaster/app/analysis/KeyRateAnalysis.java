package org.klaster.app.analysis;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.InvalidParameterException;
import org.klaster.Text;
import org.klaster.finance.KeyRate;
import org.klaster.registry.Confidence;

/**
 * {@code klaster finance key-rate} (docs/methods-finance.md "Key rate"): the CBR key-rate series — the project's or a
 * user's file — in the file's own columns {@code effective_date,rate,source,confidence} (rate in percent a year), so
 * that the CSV written with {@code --out} is a series {@code --key-rate} reads back; with a change added (extending
 * the series), or only the change in force on a day.
 */
public final class KeyRateAnalysis {

    public static final String ID = "finance.key_rate";

    private KeyRateAnalysis() {
    }

    public static Schema<KeyRate.Change> schema() {
        return Schema.<KeyRate.Change>builder(ID, "KeyRateRow")
                .text("effective_date", c -> c.effective().toString())
                .number("rate", Unit.NONE, c -> Math.round(c.rate() * 1e8) / 1e6)
                .text("source", KeyRate.Change::source)
                .text("confidence", c -> c.confidence().name())
                .build();
    }

    /** A change to add as typed: date, rate (0.155 or 15.5%), source, confidence (default S: the user's word). */
    public static KeyRate.Change change(String date, String rate, String source, String confidence) {
        LocalDate d = ComplianceAnalysis.date("add", date);
        double r = Param.shareOrPercent("add", rate);
        if (source == null || source.isBlank()) throw UserException.badParameter("source", Messages.text("param.required"));
        Confidence c = confidence == null ? Confidence.S : Confidence.parse(confidence);
        if (c == null) throw UserException.badParameter("confidence", Messages.text("finance.keyrate.confidence", Param.shorten(confidence)));
        try {
            return new KeyRate.Change(d, r, source.strip(), c);
        } catch (InvalidParameterException e) {
            throw UserException.badParameter("add", e.text());
        }
    }

    /**
     * @param add  a change to add, or null
     * @param asOf only the change in force on that day, or null for the whole series
     */
    public static Table<KeyRate.Change> run(Path file, KeyRate.Change add, LocalDate asOf) {
        EligibilityAnalysis.KeyRateInput k = EligibilityAnalysis.keyRate(file);
        KeyRate series = k.keyRate();
        List<Text> notes = new ArrayList<>();
        if (add != null) {
            try {
                series = series.with(add);
            } catch (InvalidParameterException e) {
                throw UserException.badParameter("add", e.text());
            }
            notes.add(Messages.text("finance.keyrate.added", add.effective().toString(), Text.fixed(100 * add.rate(), 2), k.name()));
        }
        List<KeyRate.Change> rows;
        if (asOf != null) {
            try {
                rows = List.of(series.on(asOf));
            } catch (InvalidParameterException e) {
                throw UserException.badParameter("as_of", e.text());
            }
            notes.add(Messages.text("finance.keyrate.on", asOf.toString(), Text.fixed(100 * rows.get(0).rate(), 2),
                    rows.get(0).effective().toString()));
        } else {
            rows = series.changes();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("key_rate", k.name());
        params.put("key_rate_sha256", k.keyRate().version());
        if (add != null) params.put("add", add.effective() + "=" + add.rate());
        if (asOf != null) params.put("as_of", asOf.toString());
        return new Table<>(schema(), rows, false,
                new Provenance(ID, List.of(Provenance.Input.file("key_rate", k.name(), k.keyRate().version())), params, null),
                k.warnings(), notes, Map.of());
    }
}
