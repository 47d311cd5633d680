package org.klaster.app.web;

import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import java.util.Objects;
import java.util.Set;
import org.klaster.app.auth.Access;

/**
 * The only way WebApp registers a route: each with exactly one {@link Access} rule, a required argument,
 * so a route cannot be added without saying who may use it. The rule travels with the route as its
 * Javalin route role ({@link Rule}); {@link Auth#gate} enforces it before the handler, and a route that
 * somehow has none is refused (fail closed). {@code RoleMatrixTest} reads the rules back from the running
 * app and compares every route with its table.
 */
final class Routes {

    /** An access rule as Javalin carries it with a route. */
    record Rule(Access access) implements RouteRole {
        Rule {
            Objects.requireNonNull(access, "every route needs an access rule");
        }
    }

    private final JavalinDefaultRoutingApi routes;

    Routes(JavalinDefaultRoutingApi routes) {
        this.routes = routes;
    }

    Routes get(String path, Access access, Handler h) {
        routes.get(path, h, new Rule(access));
        return this;
    }

    Routes post(String path, Access access, Handler h) {
        routes.post(path, h, new Rule(access));
        return this;
    }

    Routes put(String path, Access access, Handler h) {
        routes.put(path, h, new Rule(access));
        return this;
    }

    Routes patch(String path, Access access, Handler h) {
        routes.patch(path, h, new Rule(access));
        return this;
    }

    Routes delete(String path, Access access, Handler h) {
        routes.delete(path, h, new Rule(access));
        return this;
    }

    /** The rule among a route's roles, or null when it has none or more than one (both refused). */
    static Access access(Set<RouteRole> roles) {
        Access found = null;
        for (RouteRole r : roles) {
            if (r instanceof Rule rule) {
                if (found != null) return null;
                found = rule.access();
            }
        }
        return found;
    }
}
