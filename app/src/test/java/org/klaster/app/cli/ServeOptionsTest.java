package org.klaster.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code klaster serve}'s security options (issue 10, probe 4); the server itself is tested in web.SecurityTest. */
class ServeOptionsTest {

    /** A malformed {@code --allowed-host} is a usage error (exit 2, one sentence) before anything is opened or created. */
    @Test
    void malformedAllowedHostIsAUsageError(@TempDir Path dir) {
        Path db = dir.resolve("k.duckdb");
        for (String bad : new String[] {"http://klaster.example.org", "evil host", "name:99999", "*.example.org", ""}) {
            CliRun r = CliRun.klaster("serve", "--db", db.toString(), "--port", "0", "--allowed-host", bad);
            assertThat(r.code()).as(bad + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--allowed-host:").contains("is not a host name").doesNotContain("Exception");
            assertThat(r.err().strip().lines()).hasSize(1);
        }
        assertThat(Files.exists(db)).isFalse();
    }

    @Test
    void helpDocumentsTheOptions() {
        CliRun r = CliRun.ok("serve", "--help");
        assertThat(r.out()).contains("--allowed-host=NAME").contains("--behind-proxy").contains("421");
    }
}
