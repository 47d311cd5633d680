package org.klaster.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.klaster.data.store.Store;
import org.klaster.data.store.StoreException;

/** Real reader refusals and warnings, read in Russian: the place and the problem both. */
class RussianInputMessagesTest {

    static final Locale RU = Locale.forLanguageTag("ru");

    @TempDir
    Path dir;

    @Test
    void aMalformedActivityFileNamesLineAndColumnInRussian() throws IOException {
        Path f = Files.writeString(dir.resolve("activity.csv"),
                "region,industry,year,employment\nR1,01,2020,5\nR1,02,2020,12;5\n");
        InputException e = catchThrowableOfType(InputException.class, () -> ActivityReader.read(f));
        assertThat(e.getMessage()).isEqualTo("activity.csv, line 3, column \"employment\": \"12;5\" is not a number");
        assertThat(e.text().in(RU)).isEqualTo("activity.csv, строка 3, столбец «employment»: «12;5» — не число");
        assertThat(e.problem().in(RU)).isEqualTo("«12;5» — не число");
    }

    @Test
    void aMissingColumnAndAnEmptyFileReadInRussian() throws IOException {
        Path f = Files.writeString(dir.resolve("activity.csv"), "region,industry,year\nR1,01,2020\n");
        InputException e = catchThrowableOfType(InputException.class, () -> ActivityReader.read(f));
        assertThat(e.getMessage()).isEqualTo(
                "activity.csv: required column \"employment\" is missing (columns found: region, industry, year)");
        assertThat(e.text().in(RU)).isEqualTo(
                "activity.csv: нет обязательного столбца «employment» (найдены столбцы: region, industry, year)");

        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThat(catchThrowableOfType(InputException.class, () -> ActivityReader.read(empty)).text().in(RU))
                .isEqualTo("empty.csv: файл пуст");
    }

    @Test
    void readerWarningsReadInRussian() throws IOException {
        Path f = Files.writeString(dir.resolve("activity.csv"), "region,industry,year,employment,note\n");
        ActivityData d = ActivityReader.read(f);
        assertThat(d.warnings()).extracting(Object::toString).containsExactly(
                "activity.csv: column \"note\" is not part of the activity format and was ignored",
                "activity.csv: the file has a header but no data rows");
        assertThat(d.warnings()).extracting(w -> w.in(RU)).containsExactly(
                "activity.csv: столбец «note» не входит в формат activity и не учтён",
                "activity.csv: в файле есть заголовок, но нет строк с данными");
    }

    @Test
    void anAmbiguousNumberExplainsItselfInRussian() {
        Numbers.NotANumberException e = catchThrowableOfType(Numbers.NotANumberException.class,
                () -> Numbers.parse("1,234", Numbers.DecimalMark.POINT));
        assertThat(e.text().in(RU)).startsWith("значение «1,234» неоднозначно").contains("напишите 1234");
    }

    @Test
    void anUnknownDatasetIsNamedInRussian() {
        try (Store s = Store.inMemory()) {
            StoreException e = catchThrowableOfType(StoreException.class, () -> s.require("nope"));
            assertThat(e.getMessage()).startsWith("no dataset \"nope\" in :memory:");
            assertThat(e.text().in(RU)).startsWith("в :memory: нет набора данных «nope»");
        }
    }
}
