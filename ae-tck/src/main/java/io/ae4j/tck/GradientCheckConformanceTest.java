package io.ae4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.distributed.DistributedTraining;
import io.ae4j.layer.Activation;
import io.ae4j.layer.ActivityL1;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Dropout;
import io.ae4j.layer.GaussianNoise;
import io.ae4j.layer.KlSparsity;
import io.ae4j.layer.Layer;
import io.ae4j.layer.MaskingNoise;
import io.ae4j.layer.TiedDense;
import io.ae4j.layer.VariationalLatent;
import io.ae4j.loss.Loss;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whole-network gradients against central differences of the loss, through every layer, every
 * activation (ReLU away from its kinks) and every loss path (including binary cross-entropy from logits), and the
 * variants' layers with their penalties: noise, dropout, L1 and KL sparsity, the variational code.
 *
 * <p>Tolerance. The loss is float32 arithmetic accumulated in float64, so one evaluation carries a
 * relative rounding error of about 1e-6 (tens of float32 roundings along a path). With step
 * h = 1e-2 the difference quotient adds at most ~1e-6 * |L| / h ~ 1e-4 * |L| of noise, and its
 * truncation error is O(h^2 |L'''|) ~ 1e-4. Each component must therefore agree to
 * 3e-4 + 3e-2 * |g|, and the whole vector to 2% in relative L2 norm; a wrong sign, a missing
 * factor or a transposed product is off by 100% or more.
 */
abstract class GradientCheckConformanceTest {

    private static final float H = 1e-2f;

    /** The backend under test. */
    protected abstract Backend backend();

    @Test
    void smoothActivationsWithMeanSquaredError() {
        check(Loss.mse(), new Dense[] {Dense.of(5, Activation.TANH), Dense.of(3, Activation.SOFTPLUS)},
                new Dense[] {Dense.of(4, Activation.LINEAR), Dense.of(6, Activation.SIGMOID)});
    }

    @Test
    void reluAwayFromItsKinks() {
        // The Keras example's activation throughout. The loss has a kink wherever a pre-activation
        // crosses 0; parameters whose perturbation moves one across are skipped (see check). With
        // this seed 14 of 77 are; at most a quarter may be, so that most parameters are checked.
        Autoencoder ae = model(Loss.mse(), new Layer[] {Dense.of(5, Activation.RELU), Dense.of(3, Activation.RELU)},
                new Layer[] {Dense.of(6, Activation.RELU)});
        BitSet active = activeUnits(ae, batch());
        int units = 7 * (5 + 3 + 6);
        assertTrue(active.cardinality() > units / 4 && active.cardinality() < units * 3 / 4,
                "both sides of the kink are exercised: " + active.cardinality() + " of " + units + " units active");
        int skipped = check(ae, Loss.mse());
        assertTrue(skipped <= ae.parameterCount() / 4, skipped + " of " + ae.parameterCount()
                + " parameters were skipped for crossing a kink");
    }

    @Test
    void binaryCrossEntropyFromLogits() {
        check(Loss.binaryCrossEntropy(), new Dense[] {Dense.of(4, Activation.SIGMOID)},
                new Dense[] {Dense.of(5, Activation.TANH), Dense.of(6, Activation.SIGMOID)});
    }

    @Test
    void binaryCrossEntropyFromProbabilities() {
        Loss bce = Loss.binaryCrossEntropy();
        // The same loss without the logits shortcut, so the backend's BCE kernel and the sigmoid's backward are used.
        Loss probabilities = new Loss() {
            @Override
            public String id() {
                return "bce-probabilities";
            }

            @Override
            public double compute(Backend backend, Tensor prediction, Tensor target, Tensor gradient) {
                return bce.compute(backend, prediction, target, gradient);
            }

            @Override
            public double pointwise(float prediction, float target) {
                return bce.pointwise(prediction, target);
            }
        };
        check(probabilities, new Dense[] {Dense.of(4, Activation.TANH)}, new Dense[] {Dense.of(6, Activation.SIGMOID)});
    }

    @Test
    void meanAbsoluteErrorWithLinearLayers() {
        // MAE and leaky ReLU have kinks; with this seed no element sits within H of one.
        check(Loss.mae(), new Dense[] {Dense.of(4, Activation.leakyRelu(0.2f))},
                new Dense[] {Dense.of(6, Activation.LINEAR)});
    }

    @Test
    void denoisingDropoutAndL1ActivityPenalty() {
        check(Loss.mse(), new Layer[] {GaussianNoise.of(0.3), Dense.of(5, Activation.TANH), Dropout.of(0.3),
                Dense.of(3, Activation.TANH), ActivityL1.of(0.5)},
                new Layer[] {Dense.of(4, Activation.LINEAR), Dense.of(6, Activation.SIGMOID)});
    }

    @Test
    void maskingNoiseAndKlSparsityOnASigmoidCode() {
        check(Loss.binaryCrossEntropy(), new Layer[] {MaskingNoise.of(0.25), Dense.of(4, Activation.SIGMOID),
                KlSparsity.of(0.1, 0.5)}, new Layer[] {Dense.of(6, Activation.SIGMOID)});
    }

    @Test
    void theVariationalLossReconstructionPlusKl() {
        check(Loss.binaryCrossEntropy(), new Layer[] {Dense.of(5, Activation.TANH), Dense.of(4, Activation.LINEAR),
                VariationalLatent.of(1.0)}, new Layer[] {Dense.of(5, Activation.TANH), Dense.of(6, Activation.SIGMOID)});
    }

    @Test
    void tiedWeightsAddBothUsesToTheSharedGradient() {
        check(Loss.mse(), new Layer[] {Dense.of(5, Activation.TANH), Dense.of(3, Activation.TANH)},
                new Layer[] {TiedDense.of(5, Activation.SOFTPLUS), TiedDense.of(6, Activation.SIGMOID)});
    }

    private Autoencoder model(Loss loss, Layer[] encoder, Layer[] decoder) {
        return Autoencoder.builder().inputSize(6).encoder(encoder).decoder(decoder).loss(loss)
                .seed(11).backend(backend()).build();
    }

    private static FloatMatrix batch() {
        return uniform(7, 6, new SplittableRandom(5));
    }

    private void check(Loss loss, Layer[] encoder, Layer[] decoder) {
        assertEquals(0, check(model(loss, encoder, decoder), loss), "parameters skipped for crossing a ReLU kink");
    }

    /**
     * Checks the gradient of the loss, penalties included, with every noise and dropout layer's
     * draw held fixed by one noise seed.
     *
     * <p>A central difference across a ReLU's kink measures neither side's slope, so a parameter
     * whose perturbation by +-H switches any ReLU unit on or off is skipped. Along a first layer's
     * parameter a pre-activation is linear, so it crosses 0 between the two ends only if the ends
     * differ; deeper, only through an earlier unit's switch, which shows at the ends too.
     *
     * @return the number of parameters skipped for crossing a ReLU kink
     */
    private static int check(Autoencoder ae, Loss loss) {
        DistributedTraining net = ae.distributedTraining();
        FloatMatrix batch = batch();
        BitSet active = activeUnits(ae, batch);
        int skipped = 0;
        float[] params = net.parameters();
        float[] analytic = new float[params.length];
        long noise = 99;
        net.computeGradients(batch, analytic, noise);
        assertArrayEquals(params, net.parameters(), "computeGradients must not change parameters");

        float[] scratch = new float[params.length];
        double diffNorm = 0;
        double sumNorm = 0;
        for (int i = 0; i < params.length; i++) {
            float saved = params[i];
            params[i] = saved + H;
            net.setParameters(params);
            double plus = net.computeGradients(batch, scratch, noise);
            boolean kinked = !active.equals(activeUnits(ae, batch));
            params[i] = saved - H;
            net.setParameters(params);
            double minus = net.computeGradients(batch, scratch, noise);
            kinked |= !active.equals(activeUnits(ae, batch));
            params[i] = saved;
            if (kinked) {
                skipped++;
                continue;
            }
            // The actual step is the float32 difference, not 2H.
            double numeric = (plus - minus) / ((double) (saved + H) - (double) (saved - H));
            double error = Math.abs(numeric - analytic[i]);
            assertTrue(error <= 3e-4 + 3e-2 * Math.abs(numeric), loss.id() + ": parameter " + i + " analytic "
                    + analytic[i] + " vs central difference " + numeric);
            diffNorm += error * error;
            sumNorm += (numeric + analytic[i]) * (numeric + analytic[i]);
        }
        net.setParameters(params);
        double relative = Math.sqrt(diffNorm) / Math.sqrt(sumNorm);
        assertTrue(relative < 2e-2, loss.id() + ": relative gradient error " + relative);
        return skipped;
    }

    /**
     * Which units of the network's ReLU layers are active (a positive pre-activation, so a positive
     * output) on each row of {@code batch}, layer after layer; empty without ReLU layers.
     */
    private static BitSet activeUnits(Autoencoder ae, FloatMatrix batch) {
        List<Layer> layers = new ArrayList<>(ae.encoderLayers());
        layers.addAll(ae.decoderLayers());
        BitSet active = new BitSet();
        int bit = 0;
        for (int l = 0; l < layers.size(); l++) {
            if (Activation.RELU.equals(layers.get(l).activation())) {
                for (float v : ae.predict(batch, 0, l + 1).data()) {
                    active.set(bit++, v > 0);
                }
            }
        }
        return active;
    }

    static FloatMatrix uniform(int rows, int cols, SplittableRandom random) {
        float[] data = new float[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextDouble();
        }
        return new FloatMatrix(data, rows, cols);
    }
}
