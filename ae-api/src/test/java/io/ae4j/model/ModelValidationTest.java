package io.ae4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.layer.KlSparsity;
import io.ae4j.layer.Layer;
import io.ae4j.layer.TiedDense;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model file is loaded only if it describes a model the builder would build, with finite
 * parameters and optimizer state; anything else in a file is a {@link ModelFormatException} that
 * names the file and what is wrong, never another exception.
 */
class ModelValidationTest {

    private final Backend backend = new HeapTestBackend();

    @TempDir
    Path dir;

    /** A snapshot of the described model with parameters and optimizer state of the right lengths. */
    private static ModelSnapshot snapshot(int inputSize, List<Layer> encoder, List<Layer> decoder, Optimizer optimizer,
                                          float clipNorm, long step) {
        long size = ParameterLayout.of(inputSize, encoder, decoder).size();
        float[] parameters = new float[(int) size];
        Arrays.fill(parameters, 0.125f);
        float[] state = new float[(int) size * optimizer.stateSlots()];
        Arrays.fill(state, 0.5f);
        return new ModelSnapshot(inputSize, encoder, decoder, Loss.mse(), optimizer, clipNorm, 3L, parameters, state,
                step, Map.of());
    }

    private static ModelSnapshot plain(int inputSize, List<Layer> encoder, List<Layer> decoder) {
        return snapshot(inputSize, encoder, decoder, Optimizer.adam(), 0f, 4L);
    }

    /** The builder's message for the description in {@code s}, which must refuse it. */
    private String builderRefusal(ModelSnapshot s) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autoencoder.builder()
                .inputSize(s.inputSize()).encoder(s.encoder().toArray(new Layer[0]))
                .decoder(s.decoder().toArray(new Layer[0])).loss(s.loss()).optimizer(s.optimizer())
                .gradientClipNorm(s.clipNorm()).backend(backend).build());
        return e.getMessage();
    }

    /** Loads {@code bytes} as a file, which must be refused; returns the message, which must name the file. */
    private String refusal(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Autoencoder.load(file, backend));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        ModelFormatException fromBytes = assertThrows(ModelFormatException.class,
                () -> Autoencoder.fromBytes(bytes, "stored " + name, backend));
        assertEquals(e.getMessage().substring(file.toString().length()),
                fromBytes.getMessage().substring(("stored " + name).length()), "the same check either way");
        return e.getMessage();
    }

    private void assertRefusedAsTheBuilderRefuses(String name, ModelSnapshot s) throws IOException {
        String message = refusal(name, ModelFile.toBytes(s));
        assertTrue(message.contains("cannot be built: " + builderRefusal(s)), message);
    }

    @Test
    void aFolderIsRefusedAsNotAModelFileNamingIt() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("models"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Autoencoder.load(folder, backend));
        assertEquals(folder + ": is a folder, not a model file; give the path of a file that ae train or "
                + "Autoencoder.save wrote", e.getMessage());
    }

    @Test
    void aDecoderNarrowerThanTheInputIsRefusedAsTheBuilderRefusesIt() throws IOException {
        assertRefusedAsTheBuilderRefuses("narrow.ae4j",
                plain(6, List.of(Dense.of(3, Activation.RELU)), List.of(Dense.of(5, Activation.SIGMOID))));
    }

    @Test
    void klSparsityAfterAReluIsRefusedAsTheBuilderRefusesIt() throws IOException {
        assertRefusedAsTheBuilderRefuses("kl.ae4j", plain(6,
                List.of(Dense.of(4, Activation.RELU), KlSparsity.of(0.05, 0.5)), List.of(Dense.of(6, Activation.SIGMOID))));
    }

    @Test
    void tiedWeightsWithoutAMirrorImageShapeAreRefusedAsTheBuilderRefusesThem() throws IOException {
        assertRefusedAsTheBuilderRefuses("tied.ae4j", plain(6,
                List.of(Dense.of(4, Activation.RELU), Dense.of(3, Activation.RELU)),
                List.of(TiedDense.of(5, Activation.RELU), Dense.of(6, Activation.SIGMOID))));
    }

    @Test
    void aNegativeOrNanClipNormIsRefusedAsTheBuilderRefusesIt() throws IOException {
        List<Layer> encoder = List.of(Dense.of(3, Activation.RELU));
        List<Layer> decoder = List.of(Dense.of(6, Activation.SIGMOID));
        assertRefusedAsTheBuilderRefuses("negative-clip.ae4j", snapshot(6, encoder, decoder, Optimizer.adam(), -1f, 0));
        assertRefusedAsTheBuilderRefuses("nan-clip.ae4j", snapshot(6, encoder, decoder, Optimizer.adam(), Float.NaN, 0));
    }

    @Test
    void nonFiniteParametersAreRefusedNamingTheLayerTensorAndElement() throws IOException {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            ModelSnapshot s = plain(6, List.of(Dense.of(3, Activation.RELU)), List.of(Dense.of(6, Activation.SIGMOID)));
            // Encoder: 6x3 weights + 3 biases = 21 values; then the decoder's 3x6 weights; element [1, 4] is 21 + 10.
            s.parameters()[31] = bad;
            String message = refusal("bad-weight.ae4j", ModelFile.toBytes(s));
            assertTrue(message.contains("section PARM: decoder layer 0 (Dense(6, sigmoid)), tensor 0 (3 x 6), "
                    + "element [1, 4] is " + bad), message);
        }
    }

    @Test
    void nonFiniteOptimizerStateIsRefusedNamingItsSlotAndPlace() throws IOException {
        ModelSnapshot s = plain(6, List.of(Dense.of(3, Activation.RELU)), List.of(Dense.of(6, Activation.SIGMOID)));
        // 45 parameters, so Adam's second slot starts at 45; its element 20 is the encoder's bias 2.
        s.optimizerState()[45 + 20] = Float.NaN;
        String message = refusal("bad-state.ae4j", ModelFile.toBytes(s));
        assertTrue(message.contains("section OPTS: slot 1 of the optimizer's state for encoder layer 0 "
                + "(Dense(3, relu)), tensor 1 (1 x 3), element [0, 2] is NaN"), message);
    }

    @Test
    void aNegativeStepCountIsRefused() throws IOException {
        ModelSnapshot s = snapshot(6, List.of(Dense.of(3, Activation.RELU)), List.of(Dense.of(6, Activation.SIGMOID)),
                Optimizer.adam(), 0f, -1L);
        String message = refusal("step.ae4j", ModelFile.toBytes(s));
        assertTrue(message.contains("section OPTS") && message.contains("step count of 18446744073709551615"), message);
    }

    @Test
    void invalidArchitectureValuesNameTheirKeyOrLayer() throws IOException {
        ModelBytes plain = ModelBytes.of(SeedModels.files().get("plain"));
        Map<String, String> expected = Map.of(
                "encoder.0.units", "section ARCH, key 'encoder.0.units': 0 is outside 1..2147483647",
                "encoder.1.activation", "section ARCH, key 'encoder.1.activation': invalid value 'swish'",
                "decoder.0.slope", "section ARCH, key 'decoder.0.slope': invalid value '1.5'",
                "optimizer.beta1", "section ARCH, optimizer adam: ",
                "loss", "section ARCH, key 'loss': invalid value 'hinge'",
                "decoder.1.type", "section ARCH, key 'decoder.1.type': unknown layer type 'conv'");
        Map<String, String> values = Map.of("encoder.0.units", "0", "encoder.1.activation", "swish",
                "decoder.0.slope", "1.5", "optimizer.beta1", "NaN", "loss", "hinge", "decoder.1.type", "conv");
        for (Map.Entry<String, String> edit : values.entrySet()) {
            String message = refusal("edited.ae4j", plain.withArch(edit.getKey(), edit.getValue()).toBytes());
            assertTrue(message.contains(expected.get(edit.getKey())), message);
            assertTrue(message.endsWith("the file is damaged or is not an ae4j model"), message);
        }
    }

    @Test
    void aLayerSettingItsFactoryRefusesNamesTheLayer() throws IOException {
        ModelBytes denoising = ModelBytes.of(SeedModels.files().get("denoising"));
        String message = refusal("noise.ae4j", denoising.withArch("encoder.0.sigma", "-1.0").toBytes());
        assertTrue(message.contains("section ARCH, encoder layer 0: "), message);
    }

    @Test
    void aBooleanMustBeTrueOrFalseAndAKeyMayNotRepeat() throws IOException {
        ModelBytes sgd = ModelBytes.of(SeedModels.files().get("denoising"));
        String message = refusal("nesterov.ae4j", sgd.withArch("optimizer.nesterov", "yes").toBytes());
        assertTrue(message.contains("key 'optimizer.nesterov': invalid value 'yes'"), message);
        byte[] arch = sgd.payload("ARCH");
        byte[] twice = (new String(arch, StandardCharsets.UTF_8) + "loss=mae\n").getBytes(StandardCharsets.UTF_8);
        message = refusal("twice.ae4j", sgd.with("ARCH", twice).toBytes());
        assertTrue(message.contains("section ARCH, line ") && message.contains("key 'loss' is given a second time"),
                message);
    }

    @Test
    void anInflatedInputSizeIsRefusedBeforeAnythingOfItsSizeIsAllocated() throws IOException {
        ModelBytes plain = ModelBytes.of(SeedModels.files().get("plain"));
        String message = refusal("wide.ae4j", plain.withArch("input.size", "1000000").toBytes());
        assertTrue(message.contains("section PARM gives encoder layer 0 (Dense(4, relu, HE_UNIFORM)), tensor 0 the "
                + "shape 6 x 4, but the layer needs 1000000 x 4"), message);
        message = refusal("widest.ae4j", plain.withArch("input.size", Integer.toString(Integer.MAX_VALUE)).toBytes());
        assertTrue(message.contains("section ARCH, encoder layer 0 (Dense(4, relu, HE_UNIFORM)): the model would have "
                + "more than 2147483639 parameters"), message);
    }

    @Test
    void aVariationalCodeOfOddWidthIsRefusedNamingTheLayer() throws IOException {
        ModelBytes vae = ModelBytes.of(SeedModels.files().get("variational"));
        String message = refusal("odd.ae4j", vae.withArch("encoder.1.units", "3").toBytes());
        assertTrue(message.contains("section ARCH, encoder layer 2 (VariationalLatent"), message);
    }

    @Test
    void duplicateSectionsAndBytesAfterTheEndAreRefused() throws IOException {
        ModelBytes plain = ModelBytes.of(SeedModels.files().get("plain"));
        List<ModelBytes.Section> sections = plain.sections();
        sections.add(sections.get(2));
        assertTrue(refusal("dup.ae4j", plain.withSections(sections).toBytes()).contains("section 'PARM' appears twice"));
        byte[] valid = plain.toBytes();
        byte[] longer = Arrays.copyOf(valid, valid.length + 3);
        assertTrue(refusal("longer.ae4j", longer).contains("3 bytes follow the END section"));
    }

    @Test
    void everySeedModelLoadsWithItsExactParametersAndMetadata() throws IOException {
        for (Map.Entry<String, byte[]> seed : SeedModels.files().entrySet()) {
            ModelSnapshot written = ModelFile.fromBytes(seed.getValue(), seed.getKey());
            Autoencoder loaded = Autoencoder.fromBytes(seed.getValue(), seed.getKey(), backend);
            assertArrayEquals(written.parameters(), loaded.distributedTraining().parameters(), seed.getKey());
            assertArrayEquals(written.optimizerState(), loaded.distributedTraining().state().optimizerState(),
                    seed.getKey());
            assertEquals(written.step(), loaded.distributedTraining().step(), seed.getKey());
            assertEquals(written.metadata(), loaded.metadata(), seed.getKey());
            assertArrayEquals(seed.getValue(), loaded.toBytes(), seed.getKey() + " saves back to the same bytes");
        }
    }
}
