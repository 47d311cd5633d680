package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dependent-products list of {@code klaster match --dependent}: codes read, bad cells named by line and column. */
class CodeListReaderTest {

    @TempDir
    Path dir;

    Path write(String content) throws IOException {
        Path f = dir.resolve("dependent.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void codesAreReadOnceEachInFileOrder() throws IOException {
        CodeListReader.Result r = CodeListReader.read(write("code,note\n28.41,machine tools\n25.62.20.000,\n28.41,again\n"));
        assertThat(r.codes()).containsExactly("28.41", "25.62.20.000");
        assertThat(r.sha256()).hasSize(64);
        assertThat(r.warnings()).anyMatch(w -> w.toString().contains("\"note\" is not part of the codes format"));
    }

    @Test
    void aBadCodeIsNamedByLineAndColumn() throws IOException {
        InputException e = catchThrowableOfType(InputException.class, () -> CodeListReader.read(write("code\n28.41\n28/41\n")));
        MalformedCorpus.assertRefused(e, "dependent.csv", 3, "code", "\"28/41\" is not an OKPD2/OKVED2 code");
        e = catchThrowableOfType(InputException.class, () -> CodeListReader.read(write("code,note\n28.41,a\n,b\n")));
        MalformedCorpus.assertRefused(e, "dependent.csv", 3, "code", "the value is empty");
        e = catchThrowableOfType(InputException.class, () -> CodeListReader.read(write("product\n28.41\n")));
        MalformedCorpus.assertRefused(e, "dependent.csv", 0, "code", "required column \"code\" is missing");
    }
}
