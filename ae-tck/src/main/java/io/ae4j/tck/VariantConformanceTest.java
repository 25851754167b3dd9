package io.ae4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.ActivityL1;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Dropout;
import io.ae4j.layer.GaussianNoise;
import io.ae4j.layer.KlSparsity;
import io.ae4j.layer.MaskingNoise;
import io.ae4j.layer.TiedDense;
import io.ae4j.layer.VariationalLatent;
import io.ae4j.loss.Loss;
import io.ae4j.spi.Backend;
import io.ae4j.train.FitConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autoencoder variants on the backend: denoising, dropout, sparse (L1 and KL) and variational
 * models train, save and load exactly, infer without noise, and refuse bad settings when built.
 */
abstract class VariantConformanceTest {

    @TempDir
    Path dir;

    /** The backend under test. */
    protected abstract Backend backend();

    private final FloatMatrix data = GradientCheckConformanceTest.uniform(64, 6, new SplittableRandom(31));

    private Autoencoder sparseDenoising(long seed) {
        return Autoencoder.builder().inputSize(6)
                .encoder(GaussianNoise.of(0.2), MaskingNoise.of(0.1), Dense.of(8, Activation.RELU), Dropout.of(0.2),
                        Dense.of(3, Activation.SIGMOID), KlSparsity.of(0.1, 0.5), ActivityL1.of(0.01))
                .decoder(Dense.of(8, Activation.RELU), Dense.of(6, Activation.SIGMOID))
                .seed(seed).backend(backend()).build();
    }

    private Autoencoder sparseDenoisingWithoutPenalties() {
        return Autoencoder.builder().inputSize(6)
                .encoder(GaussianNoise.of(0.2), Dense.of(3, Activation.SIGMOID)).decoder(Dense.of(6, Activation.SIGMOID))
                .seed(1).backend(backend()).build();
    }

    private Autoencoder variational(long seed, double beta) {
        return Autoencoder.builder().inputSize(6)
                .encoder(Dense.of(8, Activation.TANH), Dense.of(4, Activation.LINEAR), VariationalLatent.of(beta))
                .decoder(Dense.of(8, Activation.TANH), Dense.of(6, Activation.SIGMOID))
                .loss(Loss.binaryCrossEntropy()).seed(seed).backend(backend()).build();
    }

    @Test
    void everyVariantSavesLoadsAndResumesTrainingExactly() throws IOException {
        FitConfig twoEpochs = FitConfig.builder().epochs(2).batchSize(16).build();
        for (int model = 1; model <= 2; model++) {
            Autoencoder straight = model == 1 ? sparseDenoising(7) : variational(7, 0.5);
            straight.fit(data, twoEpochs);
            straight.fit(data, twoEpochs);
            Autoencoder saved = model == 1 ? sparseDenoising(7) : variational(7, 0.5);
            saved.fit(data, twoEpochs);
            Path file = dir.resolve("variant" + model + ".ae4j");
            saved.save(file);
            Autoencoder loaded = Autoencoder.load(file, backend());
            assertEquals(saved.encoderLayers().toString(), loaded.encoderLayers().toString());
            assertArrayEquals(saved.reconstruct(data).data(), loaded.reconstruct(data).data());
            loaded.fit(data, twoEpochs);
            assertArrayEquals(straight.distributedTraining().parameters(), loaded.distributedTraining().parameters(),
                    "the noise a resumed fit draws is the noise it would have drawn");
        }
    }

    @Test
    void noiseAndDropoutActInTrainingOnly() {
        Autoencoder noisy = sparseDenoising(3);
        Autoencoder clean = Autoencoder.builder().inputSize(6)
                .encoder(Dense.of(8, Activation.RELU), Dense.of(3, Activation.SIGMOID))
                .decoder(Dense.of(8, Activation.RELU), Dense.of(6, Activation.SIGMOID))
                .seed(3).backend(backend()).build();
        assertArrayEquals(clean.distributedTraining().parameters(), noisy.distributedTraining().parameters(), "layers without weights draw none");
        assertArrayEquals(clean.reconstruct(data).data(), noisy.reconstruct(data).data(), "inference passes data through");
        float[] g1 = new float[noisy.distributedTraining().parameterCount()];
        float[] g2 = new float[g1.length];
        noisy.distributedTraining().computeGradients(data, g1, 1);
        noisy.distributedTraining().computeGradients(data, g2, 2);
        assertFalse(java.util.Arrays.equals(g1, g2), "training passes draw noise from their seed");
        noisy.distributedTraining().computeGradients(data, g2, 1);
        assertArrayEquals(g1, g2);

        // Stepwise training salts its noise with the steps' seed: workers starting from one state draw their own.
        float[][] after = new float[3][];
        long[] salts = {5, 5, 6};
        for (int i = 0; i < 3; i++) {
            Autoencoder worker = sparseDenoising(3);
            worker.distributedTraining().steps(data, 16, false, salts[i]).step();
            after[i] = worker.distributedTraining().parameters();
        }
        assertArrayEquals(after[0], after[1], "the same salt, the same draw");
        assertFalse(java.util.Arrays.equals(after[0], after[2]), "another salt, another draw");
    }

    @Test
    void aVariationalModelEncodesMeansAddsItsKlToTheLossAndSamplesItsPrior() {
        Autoencoder vae = variational(5, 1.0);
        FloatMatrix meanLogVar = vae.predict(data, 0, 2);
        float[] codes = vae.encode(data).data();
        double kl = 0;
        for (int r = 0; r < data.rows(); r++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(meanLogVar.data()[r * 4 + j], codes[r * 2 + j], "encode gives the mean");
                double mu = meanLogVar.data()[r * 4 + j];
                double logVar = meanLogVar.data()[r * 4 + 2 + j];
                kl += -0.5 * (1 + logVar - mu * mu - Math.exp(logVar));
            }
        }
        float[] gradients = new float[vae.distributedTraining().parameterCount()];
        double withKl = vae.distributedTraining().computeGradients(data, gradients, 9);
        double withoutKl = variational(5, 0).distributedTraining().computeGradients(data, gradients, 9);
        assertEquals(kl / (data.rows() * 6.0), withKl - withoutKl, 1e-5 * withKl,
                "beta times the KL per sample joins the loss divided by the input width");

        FloatMatrix samples = vae.sample(5, 11);
        SplittableRandom random = new SplittableRandom(11);
        float[] prior = new float[10];
        for (int i = 0; i < prior.length; i++) {
            prior[i] = (float) random.nextGaussian();
        }
        assertArrayEquals(vae.decode(new FloatMatrix(prior, 5, 2)).data(), samples.data());
    }

    @Test
    void aVariationalModelLearns() {
        Autoencoder vae = variational(8, 1.0);
        double first = vae.fit(data, FitConfig.builder().epochs(1).batchSize(8).build()).finalTrainLoss();
        io.ae4j.train.TrainingHistory history = vae.fit(data, FitConfig.builder().epochs(60).batchSize(8).build());
        double last = history.finalTrainLoss();
        assertTrue(Double.isFinite(last) && last < first, "negative ELBO fell from " + first + " to " + last);
        double[] kl = history.penalties();
        assertEquals(60, kl.length);
        for (int e = 0; e < kl.length; e++) {
            assertTrue(kl[e] > 0 && kl[e] < history.trainLoss()[e], "epoch " + e + ": the KL part " + kl[e]
                    + " of the loss " + history.trainLoss()[e]);
        }
        FloatMatrix held = GradientCheckConformanceTest.uniform(20, 6, new SplittableRandom(32));
        double validated = vae.fit(data, FitConfig.builder().epochs(1).batchSize(8).validationData(held).build())
                .validationLoss()[0];
        assertEquals(vae.evaluate(held), validated, 1e-6 * validated, "evaluate is fit's validation: inference plus the KL");
        double[] none = sparseDenoisingWithoutPenalties().fit(data, FitConfig.builder().epochs(2).build()).penalties();
        assertArrayEquals(new double[2], none, "no penalty layers, no penalties");
    }

    @Test
    void tiedWeightsHalveTheWeightsAndSaveAndLoad() throws IOException {
        Autoencoder tied = Autoencoder.builder().inputSize(6)
                .encoder(Dense.of(8, Activation.RELU), Dropout.of(0.1), Dense.of(3, Activation.LINEAR))
                .decoder(TiedDense.of(8, Activation.RELU), TiedDense.of(6, Activation.SIGMOID))
                .seed(4).backend(backend()).build();
        assertEquals(6 * 8 + 8 + 8 * 3 + 3 + 8 + 6, tied.parameterCount(), "decoders keep only their biases");
        tied.fit(data, FitConfig.builder().epochs(3).batchSize(16).build());
        Path file = dir.resolve("tied.ae4j");
        tied.save(file);
        Autoencoder loaded = Autoencoder.load(file, backend());
        assertEquals(tied.decoderLayers().toString(), loaded.decoderLayers().toString());
        assertArrayEquals(tied.reconstruct(data).data(), loaded.reconstruct(data).data());

        refused(() -> Autoencoder.builder().inputSize(6).encoder(Dense.of(5, Activation.RELU), Dense.of(3, Activation.RELU))
                .decoder(TiedDense.of(4, Activation.RELU), TiedDense.of(6, Activation.SIGMOID)).backend(backend()).build(),
                "mirror-image shapes", "3 -> 4", "must map 4 -> 3");
        refused(() -> Autoencoder.builder().inputSize(6).encoder(TiedDense.of(3, Activation.RELU))
                .decoder(Dense.of(6, Activation.SIGMOID)).backend(backend()).build(), "needs a Dense layer at the mirror-image place");
    }

    @Test
    void badSettingsAreRefusedWhenTheModelIsDescribed() {
        refused(() -> GaussianNoise.of(-0.1), "Gaussian noise sigma", "-0.1");
        refused(() -> GaussianNoise.of(Double.NaN), "Gaussian noise sigma");
        refused(() -> MaskingNoise.of(1), "masking noise rate must be in [0.0, 1.0)");
        refused(() -> Dropout.of(-0.5), "dropout rate must be in [0.0, 1.0)");
        refused(() -> VariationalLatent.of(-1), "VAE beta");
        refused(() -> KlSparsity.of(0, 1), "sparsity target rho must be in (0.0, 1.0)");
        refused(() -> KlSparsity.of(1, 1), "sparsity target rho");
        refused(() -> KlSparsity.of(0.05, -1), "sparsity weight beta");
        refused(() -> ActivityL1.of(-1), "L1 activity weight");
        refused(() -> Autoencoder.builder().inputSize(6)
                .encoder(Dense.of(3, Activation.RELU), KlSparsity.of(0.05, 1))
                .decoder(Dense.of(6, Activation.SIGMOID)).backend(backend()).build(), "KL sparsity needs activations in (0, 1)");
        refused(() -> Autoencoder.builder().inputSize(6)
                .encoder(Dense.of(5, Activation.LINEAR), VariationalLatent.of(1))
                .decoder(Dense.of(6, Activation.SIGMOID)).backend(backend()).build(), "even width", "5 wide");
    }

    private static void refused(Executable call, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "'" + e.getMessage() + "' should say '" + word + "'");
        }
    }
}
