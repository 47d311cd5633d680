package org.klaster.registry;

import java.time.LocalDate;
import org.klaster.Text;

/**
 * One line of a compliance report: a requirement judged for one subject (formats.md §5 columns
 * {@code requirement,subject,value,threshold,passed,exempt,rule_valid_from,confidence}).
 *
 * @param subject       {@code cluster} or a participant's INN
 * @param value         the measured count or share (NaN when it cannot be measured)
 * @param threshold     what the rule in force asks for
 * @param exempt        a newcomer exempt from this per-participant rule (then {@code passed} is true)
 * @param ruleValidFrom the {@code valid_from} of the rule row the verdict used (the latest, when it used several)
 * @param confidence    the weakest mark of those rule rows
 * @param note          why it failed and the smallest fix, or why it is exempt; null otherwise
 * @param fix           for a failed row the smallest fix in the value's own terms: the missing number of
 *                      contracts or participants, or the inside value in thousand RUB that reaches the
 *                      threshold; NaN otherwise (or when no fix can be computed)
 */
public record ComplianceRow(String requirement, String subject, double value, double threshold, boolean passed,
                            boolean exempt, LocalDate ruleValidFrom, Confidence confidence, Text note, double fix) {

    /** The subject of cluster-wide requirements. */
    public static final String CLUSTER = "cluster";
}
