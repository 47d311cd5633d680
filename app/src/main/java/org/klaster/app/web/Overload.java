package org.klaster.app.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.klaster.app.analysis.Lang;
import org.klaster.app.analysis.Messages;

/**
 * What the server does when more requests arrive than it can work on: at most {@link #ACTIVE} GET requests
 * run at once (each may hold a rendered page of a megabyte or more, and two cores gain nothing from more);
 * the rest wait, suspended without a thread, in arrival order, up to {@link #WAIT}; beyond {@link #QUEUED}
 * waiting, or after waiting that long, a request is answered 503 with {@code Retry-After} and one sentence
 * in the visitor's language — the server sheds load instead of falling over. Uploads (POST) are not held
 * here: their size and the single writer bound them.
 */
final class Overload {

    /** Requests worked on at once. */
    static final int ACTIVE = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    /** Requests waiting at most; more are refused at once. */
    static final int QUEUED = 2000;
    /** Longest wait before a request is refused. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private Overload() {
    }

    /** Puts the limit in front of the application's handler (Javalin attaches its servlet inside it). */
    static void install(Server server) {
        install(server, ACTIVE, QUEUED, WAIT);
        // a stop (SIGTERM, Ctrl+C) lets requests under way finish for this long, then closes their connections
        server.setStopTimeout(ServeCommand.STOP_SECONDS * 1000L);
    }

    static QoSHandler install(Server server, int active, int queued, Duration wait) {
        QoSHandler qos = new Busy();
        qos.setMaxRequestCount(active);
        qos.setMaxSuspendedRequestCount(queued);
        qos.setMaxSuspend(wait);
        qos.excludeMethod("POST");
        server.insertHandler(qos);
        return qos;
    }

    /** Jetty's QoS handler answering with our sentence instead of its English error page. */
    private static final class Busy extends QoSHandler {

        @Override
        protected void reject(Request request, Response response, Callback callback, int status) {
            busy(request, response, callback);
        }

        @Override
        protected void failSuspended(Request request, Response response, Callback callback, int status, Throwable failure) {
            busy(request, response, callback);
        }
    }

    static void busy(Request request, Response response, Callback callback) {
        boolean api = Request.getPathInContext(request).startsWith("/api/");
        Lang lang = null;
        try {
            Fields q = Request.extractQueryParameters(request);
            lang = Lang.parse(q.getValue("lang"));
        } catch (RuntimeException ignored) {
            // a malformed query: the language comes from the headers
        }
        if (lang == null) lang = api ? Lang.en : Lang.fromAcceptLanguage(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
        String message = Messages.of(lang).get("error.busy");
        String body;
        String type;
        if (api) {
            body = Api.error(503, message, null).toString();
            type = "application/json; charset=utf-8";
        } else {
            body = "<!doctype html><html lang=\"" + lang.name() + "\"><meta charset=\"utf-8\"><title>Klaster</title><p>"
                    + message.replace("&", "&amp;").replace("<", "&lt;") + "</p></html>";
            type = "text/html; charset=utf-8";
        }
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
