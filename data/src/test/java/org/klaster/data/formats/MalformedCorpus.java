package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The checks every malformed-file corpus of a reader test makes (file, line, column, message; no fixture untested). */
final class MalformedCorpus {

    private MalformedCorpus() {
    }

    /** The refusal of {@code file} names it, the expected line and column, and says {@code fragment}. */
    static void assertRefused(InputException e, String file, long line, String column, String fragment) {
        assertThat(e).as(file).isNotNull();
        assertThat(e.getMessage()).startsWith(file).contains(fragment);
        assertThat(e.line()).as("line of %s", e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as("column of %s", e.getMessage()).isEqualTo(column);
        if (line > 0) {
            assertThat(e.getMessage()).contains(", line " + line);
        }
    }

    /** Every file in {@code dir} has a row in the corpus (first argument = file name) and vice versa; at least 15. */
    static void assertEveryFixtureHasAnExpectation(Path dir, Stream<Arguments> corpus) throws Exception {
        Set<String> expected = corpus.map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> present = files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertThat(present).isEqualTo(expected);
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(15);
    }
}
