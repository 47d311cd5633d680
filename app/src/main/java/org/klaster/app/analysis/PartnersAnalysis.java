package org.klaster.app.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.klaster.dependency.PartnerShares;

/**
 * Sovereignty → Import dependency → partners of one product: the reporter's imports of the product in a
 * year by partner, largest first, with each partner's share (the terms of the import HHI).
 */
public final class PartnersAnalysis {

    public static final String ID = "dependency.partners";

    private PartnersAnalysis() {
    }

    public static Schema<PartnerShares.Share> schema(Names names) {
        return Schema.<PartnerShares.Share>builder(ID, "PartnerShare")
                .text("partner", PartnerShares.Share::partner)
                .name("partner_name", r -> names.countryOrNull(r.partner()))
                .number("imports", Unit.MONEY, PartnerShares.Share::imports)
                .optionalNumber("share", Unit.SHARE, PartnerShares.Share::share)
                .build();
    }

    /** The partners of {@code product} in {@code year} under the screen's reporter and excluded group. */
    public static Table<PartnerShares.Share> run(DependencyAnalysis.Screen s, String product, int year, Names names,
                                                 boolean withNames) {
        List<PartnerShares.Share> shares = PartnerShares.of(s.trade().data().flows(), s.reporter(), product, year, s.excluded());
        double total = 0;
        double hhi = 0;
        for (PartnerShares.Share x : shares) {
            total += x.imports();
            if (!Double.isNaN(x.share())) hhi += x.share() * x.share();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("reporter", s.reporter());
        params.put("product", product);
        params.put("year", year);
        params.put("outside", s.group());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("imports", total);
        summary.put("import_hhi", total > 0 ? hhi : Double.NaN);
        return new Table<>(schema(names), shares, withNames,
                new Provenance(ID, List.of(s.trade().input()), params, s.trade().units()), List.of(), List.of(), summary);
    }
}
