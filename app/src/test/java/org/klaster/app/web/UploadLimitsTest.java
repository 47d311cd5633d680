package org.klaster.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.formats.XlsxBombs;

/**
 * Issue 10, probe 7 (statuses of uploads): a request body over the upload limit — announced by
 * {@code Content-Length} or sent chunked without one — is cut off while it streams and answered 413 with
 * one sentence in the page's language (the API's JSON error shape under {@code /api}); a malformed
 * multipart body is answered 400 with a sentence. Before, both gave a generic 500. Nothing is stored.
 * Probe 2 through the web: the XLSX bombs ({@link XlsxBombs}: one 2 GiB cell in 2 MB; a billion empty
 * rows) are refused with the readers' sentence (before, the first took the server to 5.5 GB and the second
 * was stored); probe 7: an upload of 1e308 is refused at its line and column (before, it was stored).
 *
 * <p>The requests are written on a plain socket so that the test controls the framing (chunked or not)
 * and can see the answer arrive while the body is still being sent.
 */
class UploadLimitsTest {

    private static final String BOUNDARY = "----klasterLimits";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer server;

    private FormClient forms;
    /** What the Data page's upload form sends besides its fields: same origin, the CSRF token and its cookie. */
    private String securityHeaders;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(false);
        forms = server.uploader();
        String token = forms.token("upload-form");
        String cookies = ((java.net.CookieManager) forms.http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(Security.COOKIE) || c.getName().equals(Auth.SESSION_COOKIE)) // not the lang cookie: the tests choose the language
                .map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; "));
        securityHeaders = "Origin: " + server.base() + "\r\n" + Security.TOKEN_HEADER + ": " + token + "\r\nCookie: " + cookies + "\r\n";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** An answer read off the socket, and how many body bytes were sent before it came. */
    record Answer(int status, String contentType, String body, long sent) {
    }

    private int datasets() throws Exception {
        return server.json("/api/v1/datasets").get("datasets").size();
    }

    /** The opening of a multipart upload of an activity CSV: the kind field and the file part's header. */
    private static byte[] multipartHead() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nactivity\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nregion,industry,year,employment\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * POSTs a multipart body to {@code path}: {@code head}, then CSV rows up to {@code bodyBytes} in all,
     * then the closing boundary; chunked when {@code chunked}, else with a {@code Content-Length} of
     * {@code bodyBytes}. Stops sending as soon as an answer arrives (or the server closes).
     */
    private Answer post(String path, String contentType, byte[] head, long bodyBytes, boolean chunked, String extraHeaders)
            throws Exception {
        return post(path, contentType, head, bodyBytes, chunked, extraHeaders, true);
    }

    /** As above; without {@code close} the body ends without its closing boundary. */
    private Answer post(String path, String contentType, byte[] head, long bodyBytes, boolean chunked, String extraHeaders,
                        boolean close) throws Exception {
        byte[] tail = close ? ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII) : new byte[0];
        try (Socket s = new Socket("127.0.0.1", server.app.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            AtomicBoolean answered = new AtomicBoolean();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        answered.set(true);
                        synchronized (received) {
                            received.write(buf, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the server closed the connection; what arrived before is kept
                } finally {
                    answered.set(true);
                }
            });
            reader.start();
            String headers = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.app.port() + "\r\n"
                    + "Content-Type: " + contentType + "\r\nConnection: close\r\n" + securityHeaders + extraHeaders
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n") + "\r\n";
            long sent = 0;
            try {
                out.write(headers.getBytes(StandardCharsets.US_ASCII));
                byte[] row = "RU-SAM,29,2023,1\n".repeat(4096).getBytes(StandardCharsets.US_ASCII);
                long rows = bodyBytes - head.length - tail.length;
                sent += write(out, head, head.length, chunked);
                while (sent < head.length + rows && !answered.get()) {
                    sent += write(out, row, (int) Math.min(row.length, head.length + rows - sent), chunked);
                }
                if (!answered.get()) {
                    if (tail.length > 0) sent += write(out, tail, tail.length, chunked);
                    if (chunked) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // the server stopped reading: expected when it refuses the body
            }
            reader.join(60_000);
            byte[] all;
            synchronized (received) {
                all = received.toByteArray();
            }
            return parse(all, sent);
        }
    }

    private static int write(OutputStream out, byte[] b, int n, boolean chunked) throws IOException {
        if (chunked) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b, 0, n);
        if (chunked) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        return n;
    }

    /** Status, content type and (de-chunked) body of a raw HTTP/1.1 answer. */
    private static Answer parse(byte[] raw, long sent) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer, got: " + text).isPositive();
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.substring(9, 12));
        String type = "";
        boolean chunked = false;
        for (String line : head.split("\r\n")) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.startsWith("content-type:")) type = line.substring(13).strip();
            if (l.startsWith("transfer-encoding:") && l.contains("chunked")) chunked = true;
        }
        byte[] body = Arrays.copyOfRange(raw, head.getBytes(StandardCharsets.UTF_8).length + 4, raw.length);
        if (chunked) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int i = 0;
            while (i < body.length) {
                int eol = indexOf(body, i);
                if (eol < 0) break;
                int size = Integer.parseInt(new String(body, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
                if (size == 0) break;
                b.write(body, eol + 2, Math.min(size, body.length - eol - 2));
                i = eol + 2 + size + 2;
            }
            body = b.toByteArray();
        }
        return new Answer(status, type, new String(body, StandardCharsets.UTF_8), sent);
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }

    private static final long OVER = DataPages.MAX_UPLOAD_BYTES + 10L * 1024 * 1024;
    /** A chunked body that would never end in a test's time if the server read it all. */
    private static final long ENDLESS = 4L * 1024 * 1024 * 1024;

    @Test
    void anAnnouncedBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        int before = datasets();
        Answer a = post("/datasets/upload?lang=en", "multipart/form-data; boundary=" + BOUNDARY, multipartHead(), OVER, false, "");
        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.contentType()).startsWith("text/html");
        assertThat(a.body()).contains("The file is larger than 50 MB.").contains("id=\"upload-error\"");
        assertThat(a.sent()).as("body bytes sent before the answer").isLessThan(OVER);
        assertThat(datasets()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyIsCutOffWhileItStreams() throws Exception {
        int before = datasets();
        Answer a = post("/datasets/upload?lang=en", "multipart/form-data; boundary=" + BOUNDARY, multipartHead(), ENDLESS, true, "");
        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.body()).contains("The file is larger than 50 MB.");
        assertThat(a.sent()).as("body bytes sent before the answer").isLessThan(4 * DataPages.MAX_UPLOAD_BYTES);
        assertThat(datasets()).isEqualTo(before);
    }

    @Test
    void theSentenceIsInThePagesLanguage() throws Exception {
        Answer ru = post("/datasets/upload?lang=ru", "multipart/form-data; boundary=" + BOUNDARY, multipartHead(), ENDLESS, true, "");
        assertThat(ru.status()).isEqualTo(413);
        assertThat(ru.body()).contains("Файл больше 50 МБ.").doesNotContain("larger than");
        Answer htmx = post("/datasets/boundaries", "multipart/form-data; boundary=" + BOUNDARY, multipartHead(), OVER, false,
                "Accept-Language: ru\r\nHX-Request: true\r\n");
        assertThat(htmx.status()).isEqualTo(413);
        assertThat(htmx.body()).contains("Файл больше 50 МБ.").doesNotContain("<html");
    }

    @Test
    void theApiAnswersInItsJsonErrorShape() throws Exception {
        Answer a = post("/api/v1/datasets", "multipart/form-data; boundary=" + BOUNDARY, multipartHead(), OVER, false, "");
        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.contentType()).startsWith("application/json");
        JsonNode e = JSON.readTree(a.body());
        assertThat(e.get("status").asInt()).isEqualTo(413);
        assertThat(e.get("error").asText()).isEqualTo("The request is larger than 50 MB.");
    }

    @Test
    void aMalformedMultipartBodyIs400WithASentence() throws Exception {
        int before = datasets();
        byte[] head = multipartHead();
        // a body that never reaches its closing boundary
        Answer unclosed = post("/datasets/upload?lang=en", "multipart/form-data; boundary=" + BOUNDARY, head, head.length + 100, false, "", false);
        // a part without its headers' blank line
        Answer noHeaders = post("/datasets/upload?lang=en", "multipart/form-data; boundary=" + BOUNDARY,
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"").getBytes(StandardCharsets.UTF_8),
                200, false, "", false);
        // no boundary given at all
        Answer noBoundary = post("/datasets/upload?lang=en", "multipart/form-data", head, head.length + 100, false, "");
        for (Answer a : new Answer[] {unclosed, noHeaders, noBoundary}) {
            assertThat(a.status()).as(a.body()).isEqualTo(400);
            assertThat(a.body()).contains("The upload is not a well-formed multipart form").doesNotContain("internal error");
        }
        Answer ru = post("/datasets/upload?lang=ru", "multipart/form-data; boundary=" + BOUNDARY, head, head.length + 100, false, "", false);
        assertThat(ru.status()).isEqualTo(400);
        assertThat(ru.body()).contains("Загрузка не читается");
        assertThat(datasets()).isEqualTo(before);
    }

    @TempDir
    Path dir;

    /** A multipart POST of the form {@code kind} with one file, as the upload form sends it. */
    private HttpResponse<String> upload(String kind, String name, byte[] content) throws Exception {
        String boundary = "----klaster" + java.util.UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return forms.http.send(HttpRequest.newBuilder(URI.create(server.base() + "/datasets/upload?lang=en"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", server.base()).header(Security.TOKEN_HEADER, forms.token("upload-form"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWorkbookWithOneHugeCellIsRefusedAndNothingIsStored() throws Exception {
        int before = datasets();
        Path cell = XlsxBombs.hugeSharedString(dir.resolve("cell.xlsx"), 2L << 30);
        assertThat(Files.size(cell)).as("the probe's size").isLessThan(4L << 20);
        HttpResponse<String> r = upload("activity", "cell.xlsx", Files.readAllBytes(cell));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"upload-error\"").contains("cell.xlsx")
                .contains("the cell holds more than 32767 characters");
        HttpResponse<String> io = upload("rosstat-io", "cell.xlsx", Files.readAllBytes(cell));
        assertThat(io.statusCode()).as(io.body()).isEqualTo(422);
        assertThat(io.body()).contains("the cell holds more than 32767 characters");
        assertThat(datasets()).isEqualTo(before);
    }

    @Test
    void aBillionEmptyRowsAreRefusedAndNothingIsStored() throws Exception {
        int before = datasets();
        Path rows = XlsxBombs.emptyRows(dir.resolve("rows.xlsx"), 1L << 30);
        HttpResponse<String> e = upload("activity", "rows.xlsx", Files.readAllBytes(rows));
        assertThat(e.statusCode()).as(e.body()).isEqualTo(422);
        assertThat(e.body()).contains("rows.xlsx").contains("inflates more than 100 times its compressed size");
        assertThat(datasets()).isEqualTo(before);
    }

    @Test
    void numbersWhoseSumsWouldOverflowAreRefusedAtTheirLineAndColumn() throws Exception {
        int before = datasets();
        HttpResponse<String> r = upload("activity", "huge.csv", """
                region,industry,year,employment
                RU-SAM,29,2023,10
                RU-SAM,30,2023,1e308
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("huge.csv, line 3, column \"employment\": \"1e308\" is beyond ±10^18")
                .contains("<dd>3</dd>").contains("<dd>employment</dd>");
        HttpResponse<String> t = upload("trade", "t.csv", """
                year,reporter,partner,product,flow,value
                2023,RUS,CHN,8542,import,-1e300
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(t.statusCode()).as(t.body()).isEqualTo(422);
        assertThat(t.body()).contains("t.csv, line 2, column \"value\": \"-1e300\" is beyond");
        assertThat(datasets()).isEqualTo(before);
    }
}
