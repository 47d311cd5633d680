package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Memory and time bounds for an {@code .xlsx} workbook, checked before fastexcel-reader opens it.
 *
 * <p>fastexcel-reader streams rows, but inside it a cell's text, a shared string or a formula is
 * built whole, a cell reference {@code r="ZZZZZZ1"} sizes the row's list, a number cell is parsed by
 * {@code BigDecimal} and shared formulas are expanded per cell — and a workbook is a ZIP whose
 * parts can inflate a thousandfold. A 2 MB upload holding one 2 GiB shared string took the server
 * from 330 MB to 5.5 GB before it failed; a 10 MB file of four billion empty rows burned 33 s of CPU.
 * So every part of the archive is inflated once here, through a counter (the sizes the ZIP declares
 * can lie), and scanned as bytes — no XML parser, no strings — against the limits below; only a
 * workbook within them is handed to fastexcel-reader, which reads it again.
 *
 * <p>Limits (formats.md, "Limits of workbooks"): at most {@value #MAX_ENTRIES} parts;
 * {@value #MAX_RATIO}:1 inflation of a part once it passes {@value #RATIO_GRACE} bytes (what Apache
 * POI allows); {@value #MAX_INFLATED} bytes inflated in all; Excel's own limits of
 * {@value #MAX_ROWS} rows and {@value #MAX_COLUMNS} columns per sheet, {@value #MAX_CELL_CHARS}
 * characters per cell and {@value #MAX_FORMULA_CHARS} per formula; number cells of at most
 * {@value #MAX_NUMBER_BYTES} bytes; {@value #MAX_STRINGS} shared strings of {@value #MAX_STRING_BYTES}
 * bytes in all; {@value #MAX_ELEMENTS} elements in any other part; tags and comments of at most
 * {@value #MAX_TAG_BYTES} bytes; and a budget of {@value #MAX_FORMULA_WORK} steps for expanding
 * shared and array formulas. Text limits are in bytes as written, an entity such as {@code &#65535;}
 * counting its eight bytes, so a cell is refused only when it surely exceeds the characters allowed
 * ({@value #BYTES_PER_CHAR} bytes at most per character); {@link TabularFile} then checks the exact
 * character count of each cell it reads.
 */
final class XlsxGuard {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_INFLATED = 1L << 30;
    static final int MAX_RATIO = 100;
    static final long RATIO_GRACE = 1L << 20;
    static final int MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_FORMULA_CHARS = 8_192;
    static final int BYTES_PER_CHAR = 10;
    static final int MAX_NUMBER_BYTES = 1_024;
    static final int MAX_STRINGS = 2_000_000;
    static final long MAX_STRING_BYTES = 128L << 20;
    static final int MAX_ELEMENTS = 1_000_000;
    static final int MAX_TAG_BYTES = 65_536;
    /** Shared formulas, and array formulas, per sheet: fastexcel-reader keeps each in a map. */
    static final int MAX_SHARED_FORMULAS = 100_000;
    static final long MAX_FORMULA_WORK = 2_000_000_000L;

    private static final long MAX_CELL_BYTES = (long) MAX_CELL_CHARS * BYTES_PER_CHAR;
    private static final long MAX_FORMULA_BYTES = (long) MAX_FORMULA_CHARS * BYTES_PER_CHAR;
    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

    private XlsxGuard() {
    }

    /**
     * Checks the workbook, then opens it with fastexcel-reader.
     *
     * @throws InputException naming the file (and the sheet, row and column when known) if the file is
     *                        not a readable ZIP or exceeds a limit
     */
    static ReadableWorkbook open(Path file) throws IOException {
        check(file);
        try {
            return new ReadableWorkbook(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw InputException.file(file, data("xlsx.zip"), e);
        }
    }

    /** Inflates and scans every part of the archive; returns normally when all limits hold. */
    static void check(Path file) throws IOException {
        if (centralHeaders(file) > MAX_ENTRIES) {
            throw InputException.file(file, data("xlsx.limit.entries", MAX_ENTRIES));
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).get();
        } catch (IOException | RuntimeException e) {
            throw InputException.file(file, data("xlsx.zip"), e);
        }
        try (zip) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > MAX_ENTRIES) {
                throw InputException.file(file, data("xlsx.limit.entries", MAX_ENTRIES));
            }
            // the workbook and its relations first: they name the sheets for the messages below
            entries.sort((a, b) -> Integer.compare(order(a.getName()), order(b.getName())));
            Scan scan = new Scan(file);
            for (ZipArchiveEntry e : entries) {
                if (!e.isDirectory()) {
                    scan.entry(zip, e);
                }
            }
        }
    }

    private static int order(String name) {
        return name.equals(WORKBOOK) ? 0 : name.equals(WORKBOOK_RELS) ? 1 : 2;
    }

    /**
     * How many central-directory headers ({@code PK\1\2}) the file's bytes hold: the ZIP library keeps
     * an object per entry, so a 50 MB archive of a million empty entries is refused before it is opened.
     */
    static long centralHeaders(Path file) throws IOException {
        long count = 0;
        byte[] buf = new byte[1 << 16];
        int carry = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf, carry, buf.length - carry)) > 0) {
                int end = carry + n;
                int i = 0;
                for (; i + 3 < end; i++) {
                    if (buf[i] == 'P' && buf[i + 1] == 'K' && buf[i + 2] == 1 && buf[i + 3] == 2) {
                        count++;
                    }
                }
                carry = end - i;
                System.arraycopy(buf, i, buf, 0, carry);
            }
        }
        return count;
    }

    /** The state of one pass over the parts: totals across parts, sheet names, the part being scanned. */
    private static final class Scan {
        private final Path file;
        private long inflatedTotal;
        private final Map<String, String> sheetOfRelation = new HashMap<>();
        private final Map<String, String> targetOfRelation = new HashMap<>();
        private Map<String, String> sheetOfPart;

        Scan(Path file) {
            this.file = file;
        }

        void entry(ZipFile zip, ZipArchiveEntry e) throws IOException {
            int method = e.getMethod();
            if (method != ZipArchiveEntry.STORED && method != ZipArchiveEntry.DEFLATED) {
                throw InputException.file(file, data("xlsx.limit.method", quoted(e.getName()), method));
            }
            if (!zip.canReadEntryData(e)) {
                throw InputException.file(file, data("xlsx.zip"));
            }
            Part part = new Part(this, e.getName());
            byte[] buf = new byte[1 << 16];
            long inflated = 0;
            try (InputStream in = zip.getInputStream(e)) {
                InputStreamStatistics stats = in instanceof InputStreamStatistics s ? s : null;
                int n;
                while ((n = in.read(buf)) > 0) {
                    inflated += n;
                    inflatedTotal += n;
                    if (inflatedTotal > MAX_INFLATED) {
                        throw InputException.file(file, data("xlsx.limit.inflated", MAX_INFLATED >> 20));
                    }
                    if (method == ZipArchiveEntry.DEFLATED && inflated > RATIO_GRACE) {
                        long compressed = stats != null ? stats.getCompressedCount() : e.getCompressedSize();
                        if (compressed <= 0 || inflated > MAX_RATIO * compressed) {
                            throw InputException.file(file, data("xlsx.limit.ratio", quoted(e.getName()), MAX_RATIO));
                        }
                    }
                    part.bytes(buf, n);
                }
            } catch (InputException x) {
                throw x;
            } catch (IOException | RuntimeException x) {
                throw InputException.file(file, data("xlsx.zip"), x);
            }
            if (e.getName().equals(WORKBOOK_RELS) || e.getName().equals(WORKBOOK)) {
                sheetOfPart = null; // rebuilt on first use
            }
        }

        /** The sheet name a worksheet part holds, from xl/workbook.xml and its relations; null when unknown. */
        String sheetName(String partName) {
            if (sheetOfPart == null) {
                sheetOfPart = new HashMap<>();
                for (Map.Entry<String, String> r : sheetOfRelation.entrySet()) {
                    String target = targetOfRelation.get(r.getKey());
                    if (target != null) {
                        String path = target.startsWith("/") ? target.substring(1) : "xl/" + target;
                        sheetOfPart.put(path, r.getValue());
                    }
                }
            }
            return sheetOfPart.get(partName);
        }

        InputException at(String partName, String root, long row, int column, org.klaster.Text problem) {
            String sheet = root.equals("worksheet") ? sheetName(partName) : null;
            String col = column > 0 ? TabularFile.columnLetter(column - 1) : null;
            if (sheet != null) {
                return row > 0 ? InputException.row(file, sheet, row, col, problem)
                        : InputException.column(file, sheet, null, problem);
            }
            return InputException.file(file, row > 0 ? data("xlsx.limit.part.row", quoted(partName), row, problem)
                    : data("xlsx.limit.part", quoted(partName), problem));
        }
    }

    /**
     * A byte-level scan of one part: tags and their attributes of interest, text lengths per cell,
     * shared string and formula, counts of rows, cells and elements. Not an XML parser: it only needs
     * to bound what the real parser will build, and anything it does not understand is left to
     * fastexcel-reader, which refuses malformed XML itself.
     */
    private static final class Part {
        private static final int TAG_KEEP = 4_096;

        private final Scan scan;
        private final String name;
        // lexical state
        private static final int TEXT = 0;
        private static final int TAG = 1;
        private static final int COMMENT = 2;
        private static final int CDATA = 3;
        private int state = TEXT;
        private final byte[] tag = new byte[TAG_KEEP];
        private int tagLength;
        private byte quote;
        private int tail; // last bytes seen, for the ends of comments and CDATA
        private long textRun;
        private boolean xml;
        private boolean started;
        // structure
        private String root;
        private long elements;
        private long rows;
        private long row;
        private long cellsInRow;
        private int column;
        private String cellType = "n";
        private boolean counting;
        private long counted;
        private long limit;
        private String limitKey;
        private int limitValue;
        private long strings;
        private long stringBytes;
        private boolean inFormula;
        private Integer sharedMaster;
        private long formulaUpper;
        private final Map<Integer, long[]> shared;
        private long arrays;
        private long work;

        Part(Scan scan, String name) {
            this.scan = scan;
            this.name = name;
            this.shared = new HashMap<>();
        }

        void bytes(byte[] b, int n) {
            int i = 0;
            if (!started) {
                // XML parts start with '<' (after an optional BOM and blanks); other parts (images, binaries)
                // are only counted: fastexcel-reader never parses them
                while (i < n && (b[i] == (byte) 0xEF || b[i] == (byte) 0xBB || b[i] == (byte) 0xBF || b[i] == ' '
                        || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
                    i++;
                }
                if (i == n) {
                    return;
                }
                started = true;
                xml = b[i] == '<';
            }
            if (!xml) {
                return;
            }
            for (; i < n; i++) {
                byte c = b[i];
                switch (state) {
                    case TEXT -> {
                        if (c == '<') {
                            state = TAG;
                            tagLength = 0;
                            quote = 0;
                            textRun = 0;
                        } else {
                            text(c);
                        }
                    }
                    case TAG -> tagByte(c);
                    case COMMENT -> {
                        tail = tail << 8 | (c & 0xFF);
                        if (++tagLength > MAX_TAG_BYTES) {
                            throw refuse(data("xlsx.limit.tag", MAX_TAG_BYTES));
                        }
                        if ((tail & 0xFFFFFF) == ('-' << 16 | '-' << 8 | '>')) {
                            state = TEXT;
                        }
                    }
                    case CDATA -> {
                        tail = tail << 8 | (c & 0xFF);
                        if ((tail & 0xFFFFFF) == (']' << 16 | ']' << 8 | '>')) {
                            state = TEXT;
                        } else {
                            text(c);
                        }
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }

        private void text(byte c) {
            if (++textRun > MAX_CELL_BYTES) {
                throw refuse(data("xlsx.limit.cell", MAX_CELL_CHARS));
            }
            if (counting) {
                counted++;
                if (inFormula && c >= 'A' && c <= 'Z') {
                    formulaUpper++;
                }
                if (counted > limit) {
                    throw refuse(data(limitKey, limitValue));
                }
                if ("sst".equals(root) && ++stringBytes > MAX_STRING_BYTES) {
                    throw refuse(data("xlsx.limit.string.bytes", MAX_STRING_BYTES >> 20));
                }
            }
        }

        private void tagByte(byte c) {
            if (tagLength < TAG_KEEP) {
                tag[tagLength] = c;
            }
            tagLength++;
            if (tagLength > MAX_TAG_BYTES) {
                throw refuse(data("xlsx.limit.tag", MAX_TAG_BYTES));
            }
            if (tagLength == 3 && tag[0] == '!' && tag[1] == '-' && tag[2] == '-') {
                state = COMMENT;
                tail = 0;
                return;
            }
            if (tagLength == 8 && tag[0] == '!' && tag[1] == '[' && startsWith("![CDATA[")) {
                state = CDATA;
                tail = 0;
                return;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                state = TEXT;
                tag(Math.min(tagLength - 1, TAG_KEEP), tagLength - 1 > TAG_KEEP);
            }
        }

        private boolean startsWith(String s) {
            for (int k = 0; k < s.length(); k++) {
                if (tag[k] != s.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /** A whole tag {@code tag[0, len)} (without {@code <} and {@code >}). */
        private void tag(int len, boolean truncated) {
            if (len == 0 || tag[0] == '?' || tag[0] == '!') {
                return;
            }
            boolean end = tag[0] == '/';
            boolean empty = tag[len - 1] == '/';
            int from = end ? 1 : 0;
            int to = from;
            while (to < len && tag[to] != ' ' && tag[to] != '/' && tag[to] != '\t' && tag[to] != '\r' && tag[to] != '\n') {
                to++;
            }
            int colon = from;
            for (int k = from; k < to; k++) {
                if (tag[k] == ':') {
                    colon = k + 1;
                }
            }
            String local = new String(tag, colon, to - colon, StandardCharsets.ISO_8859_1);
            if (root == null) {
                if (end) {
                    return;
                }
                root = local;
            }
            if (end) {
                endTag(local);
                return;
            }
            switch (root) {
                case "worksheet" -> sheetTag(local, len, truncated, empty);
                case "sst" -> {
                    if (local.equals("si")) {
                        if (++strings > MAX_STRINGS) {
                            throw refuse(data("xlsx.limit.strings", MAX_STRINGS));
                        }
                        if (!empty) {
                            count(MAX_CELL_BYTES, "xlsx.limit.cell", MAX_CELL_CHARS);
                        }
                    }
                }
                default -> {
                    if (++elements > MAX_ELEMENTS) {
                        throw refuse(data("xlsx.limit.elements", MAX_ELEMENTS));
                    }
                    if (local.equals("sheet") && name.equals(WORKBOOK)) {
                        String sheet = attribute("name", len);
                        String id = attribute("r:id", len);
                        if (sheet != null && id != null) {
                            scan.sheetOfRelation.put(id, sheet);
                        }
                    } else if (local.equals("Relationship") && name.equals(WORKBOOK_RELS)) {
                        String id = attribute("Id", len);
                        String target = attribute("Target", len);
                        if (id != null && target != null) {
                            scan.targetOfRelation.put(id, target);
                        }
                    }
                }
            }
        }

        private void sheetTag(String local, int len, boolean truncated, boolean empty) {
            switch (local) {
                case "row" -> {
                    if (truncated) {
                        throw refuse(data("xlsx.limit.tag", TAG_KEEP));
                    }
                    if (++rows > MAX_ROWS) {
                        throw refuse(data("xlsx.limit.rows", MAX_ROWS));
                    }
                    String r = attribute("r", len);
                    row = r == null ? row + 1 : number(r, MAX_ROWS, "xlsx.limit.rows");
                    cellsInRow = 0;
                    column = 0;
                }
                case "c" -> {
                    if (truncated) {
                        throw refuse(data("xlsx.limit.tag", TAG_KEEP));
                    }
                    if (++cellsInRow > MAX_COLUMNS) {
                        throw refuse(data("xlsx.limit.columns", MAX_COLUMNS));
                    }
                    String r = attribute("r", len);
                    column = r == null ? column + 1 : reference(r);
                    String t = attribute("t", len);
                    cellType = t == null ? "n" : t;
                    work += arrays; // fastexcel looks every formula-less cell up among the array formulas
                    checkWork();
                }
                case "v" -> {
                    if (!empty) {
                        if (cellType.equals("str")) {
                            count(MAX_CELL_BYTES, "xlsx.limit.cell", MAX_CELL_CHARS);
                        } else {
                            count(MAX_NUMBER_BYTES, "xlsx.limit.number", MAX_NUMBER_BYTES);
                        }
                    }
                }
                case "is" -> {
                    if (!empty) {
                        count(MAX_CELL_BYTES, "xlsx.limit.cell", MAX_CELL_CHARS);
                    }
                }
                case "f" -> {
                    if (truncated) {
                        throw refuse(data("xlsx.limit.tag", TAG_KEEP));
                    }
                    String t = attribute("t", len);
                    String ref = attribute("ref", len);
                    String si = attribute("si", len);
                    Integer index = si == null ? null : integer(si);
                    if ("array".equals(t) && ref != null && ++arrays > MAX_SHARED_FORMULAS) {
                        throw refuse(data("xlsx.limit.formulas"));
                    }
                    if ("shared".equals(t) && index != null) {
                        if (ref != null) {
                            if (shared.size() >= MAX_SHARED_FORMULAS) {
                                throw refuse(data("xlsx.limit.formulas"));
                            }
                            sharedMaster = index;
                        } else {
                            long[] base = shared.get(index);
                            if (base != null) {
                                // expanding costs about (length × references) character copies per cell
                                work += base[0] * Math.max(1, base[1]);
                                checkWork();
                            }
                        }
                    }
                    if (!empty) {
                        count(MAX_FORMULA_BYTES, "xlsx.limit.formula", MAX_FORMULA_CHARS);
                        inFormula = true;
                        formulaUpper = 0;
                    } else {
                        sharedMaster = null;
                    }
                }
                default -> { }
            }
        }

        private void endTag(String local) {
            switch (local) {
                case "v", "is", "si" -> counting = false;
                case "f" -> {
                    if (sharedMaster != null) {
                        shared.put(sharedMaster, new long[] {counted, formulaUpper});
                        sharedMaster = null;
                    }
                    counting = false;
                    inFormula = false;
                }
                default -> { }
            }
        }

        private void count(long max, String key, int shown) {
            counting = true;
            counted = 0;
            limit = max;
            limitKey = key;
            limitValue = shown;
        }

        private void checkWork() {
            if (work > MAX_FORMULA_WORK) {
                throw refuse(data("xlsx.limit.formulas"));
            }
        }

        /** A cell reference such as {@code AB12}: its 1-based column, after checking column and row. */
        private int reference(String r) {
            int k = 0;
            int col = 0;
            while (k < r.length() && r.charAt(k) >= 'A' && r.charAt(k) <= 'Z') {
                col = col * 26 + (r.charAt(k) - 'A' + 1);
                if (col > MAX_COLUMNS) {
                    throw refuse(data("xlsx.limit.columns", MAX_COLUMNS));
                }
                k++;
            }
            if (k < r.length()) {
                long rowOfCell = number(r.substring(k), MAX_ROWS, "xlsx.limit.rows");
                row = rowOfCell;
            }
            return col;
        }

        /** Digits no larger than {@code max}; anything else is left to fastexcel-reader, which refuses it. */
        private long number(String s, int max, String key) {
            long v = 0;
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c < '0' || c > '9') {
                    return row;
                }
                v = v * 10 + (c - '0');
                if (v > max) {
                    throw refuse(data(key, max));
                }
            }
            return v;
        }

        private static Integer integer(String s) {
            try {
                return Integer.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** The value of attribute {@code att} (exact name, as written) in the kept part of the tag, or null. */
        private String attribute(String att, int len) {
            byte[] a = att.getBytes(StandardCharsets.ISO_8859_1);
            int k = 0;
            while (k < len) {
                // the start of an attribute name: after a blank
                if (tag[k] == ' ' || tag[k] == '\t' || tag[k] == '\r' || tag[k] == '\n') {
                    int s = k + 1;
                    int m = 0;
                    while (m < a.length && s + m < len && tag[s + m] == a[m]) {
                        m++;
                    }
                    int eq = s + m;
                    while (m == a.length && eq < len && (tag[eq] == ' ' || tag[eq] == '\t')) {
                        eq++;
                    }
                    if (m == a.length && eq < len && tag[eq] == '=') {
                        int q = eq + 1;
                        while (q < len && (tag[q] == ' ' || tag[q] == '\t')) {
                            q++;
                        }
                        if (q < len && (tag[q] == '"' || tag[q] == '\'')) {
                            byte open = tag[q];
                            int end = q + 1;
                            while (end < len && tag[end] != open) {
                                end++;
                            }
                            return unescape(new String(tag, q + 1, end - q - 1, StandardCharsets.UTF_8));
                        }
                    }
                    k = s;
                } else if (tag[k] == '"' || tag[k] == '\'') {
                    byte open = tag[k];
                    k++;
                    while (k < len && tag[k] != open) {
                        k++;
                    }
                    k++;
                } else {
                    k++;
                }
            }
            return null;
        }

        private static String unescape(String s) {
            if (s.indexOf('&') < 0) {
                return s;
            }
            return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                    .replace("&amp;", "&");
        }

        private InputException refuse(org.klaster.Text problem) {
            return scan.at(name, root == null ? "" : root, "worksheet".equals(root) ? row : 0,
                    "worksheet".equals(root) && counting ? column : 0, problem);
        }
    }
}
