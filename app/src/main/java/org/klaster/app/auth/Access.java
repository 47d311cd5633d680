package org.klaster.app.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.klaster.data.store.Role;

/**
 * The access rule of one route: every route is registered with exactly one (the web's {@code Routes}
 * makes it a required argument), and one check enforces them all before any handler runs.
 *
 * <ul>
 *   <li>{@link #PUBLIC}: everybody (the sign-in page, static files, the API description).</li>
 *   <li>{@link #ANALYSES}: analyses of the datasets — anybody while the administrator allows public
 *       analyses ({@code PlatformStore#publicAnalyses}, on by default), else any signed-in role.</li>
 *   <li>{@link #SIGNED_IN}: any signed-in role.</li>
 *   <li>{@link #roles}/{@link #of(Permission)}/{@link #ADMIN}: signed in with one of those roles.</li>
 *   <li>{@link #ownCluster}: the cluster manager of the cluster the path parameter names, or a role that
 *       may act on every cluster (administrator unless told otherwise).</li>
 *   <li>{@link #ownOrganisation}: the participant of the organisation (INN) the path parameter names, or
 *       a role that may act on every organisation (administrator unless told otherwise).</li>
 * </ul>
 *
 * @param kind  which of the rules above
 * @param roles the roles allowed (ROLES), or allowed whatever the cluster/organisation (OWN_*)
 * @param param the path parameter naming the cluster or organisation (OWN_*), else null
 */
public record Access(Kind kind, Set<Role> roles, String param) {

    /** The rule's kind. */
    public enum Kind { PUBLIC, ANALYSES, SIGNED_IN, ROLES, OWN_CLUSTER, OWN_ORGANISATION }

    /** What the check answers. */
    public enum Decision {
        /** go on */
        ALLOW,
        /** nobody is signed in and someone must be: sign in first (302 to the sign-in page, 401 for the API) */
        SIGN_IN,
        /** signed in, but this role (or account) may not (403) */
        FORBID
    }

    public static final Access PUBLIC = new Access(Kind.PUBLIC, Set.of(), null);
    public static final Access ANALYSES = new Access(Kind.ANALYSES, Set.of(), null);
    public static final Access SIGNED_IN = new Access(Kind.SIGNED_IN, Set.of(), null);
    public static final Access ADMIN = roles(Role.ADMINISTRATOR);

    public Access {
        Objects.requireNonNull(kind);
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (kind == Kind.ROLES && roles.isEmpty()) throw new IllegalArgumentException("a ROLES rule names at least one role");
        if ((kind == Kind.OWN_CLUSTER || kind == Kind.OWN_ORGANISATION) == (param == null)) {
            throw new IllegalArgumentException("OWN_CLUSTER and OWN_ORGANISATION name a path parameter, the others none");
        }
    }

    /** Signed in with one of these roles. */
    public static Access roles(Role... roles) {
        return new Access(Kind.ROLES, Set.of(roles), null);
    }

    /** Signed in with a role holding the permission. */
    public static Access of(Permission p) {
        return new Access(Kind.ROLES, p.roles(), null);
    }

    /** The manager of the cluster named by path parameter {@code param}, or an administrator. */
    public static Access ownCluster(String param) {
        return ownCluster(param, Role.ADMINISTRATOR);
    }

    /** The manager of the cluster named by {@code param}, or any of {@code everyCluster}. */
    public static Access ownCluster(String param, Role... everyCluster) {
        return new Access(Kind.OWN_CLUSTER, Set.of(everyCluster), param);
    }

    /** The participant of the organisation (INN) named by path parameter {@code param}, or an administrator. */
    public static Access ownOrganisation(String param) {
        return ownOrganisation(param, Role.ADMINISTRATOR);
    }

    /** The participant of the organisation named by {@code param}, or any of {@code everyOrganisation}. */
    public static Access ownOrganisation(String param, Role... everyOrganisation) {
        return new Access(Kind.OWN_ORGANISATION, Set.of(everyOrganisation), param);
    }

    /**
     * Whether {@code who} may go on.
     *
     * @param pathParam      the request's path parameters (null when absent)
     * @param publicAnalyses whether the administrator allows analyses without signing in
     */
    public Decision decide(Principal who, UnaryOperator<String> pathParam, boolean publicAnalyses) {
        boolean in = who != null && who.signedIn();
        boolean allowed = switch (kind) {
            case PUBLIC -> true;
            case ANALYSES -> in || publicAnalyses;
            case SIGNED_IN -> in;
            case ROLES -> in && roles.contains(who.role());
            case OWN_CLUSTER -> in && (roles.contains(who.role()) || who.manages(pathParam.apply(param)));
            case OWN_ORGANISATION -> in && (roles.contains(who.role()) || who.represents(pathParam.apply(param)));
        };
        return allowed ? Decision.ALLOW : in ? Decision.FORBID : Decision.SIGN_IN;
    }

    /** The rule in a few words, as docs/security.md's table gives it. */
    @Override
    public String toString() {
        String r = roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        return switch (kind) {
            case PUBLIC -> "public";
            case ANALYSES -> "analyses";
            case SIGNED_IN -> "signed in";
            case ROLES -> r;
            case OWN_CLUSTER -> "manager of {" + param + "}" + (r.isEmpty() ? "" : ", " + r);
            case OWN_ORGANISATION -> "participant of {" + param + "}" + (r.isEmpty() ? "" : ", " + r);
        };
    }
}
