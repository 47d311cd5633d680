package org.klaster.data.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile workbooks, written byte by byte so that they can be what no well-behaved writer produces:
 * parts that inflate a thousandfold (one deflate block repeated, so a part of gigabytes costs
 * kilobytes to write), sizes in the ZIP headers that lie, compression methods no workbook uses.
 *
 * <p>The base workbook is an activity table: sheet "Data" with the header
 * {@code region, industry, year, employment} (shared strings 0–3) and the row
 * {@code RU-SAM, 29.10, 2023, 120} (shared strings 4–5, numbers); {@link #SHEET} and {@link #STRINGS}
 * are its two parts, which the methods here replace.
 */
public final class XlsxBombs {

    public static final String SHEET = "xl/worksheets/sheet1.xml";
    public static final String STRINGS = "xl/sharedStrings.xml";

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
            + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
            + "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>";
    static final String ROW_2 = "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>4</v></c><c r=\"B2\" t=\"s\"><v>5</v></c>"
            + "<c r=\"C2\"><v>2023</v></c><c r=\"D2\"><v>120</v></c></row>";
    static final String SHEET_END = "</sheetData></worksheet>";
    static final String STRINGS_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN
            + "\" count=\"6\" uniqueCount=\"6\"><si><t>region</t></si><si><t>industry</t></si><si><t>year</t></si>"
            + "<si><t>employment</t></si>";
    static final String STRINGS_END = "<si><t>RU-SAM</t></si><si><t>29.10</t></si></sst>";

    private XlsxBombs() {
    }

    /** The parts of the base workbook, in archive order. */
    public static Map<String, byte[]> base() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sharedStrings+xml\"/></Types>"));
        parts.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        parts.put("xl/workbook.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
                + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
        parts.put(SHEET, utf8(SHEET_START + ROW_2 + SHEET_END));
        parts.put(STRINGS, utf8(STRINGS_START + STRINGS_END));
        return parts;
    }

    /** The base workbook with {@code part} replaced by {@code content} (deflated honestly). */
    public static Path with(Path file, String part, String content) throws IOException {
        Map<String, byte[]> parts = base();
        parts.put(part, utf8(content));
        return write(file, parts, null, null);
    }

    /**
     * The base workbook with {@code part} made of {@code prefix}, {@code unit} repeated {@code count}
     * times (rounded up to whole deflate blocks) and {@code suffix}; its ZIP headers declare 1 000
     * bytes inflated and carry no true checksum. Writing it costs about count × unit / 1 000 bytes.
     */
    public static Path repeated(Path file, String part, String prefix, String unit, long count, String suffix)
            throws IOException {
        return write(file, base(), part, new Repeat(prefix, unit, count, suffix));
    }

    /**
     * The shared-strings bomb of the probe: the text of the row's region (shared string 4) is
     * {@code chars} letters "A" — 2 GiB of them in 2 MB took a server from 330 MB to 5.5 GB.
     */
    public static Path hugeSharedString(Path file, long chars) throws IOException {
        return repeated(file, STRINGS, STRINGS_START + "<si><t>", "A".repeat(64), Math.max(1, chars / 64),
                "</t></si><si><t>29.10</t></si></sst>");
    }

    /** The empty-rows bomb of the probe: {@code rows} empty {@code <row/>} elements before the data row. */
    public static Path emptyRows(Path file, long rows) throws IOException {
        return repeated(file, SHEET, SHEET_START, "<row/>", rows, ROW_2 + SHEET_END);
    }

    /** The base workbook plus {@code extra} empty parts (the ZIP library keeps an object for each). */
    public static Path manyParts(Path file, int extra) throws IOException {
        Map<String, byte[]> parts = base();
        for (int i = 0; i < extra; i++) {
            parts.put("x/" + i, new byte[0]);
        }
        return write(file, parts, null, null);
    }

    /** The base workbook whose shared strings are stored with compression method {@code method} (e.g. 12, bzip2). */
    public static Path method(Path file, int method) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, byte[]> p : base().entrySet()) {
            Entry e = deflated(p.getKey(), p.getValue());
            entries.add(p.getKey().equals(STRINGS) ? new Entry(e.name, method, e.crc, e.data, e.size) : e);
        }
        return zip(file, entries);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Repeat(String prefix, String unit, long count, String suffix) { }

    private record Entry(String name, int method, long crc, byte[] data, long size) { }

    private static Path write(Path file, Map<String, byte[]> parts, String bombPart, Repeat bomb) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, byte[]> p : parts.entrySet()) {
            entries.add(p.getKey().equals(bombPart) ? repeatedEntry(p.getKey(), bomb)
                    : p.getValue().length == 0 ? new Entry(p.getKey(), 0, 0, p.getValue(), 0) : deflated(p.getKey(), p.getValue()));
        }
        return zip(file, entries);
    }

    private static Entry deflated(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return new Entry(name, 8, crc.getValue(), out.toByteArray(), content.length);
    }

    /**
     * One deflate stream: the prefix, then a block of the repeated unit compressed once with a full
     * window of the same text behind it and written as often as needed (a block flushed with
     * SYNC_FLUSH ends on a byte boundary and only refers back to text identical in every copy), then
     * the suffix.
     */
    private static Entry repeatedEntry(String name, Repeat r) {
        byte[] unit = utf8(r.unit);
        int perBlock = Math.max(1, (64 * 1024 + unit.length - 1) / unit.length);
        byte[] block = new byte[perBlock * unit.length];
        for (int i = 0; i < perBlock; i++) {
            System.arraycopy(unit, 0, block, i * unit.length, unit.length);
        }
        long blocks = Math.max(2, (r.count + perBlock - 1) / perBlock);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(flush(d, utf8(r.prefix), Deflater.SYNC_FLUSH));
        out.writeBytes(flush(d, block, Deflater.SYNC_FLUSH));
        byte[] steady = flush(d, block, Deflater.SYNC_FLUSH);
        for (long b = 1; b < blocks; b++) {
            out.writeBytes(steady);
        }
        d.setInput(utf8(r.suffix));
        d.finish();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return new Entry(name, 8, 0, out.toByteArray(), 1_000);
    }

    private static byte[] flush(Deflater d, byte[] input, int mode) {
        d.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int n;
        do {
            n = d.deflate(buf, 0, buf.length, mode);
            out.write(buf, 0, n);
        } while (n == buf.length || !d.needsInput());
        return out.toByteArray();
    }

    /** A ZIP archive written by hand: local headers and data, central directory, end record. */
    private static Path zip(Path file, List<Entry> entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            Counting out = new Counting(os);
            long[] offsets = new long[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                offsets[i] = out.count;
                byte[] name = utf8(e.name);
                out.int32(0x04034b50).int16(20).int16(0).int16(e.method).int16(0).int16(0x21)
                        .int32(e.crc).int32(e.data.length).int32(e.size).int16(name.length).int16(0);
                out.bytes(name).bytes(e.data);
            }
            long cd = out.count;
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                byte[] name = utf8(e.name);
                out.int32(0x02014b50).int16(20).int16(20).int16(0).int16(e.method).int16(0).int16(0x21)
                        .int32(e.crc).int32(e.data.length).int32(e.size).int16(name.length).int16(0).int16(0)
                        .int16(0).int16(0).int32(0).int32(offsets[i]);
                out.bytes(name);
            }
            long cdSize = out.count - cd;
            int n = Math.min(entries.size(), 0xFFFF);
            out.int32(0x06054b50).int16(0).int16(0).int16(n).int16(n).int32(cdSize).int32(cd).int16(0);
        }
        return file;
    }

    private static final class Counting {
        private final OutputStream out;
        long count;

        Counting(OutputStream out) {
            this.out = out;
        }

        Counting int16(int v) throws IOException {
            out.write(v & 0xFF);
            out.write(v >>> 8 & 0xFF);
            count += 2;
            return this;
        }

        Counting int32(long v) throws IOException {
            int16((int) (v & 0xFFFF));
            return int16((int) (v >>> 16 & 0xFFFF));
        }

        Counting bytes(byte[] b) throws IOException {
            out.write(b);
            count += b.length;
            return this;
        }
    }
}
