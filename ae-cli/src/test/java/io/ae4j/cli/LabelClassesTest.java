package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ae4j.data.FloatMatrix;
import io.ae4j.data.file.Dataset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LabelClassesTest {

    private static Dataset labelled(int[] labels, List<String> names) {
        return new Dataset(FloatMatrix.zeros(labels.length, 1), labels, names, List.of(), null);
    }

    @Test
    void anyNumbersBecomeClassesFromZeroNamedByTheirValue() {
        LabelClasses classes = LabelClasses.of(labelled(new int[] {1, -1, 1, 2026, -1}, List.of()), 5);
        assertEquals(List.of("-1", "1", "2026"), classes.names());
        assertArrayEquals(new int[] {1, 0, 1, 2, 0}, classes.of());
    }

    @Test
    void textLabelsKeepTheirTextAndOnlyTheRowsAskedForCount() {
        LabelClasses classes = LabelClasses.of(labelled(new int[] {2, 0, 2, 1}, List.of("cat", "dog", "owl")), 3);
        assertEquals(List.of("cat", "owl"), classes.names());
        assertArrayEquals(new int[] {1, 0, 1}, classes.of());
    }

    @Test
    void labelsBeyondTheColoursAPlotCanShowShareOneClass() {
        int[] ids = IntStream.range(0, 1000).map(i -> 1_000_000 + i).toArray();     // identifiers, not classes
        LabelClasses classes = LabelClasses.of(labelled(ids, List.of()), ids.length);
        assertEquals(LabelClasses.MOST, classes.names().size());
        assertEquals("other", classes.names().get(LabelClasses.MOST - 1));
        assertEquals(0, classes.of()[0]);
        assertEquals(LabelClasses.MOST - 1, classes.of()[999]);
    }
}
