package org.klaster.app.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;
import org.klaster.app.analysis.Provenance;
import org.klaster.app.analysis.Table;
import org.klaster.app.auth.Permission;
import org.klaster.app.auth.Principal;
import org.klaster.data.store.Dataset;

/**
 * What every page's frame needs (template {@code layout.jte}): language and texts, the section
 * navigation, the dataset picker (offering only datasets the page can read) and provenance, the
 * section's methods and attributions, links that keep the chosen dataset, and the refused parameters
 * to show next to their controls.
 */
public final class Shell {

    private final Messages msg;
    private final Section section;
    private final String title;
    private final List<Dataset> datasets;
    private final Dataset dataset;
    private final String path;
    private final String pickerAction;
    private final Map<String, String> query;
    private final Workbench wb;
    private final Map<String, String> errors;
    private final Set<String> controls = new LinkedHashSet<>();
    private final List<Provenance.Input> inputs = new ArrayList<>();
    private String units;
    private boolean anySynthetic;
    private Principal user = Principal.ANONYMOUS;
    private String signOutToken;

    Shell(Messages msg, Section section, String title, List<Dataset> datasets, Dataset dataset, String path,
          String pickerAction, Map<String, String> query, Workbench wb, Map<String, String> errors) {
        this.msg = msg;
        this.section = section;
        this.title = title;
        this.datasets = List.copyOf(datasets);
        this.dataset = dataset;
        this.path = path;
        this.pickerAction = pickerAction;
        this.query = new LinkedHashMap<>(query);
        this.wb = wb;
        this.errors = errors;
    }

    public Messages msg() {
        return msg;
    }

    public Lang lang() {
        return msg.lang();
    }

    public Section section() {
        return section;
    }

    public String title() {
        return title;
    }

    /** Datasets the picker offers: those the page can read. */
    public List<Dataset> datasets() {
        return datasets;
    }

    public Dataset dataset() {
        return dataset;
    }

    public String path() {
        return path;
    }

    /** Where the dataset picker submits (a region page of one dataset may not exist in another). */
    public String pickerAction() {
        return pickerAction;
    }

    /** Shorthand for templates: the text of a message key. */
    public String t(String key) {
        return msg.get(key);
    }

    public String f(String key, Object... args) {
        return msg.format(key, args);
    }

    public List<Section> sections() {
        return Section.ALL;
    }

    /** Whether the page shows synthetic data: its dataset, or any input of its results. */
    public boolean synthetic() {
        return anySynthetic || (dataset != null && dataset.synthetic()) || inputs.stream().anyMatch(Provenance.Input::synthetic);
    }

    /** Marks a page that lists synthetic datasets among others (the Data page). */
    public Shell listsSynthetic(boolean any) {
        this.anySynthetic = any;
        return this;
    }

    public String datasetId() {
        return dataset == null ? null : dataset.id();
    }

    // ------------------------------------------------------------------ who is signed in

    /**
     * The request's principal, for the header (name, role, "Sign out"). A signed-in page carries the sign-out
     * form's CSRF token; anonymous pages carry none, so they stay the same for every visitor (and cacheable).
     */
    Shell user(io.javalin.http.Context ctx) {
        this.user = Auth.user(ctx);
        this.signOutToken = user.signedIn() ? Security.token(ctx) : null;
        return this;
    }

    public Principal user() {
        return user;
    }

    /** The signed-in user's role in this language, or null. */
    public String roleLabel() {
        return user.signedIn() ? msg.get("role." + user.role().label()) : null;
    }

    public String signOutToken() {
        return signOutToken;
    }

    /** Whether the header links to the accounts page. */
    public boolean admin() {
        return user.may(Permission.MANAGE_ACCOUNTS);
    }

    /** Whether the header (and the compliance report) link to the rules page. */
    public boolean rulesEditor() {
        return user.may(Permission.EDIT_RULES);
    }

    /** The sign-in link, back to this page afterwards. */
    public String signInUrl() {
        return path == null || path.equals("/") || path.startsWith("/signin") ? "/signin" : "/signin?next=" + enc(path);
    }

    // ------------------------------------------------------------------ errors next to controls

    /** Declares the parameters this page has controls for (their errors show next to them). */
    public Shell controls(String... names) {
        controls.addAll(List.of(names));
        return this;
    }

    /** The refused value's message for a control, or null. */
    public String error(String param) {
        return errors.get(param);
    }

    /** Refused parameters without a control on this page (shown at the top). */
    public List<String> otherErrors() {
        List<String> out = new ArrayList<>();
        errors.forEach((k, v) -> {
            if (!controls.contains(k)) out.add(msg.format("error.param", label(k), v));
        });
        return out;
    }

    private String label(String param) {
        String key = "param." + param + ".label";
        return msg.has(key) ? msg.get(key) : param;
    }

    // ------------------------------------------------------------------ provenance

    /** Adds the inputs and the money unit of a result shown on the page to the footer. */
    public Shell shows(Table<?> t) {
        for (Provenance.Input in : t.provenance().inputs()) if (!inputs.contains(in)) inputs.add(in);
        if (units == null) units = t.moneyUnit();
        return this;
    }

    /** Adds an input that is shown without a result table (a registry page's forms, its audit trail). */
    public Shell input(Provenance.Input in) {
        if (!inputs.contains(in)) inputs.add(in);
        return this;
    }

    /** One line per input shown (the chosen dataset when nothing else was recorded). */
    public List<String> provenance() {
        List<String> out = new ArrayList<>();
        List<Dataset> shown = new ArrayList<>();
        for (Provenance.Input in : inputs) if (in.dataset() != null && !shown.contains(in.dataset())) shown.add(in.dataset());
        if (shown.isEmpty() && dataset != null) shown.add(dataset);
        for (Dataset d : shown) out.add(provenance(d));
        // inputs that are no dataset: the platform store's registry, a rules version or file
        for (Provenance.Input in : inputs) {
            if (in.dataset() == null) out.add(msg.format("footer.input." + (msg.has("footer.input." + in.role()) ? in.role() : "other"),
                    in.label()) + (in.synthetic() ? " (" + msg.get("dataset.demo") + ")" : ""));
        }
        if (out.isEmpty()) return List.of(msg.get("dataset.none"));
        return out;
    }

    private String provenance(Dataset d) {
        return msg.provenance(d);
    }

    /** The section's methods line for the footer. */
    public String methods() {
        return msg.get("footer.methods." + section.id());
    }

    /** The boundaries' credit: the imported file, or null when maps are a tile grid. */
    public String boundaries() {
        return wb == null ? null : wb.boundariesSource();
    }

    // ------------------------------------------------------------------ links

    /** A link within the workbench that keeps the current dataset; {@code kv} are extra name/value pairs (null values skipped). */
    public String url(String path, Object... kv) {
        Map<String, String> q = new LinkedHashMap<>();
        if (dataset != null) q.put("dataset", dataset.id());
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) q.put(kv[i].toString(), kv[i + 1].toString());
        }
        return build(path, q);
    }

    /**
     * A navigation link to a section: keeps the dataset only within the same section, since a dataset
     * of one kind (e.g. an input–output table) means nothing to another section.
     */
    public String navUrl(Section s) {
        return s.equals(section) ? url(s.path()) : s.path();
    }

    /** The current page in another language. */
    public String langUrl(Lang l) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.put("lang", l.name());
        return build(path, q);
    }

    /** The current page's view options for the picker form's hidden fields. */
    public Map<String, String> keep() {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.keySet().retainAll(List.of("metric", "map"));
        return q;
    }

    static String build(String path, Map<String, String> q) {
        StringBuilder sb = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : q.entrySet()) {
            sb.append(sep).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
