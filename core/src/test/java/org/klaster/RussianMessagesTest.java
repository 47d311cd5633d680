package org.klaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.klaster.activity.ActivityRecord;
import org.klaster.inputoutput.DemandShock;
import org.klaster.inputoutput.IoTable;
import org.klaster.inputoutput.IoValidation;
import org.klaster.inputoutput.LeontiefModel;
import org.klaster.inputoutput.ShockResult;
import org.klaster.linalg.DenseMatrix;
import org.klaster.mapping.CategoryMap;
import org.klaster.mapping.ClusterMapping;

/** Real engine refusals and warnings, read in Russian (and still in English through getMessage()). */
class RussianMessagesTest {

    static final Locale RU = Locale.forLanguageTag("ru");

    private static IoTable twoSector(double[][] z, double[] f) {
        return IoTable.of(List.of("S1", "S2"), DenseMatrix.ofRows(z), List.of("fd:households"),
                DenseMatrix.ofRows(new double[][] {{f[0]}, {f[1]}}));
    }

    @Test
    void aNonProductiveTableNamesTheSpectralRadiusInRussian() {
        IoTable t = twoSector(new double[][] {{51, 51}, {51, 51}}, new double[] {-2, -2});
        AnalysisException e = catchThrowableOfType(AnalysisException.class, () -> LeontiefModel.of(t));
        assertThat(e.getMessage()).isEqualTo("not productive: spectral radius of A is 1.02 ≥ 1");
        assertThat(e.text().in(RU)).isEqualTo("таблица непродуктивна: спектральный радиус матрицы A равен 1,02 ≥ 1");
        assertThat(e.text().key()).isEqualTo("io.not.productive");
    }

    @Test
    void validationAndShockWarningsReadInRussian() {
        // S1 column: 150 + 200 + 650 = 1000 = x; with value added 660 the column gap is 1 %
        IoTable t = IoTable.of(List.of("S1", "S2"), DenseMatrix.ofRows(new double[][] {{150, 500}, {200, 100}}),
                List.of("fd:total"), DenseMatrix.ofRows(new double[][] {{350}, {1700}}))
                .withValueAdded(new double[] {660, 1400});
        IoValidation v = t.validate(false);
        assertThat(v.warnings()).extracting(w -> w.in(RU)).anyMatch(w -> w.startsWith("баланс по столбцу:")
                && w.contains("до 1,00 % (отрасль S1)"));

        IoTable idle = twoSector(new double[][] {{10, 0}, {0, 0}}, new double[] {90, 0});
        ShockResult r = DemandShock.apply(idle, Map.of("S2", -0.1));
        assertThat(r.warnings()).extracting(Object::toString)
                .containsExactly("sector S2 is inactive (zero output); its shock is ignored");
        assertThat(r.warnings()).extracting(w -> w.in(RU))
                .containsExactly("отрасль S2 неактивна (нулевой выпуск); шок для неё не учитывается");
    }

    @Test
    void aBadParameterIsAnInvalidParameterExceptionInBothLanguages() {
        List<ActivityRecord> activity = List.of(ActivityRecord.of("A", "10", 2018, 5), ActivityRecord.of("A", "10", 2024, 5));
        InvalidParameterException e = catchThrowableOfType(InvalidParameterException.class,
                () -> ClusterMapping.map(activity, CategoryMap.divisions(), 2030, null));
        assertThat(e.getMessage()).isEqualTo("year 2030 is not in the data (years present: 2018, 2024)");
        assertThat(e.text().in(RU)).isEqualTo("2030 года нет в данных (есть годы: 2018, 2024)");
    }

    @Test
    void numbersFollowTheLanguage() {
        assertThat(Text.core("complexity.threshold.invalid", Text.plain(-2.5)).in(RU))
                .isEqualTo("порог RCA должен быть положительным числом, а задан -2,5");
        assertThat(Text.core("complexity.threshold.invalid", Text.plain(-2.5)).toString())
                .isEqualTo("RCA threshold must be a positive number, got -2.5");
        assertThat(Text.fixed(5.3249, 2).in(RU)).isEqualTo("5,32");
        assertThat(Text.fixed(5.3249, 2).toString()).isEqualTo("5.32");
        // a missing argument (e.g. an exception without a message) renders empty instead of failing
        assertThat(Text.core("mapping.where", null, "10", 2024).toString()).isEqualTo("region , industry 10, year 2024");
        // a year stays a year
        assertThat(Text.core("mapping.no.employment", 2024).in(RU)).isEqualTo("в 2024 году нет занятых");
    }
}
