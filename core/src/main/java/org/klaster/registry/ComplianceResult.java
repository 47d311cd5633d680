package org.klaster.registry;

import java.time.LocalDate;
import java.util.List;
import org.klaster.Text;

/**
 * A compliance report: the rows, the rule rows it used (the rules version a report must name), and what
 * the reader should know (requirements left out, data missing).
 */
public record ComplianceResult(String cluster, LocalDate asOf, int year, int participants, List<ComplianceRow> rows,
                               List<Rule> rulesUsed, List<Text> notes) {

    public ComplianceResult {
        rows = List.copyOf(rows);
        rulesUsed = List.copyOf(rulesUsed);
        notes = List.copyOf(notes);
    }

    /** Whether every row passed (an empty report — no rule in force — is not a pass). */
    public boolean compliant() {
        return !rows.isEmpty() && rows.stream().allMatch(ComplianceRow::passed);
    }

    public long failed() {
        return rows.stream().filter(r -> !r.passed()).count();
    }
}
