package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConcordanceReaderTest {

    @TempDir
    Path dir;

    Path write(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsPrefixesInFileOrderKeepingZeros() throws Exception {
        Concordance c = ConcordanceReader.read(write("conc.csv", "Product;Industry;note\n"
                + "85;27;electrical\n0805;01;\n8542 ;26;chips\n854231;26.11;\n"));
        assertThat(c.productToIndustry()).containsExactly(Map.entry("85", "27"), Map.entry("0805", "01"),
                Map.entry("8542", "26"), Map.entry("854231", "26.11"));
        assertThat(c.warnings()).extracting(Object::toString).containsExactly(
                "conc.csv: column \"note\" is not part of the concordance format and was ignored");
    }

    @Test
    void headerOnlyIsAWarning() throws Exception {
        Concordance c = ConcordanceReader.read(write("h.csv", "product,industry\n"));
        assertThat(c.productToIndustry()).isEmpty();
        assertThat(c.warnings()).extracting(Object::toString).containsExactly("h.csv: the file has a header but no data rows");
    }

    @Test
    void xlsxWithTextCodes() throws Exception {
        Path f = dir.resolve("conc.xlsx");
        try (OutputStream os = Files.newOutputStream(f); Workbook wb = new Workbook(os, "Klaster test", "1.0")) {
            Worksheet s = wb.newWorksheet("map");
            s.value(0, 0, "product");
            s.value(0, 1, "industry");
            s.value(1, 0, "0805");
            s.value(1, 1, "01");
            s.value(2, 0, "8457");
            s.value(2, 1, "28.4");
        }
        Concordance c = ConcordanceReader.read(f);
        assertThat(c.productToIndustry()).containsExactly(Map.entry("0805", "01"), Map.entry("8457", "28.4"));
        assertThat(c.warnings()).isEmpty();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                // file content, line, column, message fragment
                Arguments.of("product,category\n85,27\n", 0L, "industry",
                        "required column \"industry\" is missing (columns found: product, category)"),
                Arguments.of("85,27\n84,28\n", 0L, "product", "has no header"),
                Arguments.of("product,industry\n85,27\n,26\n", 3L, "product",
                        "the value is empty, but a product code is required"),
                Arguments.of("product,industry\n85,27\n8542,\n", 3L, "industry",
                        "the value is empty, but a industry code is required"),
                Arguments.of("product,industry\n85,27\n84,28\n85,26\n", 4L, "product",
                        "product \"85\" appears twice (first on line 2)"),
                Arguments.of("product,industry\n85 42,26\n", 2L, "product", "product code \"85 42\" contains a space"),
                Arguments.of("product,industry\n85,27,extra\n", 2L, null, "has 3 values"));
    }

    @ParameterizedTest(name = "{index}: line {1}, column {2}")
    @MethodSource("malformed")
    void malformedFilesAreRefusedNamingLineAndColumn(String content, long line, String column, String fragment)
            throws Exception {
        Path f = write("bad.csv", content);
        InputException e = catchThrowableOfType(InputException.class, () -> ConcordanceReader.read(f));
        assertThat(e).as("must be refused: %s", content).isNotNull();
        assertThat(e.getMessage()).startsWith("bad.csv").contains(fragment).doesNotContain("\n");
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.file()).isEqualTo(f);
    }

    @Test
    void missingAndEmptyFilesAreRefused() throws Exception {
        assertThat(catchThrowableOfType(InputException.class, () -> ConcordanceReader.read(dir.resolve("none.csv"))))
                .isNotNull();
        assertThat(catchThrowableOfType(InputException.class, () -> ConcordanceReader.read(write("e.csv", ""))))
                .hasMessageContaining("empty");
    }
}
