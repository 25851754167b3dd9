package io.ae4j.data.file;

import static io.ae4j.data.file.Expect.dataError;
import static io.ae4j.data.file.Expect.illegal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ae4j.data.FloatMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CategoricalCsvTest {

    private static final String TABLE = "size,colour,weight\n1,red,2\n2,blue,3\n3,\" red \",4\n4,\"green, light\",5\n";

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("table.csv"), text);
    }

    @Test
    void learnedCategoriesAreSortedAndEachCellIsItsIndex() throws IOException {
        Dataset d = CsvReader.defaults().categorical("colour").read(file(TABLE));
        assertEquals(Map.of("colour", List.of("blue", "green, light", "red")), d.categories());
        // Cells are trimmed like numbers, and a quoted delimiter stays in the category.
        assertArrayEquals(new float[] {1, 2, 2, 2, 0, 3, 3, 2, 4, 4, 1, 5}, d.features().data());
    }

    @Test
    void knownCategoriesKeepTheirOrder() throws IOException {
        Dataset d = CsvReader.defaults()
                .categorical(Map.of("colour", List.of("red", "green, light", "blue", "purple")))
                .read(file(TABLE));
        assertEquals(List.of("red", "green, light", "blue", "purple"), d.categories().get("colour"));
        assertArrayEquals(new float[] {0, 2, 0, 1}, column(d.features(), 1));
    }

    @Test
    void anUnknownCategoryIsRefusedWithItsLineColumnAndTheKnownOnes() throws IOException {
        Path table = file(TABLE);
        dataError(() -> CsvReader.defaults().categorical(Map.of("colour", List.of("red", "blue"))).read(table),
                "table.csv line 5, column 2 (\"colour\")", "\"green, light\" is not one of the column's 2 categories",
                "red, blue", "trained on");
    }

    @Test
    void anEmptyCategoryAndAColumnNotReadAreRefused() throws IOException {
        dataError(() -> CsvReader.defaults().categorical("colour").read(file("colour,weight\nred,1\n ,2\n")),
                "line 3, column 1 (\"colour\")", "the category is empty");
        Path table = file(TABLE);
        dataError(() -> CsvReader.defaults().columns("size", "weight").categorical("colour").read(table),
                "column 2 (\"colour\") is categorical but not read as a feature");
        dataError(() -> CsvReader.defaults().categorical("shade").read(table), "has no column \"shade\"");
        illegal(() -> CsvReader.defaults().categorical("colour", "colour"), "named twice");
        illegal(() -> CsvReader.defaults().categorical(Map.of("colour", List.of())), "distinct, non-null categories");
    }

    @Test
    void aDatasetRefusesAValueThatIsNotACategoryIndex() {
        Dataset d = new Dataset(new FloatMatrix(new float[] {0, 1, 2, 1.5f}, 4, 1), List.of("c"));
        illegal(() -> d.withCategories(Map.of("c", List.of("a", "b", "c"))), "row 3 of categorical column \"c\" holds 1.5");
        illegal(() -> d.withCategories(Map.of("d", List.of("a"))), "\"d\" is not one of the columns [c]");
        Dataset fine = new Dataset(new FloatMatrix(new float[] {0, 1, 2}, 3, 1), List.of("c"));
        assertEquals(List.of("x", "y", "z"), fine.withCategories(Map.of("c", List.of("x", "y", "z"))).categories().get("c"));
    }

    private static float[] column(FloatMatrix m, int c) {
        float[] values = new float[m.rows()];
        for (int r = 0; r < values.length; r++) {
            values[r] = m.get(r, c);
        }
        return values;
    }
}
