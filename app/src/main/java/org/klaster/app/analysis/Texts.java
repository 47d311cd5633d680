package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.List;
import org.klaster.Text;

/** Lists of sentences from modules that hand out {@link Text} (or, from older code paths, plain strings). */
public final class Texts {
    private Texts() {
    }

    /** Each element as a Text; a plain string is kept as it is in every language. */
    public static List<Text> of(List<?> items) {
        List<Text> out = new ArrayList<>(items.size());
        for (Object o : items) out.add(of(o));
        return out;
    }

    /** The sentence of an exception: its Text when it has one, else its message as it is. */
    public static Text of(Throwable e) {
        if (e instanceof org.klaster.Localizable l && l.text() != null) return l.text();
        return of((Object) (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    public static Text of(Object o) {
        return o instanceof Text t ? t : Messages.text("plain", String.valueOf(o));
    }
}
