package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.klaster.registry.Confidence;
import org.klaster.registry.Requirement;
import org.klaster.registry.Rule;
import org.klaster.registry.RuleSet;

/** The rules file: the project's own Decree 779 rules, and each malformed row refused with line and column. */
class RulesReaderTest {

    @TempDir
    Path dir;

    static final String HEADER = "rule,parameter,value,valid_from,valid_to,source,confidence\n";

    /**
     * The project's file: every rule and parameter is one the engine knows, every row names a source (a URL)
     * and carries a valid confidence mark, and the dates are those docs/methods-registry.md gives.
     */
    @Test
    void theProjectRulesAreKnownSourcedAndMarked() throws Exception {
        RuleSet rules = RulesReader.project().rules();
        assertThat(rules.rules()).hasSize(9);
        for (Rule r : rules.rules()) {
            Requirement q = Requirement.parse(r.rule());
            assertThat(q).as(r.name()).isNotNull();
            assertThat(q.parameters()).as(r.name()).contains(r.parameter());
            assertThat(r.source()).as(r.name()).containsPattern("https?://\\S+");
            assertThat(r.confidence()).as(r.name()).isNotNull();
        }
        Map<String, Rule> in2018 = rules.inForce(LocalDate.of(2018, 8, 12), true);
        assertThat(in2018.get("inside_output_share.min_share").value()).isEqualTo(0.5);
        Map<String, Rule> after = rules.inForce(LocalDate.of(2018, 8, 13), true);
        assertThat(after.get("inside_output_share.min_share").value()).isEqualTo(0.2);
        assertThat(after).doesNotContainKey("functional_dependence.min_share");
        Map<String, Rule> y2022 = rules.inForce(LocalDate.of(2022, 1, 1), true);
        assertThat(y2022.get("functional_dependence.min_share").value()).isEqualTo(0.2);
        assertThat(y2022.get("functional_dependence.min_share_special").value()).isEqualTo(0.1);
        assertThat(y2022.get("functional_dependence.special_share").value()).isEqualTo(0.3);
        assertThat(y2022.get("newcomers.max").value()).isEqualTo(3);
        assertThat(y2022.get("newcomers.grace_years").value()).isEqualTo(3);
        assertThat(y2022.get("min_participants.min").confidence()).isEqualTo(Confidence.M);
        assertThat(rules.inForce(LocalDate.of(2022, 1, 1), false)).doesNotContainKey("min_participants.min");
        // the version is the SHA-256 of the file's bytes
        try (InputStream in = RulesReader.class.getResourceAsStream(RulesReader.PROJECT_RULES)) {
            byte[] bytes = in.readAllBytes();
            assertThat(rules.version()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
    }

    @Test
    void aUsersRulesFileWithBracketedMarks() throws IOException {
        Path f = dir.resolve("my-rules.csv");
        Files.writeString(f, HEADER + "contract_link,min_contracts,2,2024-01-01,,regional programme,[S]\n"
                + "contract_link,min_contracts,1,2015-07-31,2023-12-31,Decree 779,V\n", StandardCharsets.UTF_8);
        RuleSet r = RulesReader.read(f).rules();
        assertThat(r.inForce(LocalDate.of(2024, 1, 1), true).get("contract_link.min_contracts").confidence())
                .isEqualTo(Confidence.S);
        assertThat(r.inForce(LocalDate.of(2023, 12, 31), true).get("contract_link.min_contracts").value()).isEqualTo(1);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("contract_links,min_contracts,1,2015-07-31,,src,V\n", 2, "rule", "rule \"contract_links\" is unknown"),
                Arguments.of("contract_link,min_share,1,2015-07-31,,src,V\n", 2, "parameter",
                        "parameter \"min_share\" is not a parameter of rule contract_link (parameters: min_contracts)"),
                Arguments.of("inside_output_share,min_share,20,2015-07-31,,src,V\n", 2, "value", "\"20\" is not a share"),
                Arguments.of("newcomers,max,2.5,2015-07-31,,src,V\n", 2, "value", "\"2.5\" is not a count"),
                Arguments.of("newcomers,max,x,2015-07-31,,src,V\n", 2, "value", "\"x\" is not a number"),
                Arguments.of("newcomers,max,3,,,src,V\n", 2, "valid_from", "the value is empty, but a date is required"),
                Arguments.of("newcomers,max,3,2022-01-01,2021-12-31,src,V\n", 2, "valid_to",
                        "valid_to 2021-12-31 is before valid_from 2022-01-01"),
                Arguments.of("newcomers,max,3,2022-01-01,,,V\n", 2, "source", "the source is empty"),
                Arguments.of("newcomers,max,3,2022-01-01,,src,X\n", 2, "confidence", "\"X\" is not a confidence mark"),
                Arguments.of("newcomers,max,3,2022-01-01,,src,V\nnewcomers,max,4,2023-01-01,,src,V\n", 3, "valid_from",
                        "rule newcomers.max is already in force on some of these days (first on line 2)"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("malformed")
    void eachProblemIsRefusedWithLineAndColumn(String rows, long line, String column, String fragment) throws IOException {
        Path f = dir.resolve("rules.csv");
        Files.writeString(f, HEADER + rows, StandardCharsets.UTF_8);
        InputException e = catchThrowableOfType(InputException.class, () -> RulesReader.read(f));
        MalformedCorpus.assertRefused(e, "rules.csv", line, column, fragment);
    }
}
