package org.klaster.app.analysis;

import java.util.ArrayList;
import java.util.List;
import org.klaster.data.reference.DemoCategories;
import org.klaster.data.reference.FederalDistrict;
import org.klaster.data.reference.Okved2;
import org.klaster.data.reference.Region;
import org.klaster.data.reference.Regions;

/** The project's reference tables (regions, cluster categories, OKVED2) as the web layer sees them. */
public final class Reference {

    private Reference() {
    }

    /** The 83 federal subjects with names, districts, capitals and tile-grid positions. */
    public static RegionCatalog regions() {
        List<RegionInfo> out = new ArrayList<>();
        for (Region r : Regions.all()) {
            String fdRu = Regions.federalDistrict(r.federalDistrict()).map(FederalDistrict::nameRu).orElse(r.federalDistrict());
            String fdEn = Regions.federalDistrict(r.federalDistrict()).map(FederalDistrict::nameEn).orElse(r.federalDistrict());
            out.add(new RegionInfo(r.iso(), r.nameRu(), r.nameEn(), fdRu, fdEn, r.capitalLat(), r.capitalLon(),
                    r.population() * 1000L, r.gridRow(), r.gridCol()));
        }
        return new RegionCatalog(out);
    }

    /** A category's name: a demo cluster category, else an OKVED2 division or group; null when unknown. */
    public static String categoryName(String code, Lang lang) {
        var c = DemoCategories.byId(code);
        if (c.isPresent()) return c.get().name(lang.name());
        return Okved2.name(code, lang.name()).orElse(null);
    }

    /** An OKVED2 division's name in a language; null when the code is not a division. */
    public static String divisionName(String code, Lang lang) {
        return Okved2.division(code).map(d -> lang == Lang.ru ? d.nameRu() : d.nameEn()).orElse(null);
    }
}
