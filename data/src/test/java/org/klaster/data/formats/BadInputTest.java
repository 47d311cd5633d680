package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under {@code formats/bad/} must be refused with an {@link InputException} that names
 * the file, the exact line and the column. The expectations live here, one row per file; a file
 * without a row fails {@link #everyFixtureHasAnExpectation()}.
 */
class BadInputTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                // file, line, column (null = none), fragment of the message
                bad("missing_column.csv", 0, "year",
                        "missing_column.csv: required column \"year\" is missing (columns found: region, industry, employment)"),
                bad("missing_two_columns.csv", 0, "year",
                        "required columns \"year\", \"employment\" are missing (columns found: Region, Industry)"),
                bad("bad_number.csv", 3, "employment",
                        "bad_number.csv, line 3, column \"employment\": \"12,5,3\" is not a number"),
                bad("negative_employment.csv", 4, "employment", "\"-4\" is negative; employment cannot be negative"),
                bad("negative_wages.csv", 2, "wages", "\"-1\" is negative; wages cannot be negative"),
                bad("bad_establishments.csv", 3, "establishments",
                        "\"n/a\" is not a number (leave the cell empty if the value is missing)"),
                bad("duplicate_key.csv", 5, null,
                        "duplicate_key.csv, line 5: region \"RU-SAM\", industry \"29.10\", year 2023 appears twice (first on line 2)"),
                bad("empty_region.csv", 3, "region", "the value is empty, but a region code is required"),
                bad("empty_employment.csv", 3, "employment", "the value is empty, but a number is required"),
                bad("bad_year.csv", 2, "year", "\"20233\" is not a plausible year (expected 1900–2100)"),
                bad("year_text.csv", 3, "year", "\"2023 г.\" is not a year"),
                bad("too_many_fields.csv", 3, null, "the line has 5 values but the header has 4 columns"
                        + " (a number written with a decimal comma, like 12,5, must be quoted or use a point)"),
                bad("too_few_fields.csv", 4, null, "the line has 3 values but the header has 4 columns"),
                bad("unterminated_quote.csv", 3, null, "a quoted value that starts on this line is never closed"),
                bad("text_after_quote.csv", 2, null, "text follows a closing quote inside a value"),
                bad("empty.csv", 0, null, "empty.csv: the file is empty"),
                bad("blank.csv", 0, null, "blank.csv: the file is empty"),
                bad("blank_first_line.csv", 1, null, "the line is empty, but the first line must name the columns"),
                bad("no_header.csv", 0, "region",
                        "has no header: line 1 holds data (RU-SAM, 29.10, 2023, 1500); the first line must name the columns"),
                bad("multiline_then_bad.csv", 5, "employment", "\"abc\" is not a number"),
                bad("crlf_bad_number.csv", 4, "employment", "\"1.5.7\" is not a number"),
                bad("ambiguous_thousands.csv", 2, "employment", "\"1,234\" is ambiguous (a thousands separator or a"
                        + " decimal comma?); write 1234 for a whole number or 1.234 for a fraction"),
                bad("ambiguous_point_semicolon.csv", 2, "employment", "\"2.500\" is ambiguous"),
                bad("nan_employment.csv", 2, "employment", "\"NaN\" is not a number (leave the cell empty"),
                bad("dash_output.csv", 2, "output", "\"-\" is not a number (leave the cell empty if the value is missing)"),
                bad("duplicate_column.csv", 1, null, "column \"Year\" appears twice (columns 3 and 4)"),
                bad("bad_grouping.csv", 2, "employment", "\"12 34,5\" is not a number"),
                bad("binary.csv", 0, null, "contains zero bytes"),
                bad("mixed_encoding.csv", 4, null,
                        "the file is UTF-8 except for bytes on this line that are not (mixed encodings?)"),
                bad("compressed.csv.gz", 0, null, "is gzip-compressed; unpack it first"),
                bad("cp1251_bad_number.csv", 3, "employment", "\"12,5,3\" is not a number"),
                bad("not_xlsx.xlsx", 0, null, "is a ZIP archive but cannot be read as an .xlsx workbook"),
                bad("old_excel.xls", 0, null, "old-style Excel .xls"),
                bad("categories_duplicate.csv", 4, "industry", "industry \"29.10\" appears twice (first on line 2)"),
                bad("categories_empty_category.csv", 3, "category",
                        "the value is empty, but every industry code needs a category"),
                bad("categories_conflicting_name.csv", 3, "category_name",
                        "category \"auto\" is named \"Cars\" here but \"Automotive\" on line 2"),
                bad("firms_missing_column.csv", 0, "year", "required column \"year\" is missing"
                        + " (columns found: firm_id, region, industry, employment)"),
                bad("firms_bad_employment.csv", 4, "employment",
                        "firms_bad_employment.csv, line 4, column \"employment\": \"ten\" is not a number"),
                bad("firms_negative_employment.csv", 3, "employment", "\"-3\" is negative; employment cannot be negative"),
                bad("firms_bad_year.csv", 3, "year", "\"1850\" is not a plausible year (expected 1900–2100)"),
                bad("firms_empty_industry.csv", 3, "industry", "the value is empty, but an industry code is required"),
                bad("firms_empty_firm_id.csv", 3, "firm_id", "the value is empty, but a firm id is required"),
                bad("firms_duplicate.csv", 5, "firm_id", "firm \"F2\" appears twice in year 2023 (first on line 3)"),
                bad("firms_too_many_fields.csv", 3, null, "the line has 6 values but the header has 5 columns"),
                bad("firms_unterminated_quote.csv", 3, null, "a quoted value that starts on this line is never closed"),
                bad("firms_multiline_then_bad.csv", 4, "employment",
                        "\"1e3\" is not written the way firm files write numbers (digits with an optional decimal point"),
                bad("firms_exponent.csv", 2, "employment", "\"1.2e3\" is not written the way firm files write numbers"),
                bad("firms_cp1251.csv", 2, "region", "the text is not valid UTF-8; firm-level CSV files must be UTF-8"),
                bad("firms_utf16.csv", 0, null, "is UTF-16 text; firm-level CSV files must be UTF-8"),
                bad("firms_header_quote.csv", 1, null, "a quoted value that starts on this line is never closed"),
                bad("firms_lat_out_of_range.csv", 3, "lat", "\"95.5\" is not a latitude (degrees from -90 to 90)"),
                bad("firms_lon_not_a_number.csv", 4, "lon", "firms_lon_not_a_number.csv, line 4, column \"lon\": \"E50\" is not a number"),
                bad("firms_half_coordinates.csv", 3, "lon", "the value is empty, but lat is given; give both lat and lon, or neither"),
                bad("firms_lat_without_lon.csv", 0, "lon", "the file has a column \"lat\" but no column \"lon\""));
    }

    private static Arguments bad(String file, long line, String column, String fragment) {
        return Arguments.of(file, line, column, fragment);
    }

    @ParameterizedTest(name = "{0} → line {1}, column {2}")
    @MethodSource("corpus")
    void isRefusedWithLineAndColumn(String name, long line, String column, String fragment) throws Exception {
        Path file = dir().resolve(name);
        InputException e = catchThrowableOfType(InputException.class, () -> read(file));
        assertThat(e).as("%s must be refused", name).isNotNull();
        assertThat(e.getMessage()).startsWith(name).contains(fragment);
        assertThat(e.line()).as("line in: %s", e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as("column in: %s", e.getMessage()).isEqualTo(column);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void everyFixtureHasAnExpectation() throws Exception {
        var expected = corpus().map(a -> (String) a.get()[0]).toList();
        try (Stream<Path> files = Files.list(dir())) {
            var present = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(present).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(present).hasSizeGreaterThanOrEqualTo(15);
        }
    }

    private static void read(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.startsWith("firms_")) {
            new FirmsReader(2, "256MB").read(file);
        } else if (name.startsWith("categories_")) {
            CategoriesReader.read(file);
        } else {
            ActivityReader.read(file);
        }
    }

    static Path dir() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(BadInputTest.class.getResource("/formats/bad")).toURI());
    }
}
