package org.klaster.app.web;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends the Data page's forms the way a browser does: it keeps its cookies, reads the CSRF token from
 * the form on the page, and says where the form came from ({@code Origin}). Tests that play an
 * attacker change one of these ({@code headers} replace or add request headers).
 */
final class FormClient {

    private static final Pattern TOKEN = Pattern.compile("<form id=\"([a-z-]+)\"[^>]*>\\s*<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]+)\">");

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    FormClient(String base) {
        this.base = base;
    }

    /** The token of a form of the Data page ({@code upload-form}, {@code boundaries-form}, …), read as a browser gets it. */
    String token(String form) throws Exception {
        return token("/datasets", form);
    }

    /** The token of the form {@code form} on the page {@code path}, read as a browser gets it. */
    String token(String path, String form) throws Exception {
        String page = get(path + (path.contains("?") ? "&" : "?") + "lang=en").body();
        Matcher m = TOKEN.matcher(page);
        while (m.find()) if (m.group(1).equals(form)) return m.group(2);
        throw new AssertionError("no form " + form + " with a token on " + path);
    }

    /** A GET with this browser's cookies. */
    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the sign-in form (token from the form, same origin); the answer (303 when it worked). */
    HttpResponse<String> signIn(String login, String password) throws Exception {
        return form("/signin?lang=en", Map.of("login", login, "password", password, Security.TOKEN_FIELD, token("/signin", "signin-form")),
                Map.of("Origin", base));
    }

    /** The value of one of this browser's cookies, or null. */
    String cookie(String name) {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** A multipart POST of text fields and files ({@code name} → {filename, content}) with {@code Origin} = the server. */
    HttpResponse<String> multipart(String path, Map<String, String> fields, Map<String, String[]> files) throws Exception {
        return multipart(path, fields, files, Map.of("Origin", base));
    }

    HttpResponse<String> multipart(String path, Map<String, String> fields, Map<String, String[]> files, Map<String, String> headers)
            throws Exception {
        String boundary = "----klaster" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, String[]> f : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\""
                    + f.getValue()[0] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue()[1].getBytes(StandardCharsets.UTF_8));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A plain form POST ({@code application/x-www-form-urlencoded}) with the given headers. */
    HttpResponse<String> form(String path, Map<String, String> fields, Map<String, String> headers) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
