package org.klaster.data.reference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the hand-written reference tables shipped as UTF-8 CSV resources beside this class.
 * A malformed table is a build defect, so every problem is an {@link IllegalStateException} that
 * names the resource, line and column.
 */
final class ReferenceCsv {

    private ReferenceCsv() {
    }

    /** One parsed row with checked accessors; {@code line} is the 1-based line in the file. */
    static final class Row {
        private final String resource;
        private final CSVRecord record;

        Row(String resource, CSVRecord record) {
            this.resource = resource;
            this.record = record;
        }

        long line() {
            return record.getRecordNumber() + 1;
        }

        String text(String column) {
            String value = record.isMapped(column) ? record.get(column) : null;
            if (value == null || value.isBlank()) {
                throw fail(column, "is empty");
            }
            return value.strip();
        }

        double number(String column) {
            String value = text(column);
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw fail(column, "is not a number: '" + value + "'");
            }
        }

        int integer(String column) {
            String value = text(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw fail(column, "is not an integer: '" + value + "'");
            }
        }

        boolean bool(String column) {
            String value = text(column);
            if (value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw fail(column, "is not true/false: '" + value + "'");
        }

        IllegalStateException fail(String column, String problem) {
            return new IllegalStateException(resource + " line " + line() + ", column " + column + " " + problem);
        }
    }

    static <T> List<T> read(String resource, List<String> columns, Function<Row, T> mapper) {
        try (InputStream in = ReferenceCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("reference table missing from the classpath: " + resource);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                Map<String, Integer> header = parser.getHeaderMap();
                for (String column : columns) {
                    if (!header.containsKey(column)) {
                        throw new IllegalStateException(resource + " has no column " + column);
                    }
                }
                List<T> out = new ArrayList<>();
                for (CSVRecord record : parser) {
                    if (!record.isConsistent()) {
                        throw new IllegalStateException(resource + " line " + (record.getRecordNumber() + 1)
                                + " has " + record.size() + " fields, expected " + header.size());
                    }
                    out.add(mapper.apply(new Row(resource, record)));
                }
                return List.copyOf(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference table " + resource, e);
        }
    }
}
