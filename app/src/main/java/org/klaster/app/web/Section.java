package org.klaster.app.web;

import java.util.List;

/**
 * A top-level section of the workbench (one entry in the header navigation). A section that is not
 * yet available is shown as "coming later" and is not a link; enabling one is one line in {@link #ALL}
 * plus its routes in {@link WebApp}.
 *
 * @param id        stable identifier, also the message key suffix ({@code section.ID}) and CSS hook
 * @param path      the section's home page
 * @param available whether it is implemented
 */
public record Section(String id, String path, boolean available) {

    public static final Section MAPPING = new Section("mapping", "/mapping", true);
    public static final Section SOVEREIGNTY = new Section("sovereignty", "/sovereignty", true);
    public static final Section OPPORTUNITIES = new Section("opportunities", "/opportunities", true);
    public static final Section REGISTRY = new Section("registry", "/registry", true);
    /** Partner matchmaking on the registry's needs and competences. */
    public static final Section COOPERATION = new Section("cooperation", "/cooperation", true);
    public static final Section FINANCE = new Section("finance", "/finance", true);
    public static final Section LOGISTICS = new Section("logistics", "/logistics", false);
    /** Not in the main navigation order but a page of its own: datasets, uploads, provenance. */
    public static final Section DATA = new Section("data", "/datasets", true);

    /** Signing in and the administrator's pages: in no navigation, shown from the header's account links. */
    public static final Section ACCOUNT = new Section("account", "/signin", true);

    /** The navigation, in order. */
    public static final List<Section> ALL = List.of(MAPPING, SOVEREIGNTY, OPPORTUNITIES, REGISTRY, COOPERATION, FINANCE, LOGISTICS, DATA);

    public String messageKey() {
        return "section." + id;
    }
}
