package org.klaster.data.formats;

import static org.klaster.data.formats.DataText.data;
import static org.klaster.data.formats.DataText.quoted;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A user's table — CSV-like text or an {@code .xlsx} workbook — opened without asking how it is
 * written (formats.md, general rules).
 *
 * <p>Detected on {@link #open}:
 * <ul>
 * <li>workbook: ZIP magic bytes ({@code PK\3\4}) → {@code .xlsx}, the first sheet or a named one;
 *     an old {@code .xls} (OLE2), a Parquet or a gzip file is refused with a clear message;</li>
 * <li>text encoding: UTF-8 with BOM, UTF-16 LE/BE with BOM (or without a BOM, recognised by its
 *     zero bytes), UTF-8 when every byte sequence is valid UTF-8, otherwise Windows-1251 — unless
 *     the file is mostly well-formed UTF-8 with a few bad bytes, which is refused naming the line
 *     (decoding it as Windows-1251 would garble every Cyrillic name);</li>
 * <li>separator: whichever of {@code ,} {@code ;} tab occurs most often outside quotes in the header
 *     line (comma when there is none);</li>
 * <li>decimal convention: {@code ,}-separated → decimal point, {@code ;}-separated → decimal comma,
 *     tab-separated and workbook text cells → per value ({@link Numbers.DecimalMark#EITHER}).</li>
 * </ul>
 *
 * <p>The first line (first non-empty sheet row) is the header; names are trimmed and matched
 * case-insensitively. {@link #next()} returns the data rows with the physical line on which each
 * record starts (a quoted value may span lines) or the sheet row number. Rows whose cells are all
 * blank are skipped. A row with more or fewer values than the header, an unterminated quote, an
 * empty file or a missing header is an {@link InputException} naming the line.
 *
 * <p>Not thread-safe; read it once, then close it.
 */
public final class TabularFile implements Closeable {

    /** Kind of container. */
    public enum Kind { CSV, XLSX }

    /**
     * What was detected.
     *
     * @param kind        CSV text or xlsx workbook
     * @param encoding    e.g. {@code UTF-8}, {@code UTF-8 (BOM)}, {@code UTF-16LE (BOM)}, {@code Windows-1251}; null for xlsx
     * @param separator   {@code ,}, {@code ;} or tab; 0 for xlsx
     * @param decimalMark decimal convention for text numbers
     * @param sheet       sheet name for xlsx, else null
     */
    public record Format(Kind kind, String encoding, char separator, Numbers.DecimalMark decimalMark, String sheet) {
        /** One line for a user, e.g. {@code CSV, Windows-1251, separator ";", decimal comma}. */
        public String description() {
            if (kind == Kind.XLSX) {
                return "Excel workbook (.xlsx), sheet \"" + sheet + "\"";
            }
            String sep = switch (separator) {
                case '\t' -> "tab";
                default -> "\"" + separator + "\"";
            };
            return "CSV, " + encoding + ", separator " + sep + ", " + decimalMark.description();
        }
    }

    private static final int HEAD_BYTES = 1 << 16;
    private static final int TAIL_BYTES = 8;
    private static final int MAX_HEADER_CHARS = 1 << 20;

    private final Path file;
    private final Format format;
    private final String sha256;
    private final long size;
    private final List<String> header;
    private final List<String> keys;
    private final Map<String, Integer> index;
    private final long headerLine;
    private final RowSource source;
    private final Set<org.klaster.Text> warnings = new LinkedHashSet<>();
    private final Set<Integer> warnedNumericCode = new HashSet<>();

    private TabularFile(Path file, Format format, String sha256, long size, List<String> header, long headerLine,
                        RowSource source) {
        this.file = file;
        this.format = format;
        this.sha256 = sha256;
        this.size = size;
        this.header = List.copyOf(header);
        this.headerLine = headerLine;
        this.source = source;
        List<String> k = new ArrayList<>(header.size());
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = Text.key(header.get(i));
            k.add(key);
            if (key.isEmpty()) {
                continue;
            }
            Integer before = idx.putIfAbsent(key, i);
            if (before != null) {
                source.closeQuietly();
                throw at(headerLine, null, data("column.twice", quoted(header.get(i)), before + 1, i + 1));
            }
        }
        this.keys = Collections.unmodifiableList(k);
        this.index = idx;
    }

    /** Opens a CSV-like text file or the first sheet of a workbook. */
    public static TabularFile open(Path file) throws IOException {
        return open(file, null);
    }

    /**
     * Opens a CSV-like text file, or a sheet of a workbook.
     *
     * @param sheet the sheet to read (name, matched exactly, else ignoring case), or null for the
     *              first sheet; must be null for text files
     * @throws InputException if the file is missing, empty, of an unsupported kind, or its header is unusable
     * @throws IOException    if reading fails for another reason
     */
    public static TabularFile open(Path file, String sheet) throws IOException {
        Sniff sniff = Sniff.of(file);
        if (sniff.size == 0) {
            throw InputException.file(file, data("file.empty"));
        }
        byte[] h = sniff.head;
        if (startsWith(h, 0x50, 0x4B, 0x03, 0x04)) {
            return openXlsx(file, sheet, sniff);
        }
        if (startsWith(h, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw InputException.file(file, data("file.xls"));
        }
        if (sniff.isParquet()) {
            throw InputException.file(file, data("file.parquet.not.here"));
        }
        if (startsWith(h, 0x1F, 0x8B, 0x08)) {
            throw InputException.file(file, data("file.gzip"));
        }
        if (sheet != null) {
            throw InputException.file(file, data("file.text.no.sheet", quoted(sheet)));
        }
        return openText(file, sniff);
    }

    // --------------------------------------------------------------------------------------- API

    public Path file() {
        return file;
    }

    public Format format() {
        return format;
    }

    /** SHA-256 of the file's bytes, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** File size in bytes. */
    public long size() {
        return size;
    }

    /** Header names as written, trimmed (an unnamed column is {@code ""}). */
    public List<String> header() {
        return header;
    }

    /** Header names trimmed and in lower case: the keys {@link #indexOf} matches against. */
    public List<String> columns() {
        return keys;
    }

    /** Index of a column by name (trimmed, case-insensitive), or -1 when absent. */
    public int indexOf(String name) {
        Integer i = index.get(Text.key(name));
        return i == null ? -1 : i;
    }

    /** Line (or sheet row) of the header. */
    public long headerLine() {
        return headerLine;
    }

    /** Warnings collected while reading (e.g. numbers in a code column of a workbook). */
    public List<org.klaster.Text> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Requires the named columns.
     *
     * @throws InputException naming the missing columns and the columns found; if the first line
     *                        looks like data it says the header is missing
     */
    public void require(String... names) {
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            if (indexOf(n) < 0) {
                missing.add(n);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String found = header.stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        String expected = Arrays.stream(names).collect(Collectors.joining(", "));
        long named = header.stream().filter(x -> !x.isEmpty()).count();
        long numeric = header.stream().filter(TabularFile::looksNumeric).count();
        if (missing.size() == names.length && numeric > 0 && numeric * 2 >= named) {
            throw InputException.column(file, format.sheet, missing.get(0), format.kind == Kind.XLSX
                    ? data("header.missing.row", headerLine, found, expected)
                    : data("header.missing.line", found, expected));
        }
        throw InputException.column(file, format.sheet, missing.get(0), missingColumns(missing, found));
    }

    /**
     * The next data row, or null at the end.
     *
     * @throws InputException on malformed content (wrong number of values, unterminated quote, bad encoding)
     */
    public Row next() throws IOException {
        return source.next();
    }

    /**
     * "required column "x" is missing (columns found: a, b)" or its plural, for every reader that
     * checks a header.
     */
    static org.klaster.Text missingColumns(List<String> missing, String found) {
        org.klaster.Text what = missing.size() == 1
                ? data("column.required.missing", quoted(missing.get(0)))
                : data("columns.required.missing", DataText.quoted(missing));
        return found.isEmpty() ? data("columns.found.none", what) : data("columns.found", what, found);
    }

    /** An error at a line/row of this file ({@code column} may be null). */
    public InputException at(long line, String column, org.klaster.Text problem) {
        if (format.kind == Kind.XLSX) {
            return InputException.row(file, format.sheet, line, column, problem);
        }
        return InputException.line(file, line, column, problem);
    }

    /** An error concerning this file as a whole. */
    public InputException whole(org.klaster.Text problem) {
        return format.kind == Kind.XLSX
                ? InputException.column(file, format.sheet, null, problem)
                : InputException.file(file, problem);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    // --------------------------------------------------------------------------------------- Row

    /** One data row: trimmed values with the line (or sheet row) it came from. */
    public final class Row {
        private final long line;
        private final String[] values;
        private final byte[] kinds; // null for text; per cell for xlsx

        Row(long line, String[] values, byte[] kinds) {
            this.line = line;
            this.values = values;
            this.kinds = kinds;
        }

        /** Physical line where the record starts (text) or sheet row number (xlsx). */
        public long line() {
            return line;
        }

        /** Number of values (= number of header columns). */
        public int size() {
            return values.length;
        }

        /** The trimmed value of column {@code i} ({@code ""} when blank). */
        public String get(int i) {
            return values[i];
        }

        public boolean isBlank(int i) {
            return values[i].isEmpty();
        }

        /** The trimmed text of column {@code i}, possibly empty. */
        public String text(int i) {
            checkCell(i);
            return values[i];
        }

        /**
         * A code (region, industry, …): the trimmed text, required to be non-empty. A workbook number
         * cell is accepted but warned about once per column, since it may have lost zeros.
         */
        public String code(int i) {
            String v = text(i);
            if (v.isEmpty()) {
                throw error(i, data("value.empty.code", columnName(i)));
            }
            if (kinds != null && kinds[i] == NUMBER && warnedNumericCode.add(i)) {
                warnings.add(where(data("code.numeric", quoted(columnName(i)), line, quoted(v))));
            }
            return v;
        }

        /** A number, NaN when the cell is blank. */
        public double number(int i) {
            checkCell(i);
            String v = values[i];
            try {
                if (kinds != null && kinds[i] == NUMBER) {
                    // quoted as Excel shows it (1.5E+308), not as 309 digits
                    return Numbers.checkMagnitude(Double.parseDouble(v), v.length() > 24
                            ? new BigDecimal(v).stripTrailingZeros().toString() : v) + 0.0;
                }
                return Numbers.parse(v, format.decimalMark);
            } catch (Numbers.NotANumberException e) {
                throw error(i, e.text());
            }
        }

        /** A number that must be present. */
        public double requiredNumber(int i) {
            double v = number(i);
            if (Double.isNaN(v)) {
                throw error(i, data("value.empty.number"));
            }
            return v;
        }

        /** A year, {@value Numbers#MIN_YEAR}–{@value Numbers#MAX_YEAR}; must be present. */
        public int year(int i) {
            checkCell(i);
            String v = values[i];
            if (v.isEmpty()) {
                throw error(i, data("value.empty.year"));
            }
            if (kinds != null && kinds[i] == NUMBER) {
                BigDecimal d = new BigDecimal(v);
                if (d.scale() <= 0 && d.compareTo(BigDecimal.valueOf(Numbers.MIN_YEAR)) >= 0
                        && d.compareTo(BigDecimal.valueOf(Numbers.MAX_YEAR)) <= 0) {
                    return d.intValueExact();
                }
            }
            try {
                return Numbers.parseYear(v);
            } catch (Numbers.NotANumberException e) {
                throw error(i, e.text());
            }
        }

        /** An error at this row and column {@code i}. */
        public InputException error(int i, org.klaster.Text problem) {
            return at(line, columnName(i), problem);
        }

        /** An error at this row, no particular column. */
        public InputException error(org.klaster.Text problem) {
            return at(line, null, problem);
        }

        private String columnName(int i) {
            String name = i < header.size() ? header.get(i) : "";
            return name.isEmpty() ? "#" + (i + 1) : name;
        }

        private void checkCell(int i) {
            if (kinds != null && kinds[i] == ERROR) {
                throw error(i, cellProblem(values[i]));
            }
        }

        private org.klaster.Text where(org.klaster.Text sentence) {
            return format.kind == Kind.XLSX
                    ? data("warning.sheet", InputException.displayName(file), format.sheet, sentence)
                    : data("warning.file", InputException.displayName(file), sentence);
        }
    }

    // ------------------------------------------------------------------------------ text (CSV) path

    private static final byte TEXT = 0;
    private static final byte NUMBER = 1;
    private static final byte ERROR = 2;

    private static TabularFile openText(Path file, Sniff sniff) throws IOException {
        Charset charset;
        String encoding;
        int skip = 0;
        byte[] h = sniff.head;
        if (startsWith(h, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            encoding = "UTF-8 (BOM)";
            skip = 3;
            if (!sniff.utf8.valid()) {
                throw InputException.line(file, sniff.utf8.firstInvalidLine, null, data("encoding.bom.mixed"));
            }
        } else if (startsWith(h, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            encoding = "UTF-16LE (BOM)";
            skip = 2;
        } else if (startsWith(h, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            encoding = "UTF-16BE (BOM)";
            skip = 2;
        } else if (sniff.utf8.hasNul) {
            Charset utf16 = guessUtf16(h);
            if (utf16 == null) {
                throw InputException.file(file, data("file.binary"));
            }
            charset = utf16;
            encoding = utf16.name() + " (no BOM)";
        } else if (sniff.utf8.valid()) {
            charset = StandardCharsets.UTF_8;
            encoding = "UTF-8";
        } else if (sniff.utf8.mostlyUtf8()) {
            throw InputException.line(file, sniff.utf8.firstInvalidLine, null, data("encoding.mixed"));
        } else {
            charset = Charset.forName("windows-1251");
            encoding = "Windows-1251";
        }
        CharsetDecoder decoder = charset.newDecoder();
        if (charset.name().equals("windows-1251")) {
            decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        } else {
            decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(skip);
            BufferedReader buffered = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
            String firstLine = peekFirstRecord(buffered);
            if (Text.isBlank(firstLine)) {
                if (restIsBlank(buffered)) {
                    throw InputException.file(file, data("file.empty"));
                }
                throw InputException.line(file, 1, null, data("header.line.empty"));
            }
            char sep = detectSeparator(firstLine);
            Numbers.DecimalMark mark = switch (sep) {
                case ';' -> Numbers.DecimalMark.COMMA;
                case ',' -> Numbers.DecimalMark.POINT;
                default -> Numbers.DecimalMark.EITHER;
            };
            Format format = new Format(Kind.CSV, encoding, sep, mark, null);
            CSVFormat csv = CSVFormat.DEFAULT.builder()
                    .setDelimiter(sep)
                    .setQuote('"')
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(false)
                    .get();
            RecordLimitReader reader = new RecordLimitReader(buffered, RecordLimitReader.DEFAULT_LIMIT);
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csv).get();
            CsvSource src = new CsvSource(file, parser, reader);
            CSVRecord first = src.nextRecord();
            if (first == null) {
                throw InputException.file(file, data("file.empty"));
            }
            List<String> header = new ArrayList<>(first.size());
            for (String s : first) {
                header.add(Text.strip(s));
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).indexOf('\n') >= 0 || header.get(i).indexOf('\r') >= 0) {
                    throw InputException.line(file, 1, null, data("header.name.multiline", quoted(header.get(i))));
                }
            }
            TabularFile t = new TabularFile(file, format, sniff.sha256, sniff.size, header, 1, src);
            src.owner = t;
            return t;
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /** Reads the first record's text (up to the first line break outside quotes) and rewinds. */
    static String peekFirstRecord(BufferedReader reader) throws IOException {
        reader.mark(MAX_HEADER_CHARS + 1);
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        try {
            int c;
            while ((c = reader.read()) >= 0 && sb.length() < MAX_HEADER_CHARS) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                }
                sb.append((char) c);
            }
        } catch (CharacterCodingException e) {
            // reported with a line when the parser reaches it
        }
        reader.reset();
        return sb.toString();
    }

    private static boolean restIsBlank(BufferedReader reader) throws IOException {
        reader.mark(MAX_HEADER_CHARS + 1);
        int c;
        int n = 0;
        while ((c = reader.read()) >= 0 && n++ < MAX_HEADER_CHARS) {
            if (!Text.isBlankChar((char) c)) {
                reader.reset();
                return false;
            }
        }
        reader.reset();
        return c < 0;
    }

    /** The most frequent of {@code , ; \t} outside quotes; comma when none occurs. */
    static char detectSeparator(String headerLine) {
        int commas = 0;
        int semis = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semis++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (tabs > commas && tabs > semis) {
            return '\t';
        }
        if (semis > commas) {
            return ';';
        }
        return ',';
    }

    private static Charset guessUtf16(byte[] h) {
        int pairs = Math.min(h.length, 4096) / 2;
        if (pairs == 0) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs; i++) {
            if (h[2 * i] == 0) {
                evenZeros++;
            }
            if (h[2 * i + 1] == 0) {
                oddZeros++;
            }
        }
        if (oddZeros * 2 >= pairs && evenZeros == 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 2 >= pairs && oddZeros == 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Turns a commons-csv failure of the record starting at {@code line} into a user message. */
    static InputException csvProblem(Path file, long line, Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof RecordLimitReader.RecordTooLongException)
                && !(cause instanceof CharacterCodingException)) {
            cause = cause.getCause();
        }
        String msg = String.valueOf(e.getMessage()) + " " + String.valueOf(cause.getMessage());
        if (cause instanceof RecordLimitReader.RecordTooLongException tooLong) {
            return InputException.line(file, line, null, tooLong.quoted() ? data("csv.record.too.long")
                    : data("csv.line.too.long", RecordLimitReader.DEFAULT_LIMIT), e);
        }
        if (msg.contains("EOF reached before encapsulated token finished")) {
            return InputException.line(file, line, null, data("csv.quote.unclosed"), e);
        }
        if (msg.contains("Invalid character between encapsulated token and delimiter")) {
            return InputException.line(file, line, null, data("csv.text.after.quote"), e);
        }
        if (cause instanceof CharacterCodingException) {
            return InputException.line(file, line, null, data("encoding.invalid"), e);
        }
        return InputException.line(file, line, null, data("csv.unreadable", cause.getMessage()), e);
    }

    private abstract static class RowSource implements Closeable {
        TabularFile owner;

        abstract Row next() throws IOException;

        void closeQuietly() {
            try {
                close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    private static final class CsvSource extends RowSource {
        private final Path file;
        private final CSVParser parser;
        private final RecordLimitReader reader;
        private final Iterator<CSVRecord> records;
        private long previousEnd;
        private long recordStart;

        CsvSource(Path file, CSVParser parser, RecordLimitReader reader) {
            this.file = file;
            this.parser = parser;
            this.reader = reader;
            this.records = parser.iterator();
        }

        /** The next record, with {@link #recordStart} set; null at the end. */
        CSVRecord nextRecord() {
            recordStart = previousEnd + 1;
            reader.startRecord();
            CSVRecord r;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                r = records.next();
            } catch (UncheckedIOException e) {
                throw translate(e.getCause());
            } catch (IllegalStateException e) {
                throw translate(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e));
            }
            previousEnd = parser.getCurrentLineNumber();
            return r;
        }

        private InputException translate(IOException e) {
            return csvProblem(file, recordStart, e);
        }

        @Override
        Row next() {
            while (true) {
                CSVRecord r = nextRecord();
                if (r == null) {
                    return null;
                }
                int n = r.size();
                String[] values = new String[n];
                boolean blank = true;
                for (int i = 0; i < n; i++) {
                    String v = Text.strip(r.get(i));
                    values[i] = v;
                    blank &= v.isEmpty();
                }
                if (blank) {
                    continue;
                }
                int expected = owner.header.size();
                if (n != expected) {
                    Object hint = n > expected && owner.format.separator == ',' ? data("csv.width.hint") : "";
                    throw InputException.line(file, recordStart, null, data("csv.width", n,
                            data(n == 1 ? "word.value" : "word.values"), expected,
                            data(expected == 1 ? "word.column" : "word.columns"), hint));
                }
                return owner.new Row(recordStart, values, null);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                parser.close();
            } finally {
                reader.close();
            }
        }
    }

    // ----------------------------------------------------------------------------------- xlsx path

    private static TabularFile openXlsx(Path file, String sheetName, Sniff sniff) throws IOException {
        ReadableWorkbook wb = XlsxGuard.open(file);
        try {
            Sheet sheet;
            if (sheetName == null) {
                sheet = wb.getFirstSheet();
            } else {
                sheet = wb.findSheet(sheetName).orElse(null);
                if (sheet == null) {
                    List<Sheet> all = wb.getSheets().toList();
                    sheet = all.stream().filter(s -> s.getName().equalsIgnoreCase(sheetName)).findFirst().orElse(null);
                    if (sheet == null) {
                        throw InputException.file(file, data("xlsx.no.such.sheet", quoted(sheetName),
                                all.stream().map(Sheet::getName).collect(Collectors.joining(", "))));
                    }
                }
            }
            if (sheet == null) {
                throw InputException.file(file, data("xlsx.no.sheets"));
            }
            Stream<org.dhatim.fastexcel.reader.Row> stream = sheet.openStream();
            XlsxSource src = new XlsxSource(file, sheet.getName(), wb, stream);
            Format format = new Format(Kind.XLSX, null, (char) 0, Numbers.DecimalMark.EITHER, sheet.getName());
            XlsxSource.Cells head = src.nextNonBlank();
            if (head == null) {
                throw InputException.column(file, sheet.getName(), null, data("xlsx.sheet.empty"));
            }
            List<String> header = new ArrayList<>();
            for (int i = 0; i < head.values.length; i++) {
                if (head.kinds[i] == ERROR) {
                    throw InputException.row(file, sheet.getName(), head.row, null,
                            data("xlsx.header.cell", i + 1, cellProblem(head.values[i])));
                }
                header.add(head.values[i]);
            }
            while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
                header.remove(header.size() - 1);
            }
            TabularFile t = new TabularFile(file, format, sniff.sha256, sniff.size, header, head.row, src);
            src.owner = t;
            return t;
        } catch (IOException | RuntimeException e) {
            try {
                wb.close();
            } catch (IOException ignored) {
                // already failing
            }
            if (e instanceof InputException || e instanceof IOException) {
                throw e;
            }
            throw InputException.file(file, data("xlsx.unreadable", e.getMessage()), e);
        }
    }

    private static final class XlsxSource extends RowSource {
        record Cells(long row, String[] values, byte[] kinds) { }

        private final Path file;
        private final String sheet;
        private final ReadableWorkbook wb;
        private final Stream<org.dhatim.fastexcel.reader.Row> stream;
        private final Iterator<org.dhatim.fastexcel.reader.Row> rows;

        XlsxSource(Path file, String sheet, ReadableWorkbook wb, Stream<org.dhatim.fastexcel.reader.Row> stream) {
            this.file = file;
            this.sheet = sheet;
            this.wb = wb;
            this.stream = stream;
            this.rows = stream.iterator();
        }

        Cells nextNonBlank() {
            while (true) {
                org.dhatim.fastexcel.reader.Row r;
                try {
                    if (!rows.hasNext()) {
                        return null;
                    }
                    r = rows.next();
                } catch (RuntimeException e) {
                    throw InputException.column(file, sheet, null, data("xlsx.sheet.unreadable", e.getMessage()));
                }
                int n = r.getCellCount();
                String[] values = new String[n];
                byte[] kinds = new byte[n];
                boolean blank = true;
                for (int i = 0; i < n; i++) {
                    Cell c = r.getCell(i);
                    cell(c, values, kinds, i);
                    if (values[i].length() > XlsxGuard.MAX_CELL_CHARS) {
                        throw InputException.row(file, sheet, r.getRowNum(), columnLetter(i),
                                data("xlsx.limit.cell", XlsxGuard.MAX_CELL_CHARS));
                    }
                    blank &= values[i].isEmpty() && kinds[i] != ERROR;
                }
                if (!blank) {
                    return new Cells(r.getRowNum(), values, kinds);
                }
            }
        }

        private static void cell(Cell c, String[] values, byte[] kinds, int i) {
            values[i] = "";
            kinds[i] = TEXT;
            if (c == null) {
                return;
            }
            switch (c.getType()) {
                case NUMBER -> {
                    values[i] = plain(c.asNumber());
                    kinds[i] = NUMBER;
                }
                case STRING -> values[i] = Text.strip(c.asString());
                case BOOLEAN -> values[i] = String.valueOf(c.asBoolean()).toUpperCase(Locale.ROOT);
                case ERROR -> {
                    values[i] = c.getRawValue(); // an error code such as #DIV/0!: see cellProblem
                    kinds[i] = ERROR;
                }
                case FORMULA -> {
                    Object v = c.getValue();
                    if (v instanceof BigDecimal d) {
                        values[i] = plain(d);
                        kinds[i] = NUMBER;
                    } else if (v != null) {
                        values[i] = Text.strip(v.toString());
                    } else {
                        values[i] = "=" + c.getFormula(); // see cellProblem
                        kinds[i] = ERROR;
                    }
                }
                default -> values[i] = "";
            }
        }


        @Override
        Row next() {
            TabularFile t = owner;
            Cells c = nextNonBlank();
            if (c == null) {
                return null;
            }
            int width = t.header.size();
            String[] values = new String[width];
            byte[] kinds = new byte[width];
            Arrays.fill(values, "");
            for (int i = 0; i < c.values.length; i++) {
                if (i < width) {
                    values[i] = c.values[i];
                    kinds[i] = c.kinds[i];
                } else if (!c.values[i].isEmpty() || c.kinds[i] == ERROR) {
                    throw InputException.row(file, sheet, c.row, null, data("xlsx.width", i + 1, columnLetter(i), width,
                            data(width == 1 ? "word.column" : "word.columns")));
                }
            }
            return t.new Row(c.row, values, kinds);
        }

        @Override
        public void close() throws IOException {
            try {
                stream.close();
            } finally {
                wb.close();
            }
        }
    }

    /**
     * A workbook number as digits without an exponent ({@code 29.1}, {@code 1200}) — unless that would
     * take more than {@value #PLAIN_DIGITS} characters ({@code 1E+999999999} is a cell of 12 bytes, and
     * a billion digits as plain text): then as {@link BigDecimal#toString()} writes it, with an
     * exponent, which {@link Double#parseDouble} reads as ±∞ or 0 and {@link Numbers#checkMagnitude}
     * refuses or accepts.
     */
    static String plain(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        // the digits are at most XlsxGuard.MAX_NUMBER_BYTES; only the exponent can make the plain form long
        if ((long) d.precision() + Math.abs((long) d.scale()) > PLAIN_DIGITS) {
            return d.toString();
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static final int PLAIN_DIGITS = 400;

    /**
     * The problem of a workbook cell of kind ERROR, whose value holds an Excel error code
     * ({@code #DIV/0!}) or a formula whose value was not saved ({@code =…}).
     */
    static org.klaster.Text cellProblem(String value) {
        return value.startsWith("=") ? data("xlsx.cell.formula", value) : data("xlsx.cell.error", value);
    }

    /** "line 12", or "row 12" in a workbook. */
    org.klaster.Text lineOrRow(long n) {
        return data(format.kind == Kind.XLSX ? "at.row" : "at.line", n);
    }

    /** A warning about a line (a row in a workbook) of this file: "trade.csv, line 12: …". */
    org.klaster.Text warningAt(long line, org.klaster.Text sentence) {
        return data(format.kind == Kind.XLSX ? "warning.row" : "warning.line", InputException.displayName(file), line,
                sentence);
    }

    /** "first on line 12" ("first on row 12" in a workbook), for a repeated key. */
    org.klaster.Text firstOn(long before) {
        return data("first.on", lineOrRow(before));
    }

    static String columnLetter(int index) {
        StringBuilder sb = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            sb.append((char) ('A' + r));
            n = (n - 1) / 26;
        }
        return sb.reverse().toString();
    }

    // --------------------------------------------------------------------------------- sniffing

    /** One pass over the bytes: SHA-256, the first 64 KiB, UTF-8 validity, zero bytes. */
    static final class Sniff {
        final long size;
        final byte[] head;
        final String sha256;
        final Utf8Check utf8;
        final byte[] tail;

        private Sniff(long size, byte[] head, byte[] tail, String sha256, Utf8Check utf8) {
            this.size = size;
            this.head = head;
            this.tail = tail;
            this.sha256 = sha256;
            this.utf8 = utf8;
        }

        /** Parquet: {@code PAR1}, data, footer, footer length (4 bytes, little-endian), {@code PAR1}. */
        boolean isParquet() {
            if (size < 12 || !startsWith(head, 'P', 'A', 'R', '1') || !hasAt(tail, 4, 'P', 'A', 'R', '1')) {
                return false;
            }
            long footer = (tail[0] & 0xFFL) | (tail[1] & 0xFFL) << 8 | (tail[2] & 0xFFL) << 16 | (tail[3] & 0xFFL) << 24;
            return footer > 0 && footer <= size - 12;
        }

        static Sniff of(Path file) throws IOException {
            checkReadable(file);
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available", e);
            }
            byte[] buf = new byte[1 << 16];
            byte[] head = null;
            long size = 0;
            Utf8Check utf8 = new Utf8Check();
            byte[] tail = new byte[TAIL_BYTES];
            try (InputStream is = open(file)) {
                int n;
                while ((n = is.readNBytes(buf, 0, buf.length)) > 0) {
                    digest.update(buf, 0, n);
                    if (head == null) {
                        head = Arrays.copyOf(buf, n);
                    }
                    utf8.update(buf, n);
                    if (n >= TAIL_BYTES) {
                        System.arraycopy(buf, n - TAIL_BYTES, tail, 0, TAIL_BYTES);
                    } else {
                        System.arraycopy(tail, n, tail, 0, TAIL_BYTES - n);
                        System.arraycopy(buf, 0, tail, TAIL_BYTES - n, n);
                    }
                    size += n;
                }
            }
            utf8.finish();
            return new Sniff(size, head == null ? new byte[0] : head, tail, HexFormat.of().formatHex(digest.digest()),
                    utf8);
        }

        /** Only the first 64 KiB and the size; no checksum, no UTF-8 check. */
        static Sniff headOnly(Path file) throws IOException {
            checkReadable(file);
            long size;
            byte[] head;
            try (InputStream is = open(file)) {
                head = is.readNBytes(HEAD_BYTES);
                size = Files.size(file);
            }
            byte[] tail = new byte[TAIL_BYTES];
            if (size >= TAIL_BYTES) {
                try (SeekableByteChannel ch = Files.newByteChannel(file)) {
                    ch.position(size - TAIL_BYTES);
                    ByteBuffer bb = ByteBuffer.wrap(tail);
                    while (bb.hasRemaining() && ch.read(bb) > 0) {
                        // fill the last four bytes
                    }
                }
            }
            return new Sniff(size, head, tail, null, null);
        }

        private static void checkReadable(Path file) {
            if (Files.isDirectory(file)) {
                throw InputException.file(file, data("file.directory"));
            }
        }

        private static InputStream open(Path file) throws IOException {
            try {
                return Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                throw InputException.file(file, data("file.not.found", file), e);
            } catch (AccessDeniedException e) {
                throw InputException.file(file, data("file.permission"), e);
            }
        }
    }

    /**
     * Streaming UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above
     * U+10FFFF) that also counts well-formed multi-byte sequences, zero bytes, and the line of the
     * first invalid byte — enough to tell Windows-1251 text from UTF-8 with a few damaged bytes.
     */
    static final class Utf8Check {
        long multiByte;
        long invalid;
        long firstInvalidLine;
        boolean hasNul;
        private long line = 1;
        private int need;
        private int lo = 0x80;
        private int hi = 0xBF;

        void update(byte[] buf, int n) {
            for (int i = 0; i < n; i++) {
                int u = buf[i] & 0xFF;
                if (need > 0) {
                    if (u >= lo && u <= hi) {
                        lo = 0x80;
                        hi = 0xBF;
                        if (--need == 0) {
                            multiByte++;
                        }
                        continue;
                    }
                    bad();
                    need = 0;
                    lo = 0x80;
                    hi = 0xBF;
                    // fall through: this byte starts afresh
                }
                if (u < 0x80) {
                    if (u == '\n') {
                        line++;
                    } else if (u == 0) {
                        hasNul = true;
                    }
                } else if (u >= 0xC2 && u <= 0xDF) {
                    need = 1;
                } else if (u >= 0xE0 && u <= 0xEF) {
                    need = 2;
                    if (u == 0xE0) {
                        lo = 0xA0;
                    } else if (u == 0xED) {
                        hi = 0x9F;
                    }
                } else if (u >= 0xF0 && u <= 0xF4) {
                    need = 3;
                    if (u == 0xF0) {
                        lo = 0x90;
                    } else if (u == 0xF4) {
                        hi = 0x8F;
                    }
                } else {
                    bad();
                }
            }
        }

        void finish() {
            if (need > 0) {
                bad();
                need = 0;
            }
        }

        private void bad() {
            if (invalid++ == 0) {
                firstInvalidLine = line;
            }
        }

        boolean valid() {
            return invalid == 0;
        }

        /** Mostly well-formed UTF-8 with a few bad bytes: damaged or mixed, not a single-byte encoding. */
        boolean mostlyUtf8() {
            return invalid > 0 && multiByte > invalid;
        }
    }

    static boolean startsWith(byte[] h, int... magic) {
        return hasAt(h, 0, magic);
    }

    private static boolean hasAt(byte[] h, int offset, int... magic) {
        if (h == null || h.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            return !Double.isNaN(Numbers.parse(s, Numbers.DecimalMark.EITHER));
        } catch (Numbers.NotANumberException e) {
            return false;
        }
    }
}
