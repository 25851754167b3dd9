package io.ae4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thousands of damaged, edited and hostile model files, from a fixed seed: each loads as a valid
 * model or is refused with a {@link ModelFormatException} that names it, and nothing else happens,
 * not even running out of memory. ae-api's build runs this class in a JVM of its own with a 64 MB
 * heap, so that a size taken from a file without checking it would show as an OutOfMemoryError.
 */
class ModelFileFuzzTest {

    private static final long SEED = 0x5EED_AE4L;
    private static final int PER_MODEL = 390;

    private final Backend backend = new HeapTestBackend();

    /** What the loader did with the files. */
    private static final class Tally {
        int loaded;
        int refusedByChecksumOrHeader;
        int refusedAfterParsing;
        final List<String> failures = new ArrayList<>();
    }

    @Test
    void everyMutatedFileLoadsAsAValidModelOrIsRefusedWithAModelFormatException() {
        Tally tally = new Tally();
        SplittableRandom random = new SplittableRandom(SEED);
        int total = 0;
        for (Map.Entry<String, byte[]> seed : SeedModels.files().entrySet()) {
            ModelMutations mutations = new ModelMutations(seed.getValue(), random.split());
            for (int i = 0; i < PER_MODEL; i++) {
                ModelMutations.Mutation m = mutations.next(i);
                load(seed.getKey() + " #" + i + " (" + m.description() + ")", m.bytes(), tally);
                total++;
            }
        }
        assertTrue(total >= 2000, total + " files");
        assertEquals(List.of(), tally.failures.subList(0, Math.min(20, tally.failures.size())),
                tally.failures.size() + " of " + total + " files were neither loaded nor refused as damaged");
        // The edits recompute the checksum, so most refusals come from parsing the edited content.
        assertTrue(tally.refusedAfterParsing > total / 2, tally.refusedAfterParsing + " of " + total
                + " refused after parsing");
        // Some edits keep the model valid (an unknown section, another loss, a harmless metadata value).
        assertTrue(tally.loaded > 0, "no edited file loaded");
    }

    private void load(String source, byte[] bytes, Tally tally) {
        try {
            Autoencoder model = Autoencoder.fromBytes(bytes, source, backend);
            checkUsable(model, source);
            tally.loaded++;
        } catch (ModelFormatException e) {
            if (!e.getMessage().startsWith(source + ": ")) {
                tally.failures.add(source + ": the message does not name the file: " + e.getMessage());
            } else if (problem(e, source).startsWith("corrupt: checksum mismatch")
                    || problem(e, source).startsWith("not an ae4j model")) {
                tally.refusedByChecksumOrHeader++;
            } else {
                tally.refusedAfterParsing++;
            }
        } catch (Throwable t) {
            // Anything else, OutOfMemoryError included, is the defect this test looks for.
            tally.failures.add(source + ": " + t);
        }
    }

    /** The message of {@code e} after the source it names. */
    private static String problem(ModelFormatException e, String source) {
        return e.getMessage().substring(source.length() + 2);
    }

    /**
     * A model that loads holds finite numbers, reconstructs a row of its width, and saves to bytes
     * that load to the same parameters.
     */
    private void checkUsable(Autoencoder model, String source) throws java.io.IOException {
        int width = model.inputSize();
        assertTrue(width <= 1024, source + " loaded with an input of " + width);
        FloatMatrix row = new FloatMatrix(new float[width], 1, width);
        assertEquals(width, model.reconstruct(row).cols(), source);
        for (float[] values : List.of(model.distributedTraining().parameters(),
                model.distributedTraining().state().optimizerState())) {
            for (float v : values) {
                assertTrue(Float.isFinite(v), source + " loaded with " + v + " in its parameters or optimizer state");
            }
        }
        Autoencoder again = Autoencoder.fromBytes(model.toBytes(), source + " saved again", backend);
        assertArrayEquals(model.distributedTraining().parameters(), again.distributedTraining().parameters(), source);
    }
}
