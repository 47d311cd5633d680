package org.klaster.data.formats;

import java.util.regex.Pattern;
import org.klaster.BundleContract;

/** The data bundle ({@link DataText#BUNDLE}) keeps the {@link BundleContract}. */
class DataBundleTest extends BundleContract {

    @Override
    protected String english() {
        return "/org/klaster/data/messages.properties";
    }

    @Override
    protected String russian() {
        return "/org/klaster/data/messages_ru.properties";
    }

    @Override
    protected Pattern keyCall() {
        return Pattern.compile("(?:DataText\\.)?data\\(\\s*\"([^\"]+)\"");
    }
}
