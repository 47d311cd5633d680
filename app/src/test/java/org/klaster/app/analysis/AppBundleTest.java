package org.klaster.app.analysis;

import java.util.Set;
import java.util.regex.Pattern;
import org.klaster.BundleContract;

/**
 * The app's bundle ({@link Messages#BUNDLE}) keeps the {@link BundleContract}. Its keys are partly
 * composed at run time (a column's {@code col.NAME}, a unit's {@code unit.X}, a section's
 * {@code footer.methods.X}), so usage is checked one way: every key the code names exists.
 */
class AppBundleTest extends BundleContract {

    /** Texts that read the same in both languages: acronyms and codes. */
    private static final Set<String> SAME = Set.of("col.lq", "col.rca", "col.eci", "col.pci", "col.coi", "col.cog",
            "col.sha256", "value.lq", "opp.kpi.eci", "opp.col.eci", "opp.col.pci", "opp.col.cog", "opp.col.coi", "opp.col.rca",
            "footer.api", "opp.space.held", "opp.space.other", "unit.currency.RUB", "unit.currency.USD", "unit.currency.EUR", "unit.currency.CNY",
            "sov.region.flq");

    @Override
    protected String english() {
        return "/org/klaster/app/messages.properties";
    }

    @Override
    protected String russian() {
        return "/org/klaster/app/messages_ru.properties";
    }

    @Override
    protected Pattern keyCall() {
        return Pattern.compile("(?:Messages\\.text|\\bm\\.get|\\bm\\.format|msg\\.get|msg\\.format|\\.t|\\.f)\\(\\s*\"([a-zA-Z0-9_.]+[a-zA-Z0-9])\"");
    }

    @Override
    protected boolean everyKeyIsUsed() {
        return false;
    }

    @Override
    protected boolean sameInBothLanguages(String key, String text) {
        return SAME.contains(key) || !text.matches("(?s).*\\p{L}{3,}.*");
    }
}
