package org.klaster;

import java.util.Set;
import java.util.regex.Pattern;

/** The core bundle ({@link Text#CORE}) keeps the {@link BundleContract}. */
class CoreBundleTest extends BundleContract {

    @Override
    protected String english() {
        return "/org/klaster/messages.properties";
    }

    @Override
    protected String russian() {
        return "/org/klaster/messages_ru.properties";
    }

    @Override
    protected Pattern keyCall() {
        return Pattern.compile("Text\\.core\\(\\s*\"([^\"]+)\"");
    }

    /** Keys built from a literal stem plus a suffix in code (Productivity.message). */
    @Override
    protected Set<String> composed() {
        return Set.of("io.not.productive.between", "io.not.productive.close.between");
    }
}
