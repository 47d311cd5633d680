package org.klaster.app.analysis;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The regions the workbench knows by ISO code, in the order of the project's region table. */
public final class RegionCatalog {

    private final Map<String, RegionInfo> byIso = new LinkedHashMap<>();
    private final int rows;
    private final int cols;

    public RegionCatalog(List<RegionInfo> regions) {
        int r = 0;
        int c = 0;
        for (RegionInfo info : regions) {
            byIso.put(info.iso(), info);
            r = Math.max(r, info.gridRow() + 1);
            c = Math.max(c, info.gridCol() + 1);
        }
        this.rows = r;
        this.cols = c;
    }

    public Collection<RegionInfo> all() {
        return byIso.values();
    }

    public Optional<RegionInfo> get(String iso) {
        return Optional.ofNullable(byIso.get(iso));
    }

    public boolean contains(String iso) {
        return byIso.containsKey(iso);
    }

    /** The display name of a region code, or the code itself for a region outside the table. */
    public String name(String iso, Lang lang) {
        RegionInfo r = byIso.get(iso);
        return r == null ? iso : r.name(lang);
    }

    public int gridRows() {
        return rows;
    }

    public int gridCols() {
        return cols;
    }
}
