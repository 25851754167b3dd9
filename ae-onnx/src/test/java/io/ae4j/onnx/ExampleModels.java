package io.ae4j.onnx;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.MinMaxScaler;
import io.ae4j.data.Scaler;
import io.ae4j.data.StandardScaler;
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
import io.ae4j.spi.Backends;
import io.ae4j.train.FitConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small trained models of every kind the exporter handles, with the raw rows they were trained
 * on: every activation, both scalers, each variant and each loss. They are trained a few epochs
 * so that biases are not the zeros they start at.
 */
final class ExampleModels {

    /** A model and its rows in the units of the data (before its scaler, if it has one). */
    record Example(Autoencoder model, FloatMatrix rows) {
    }

    static final int FEATURES = 6;

    private ExampleModels() {
    }

    /** The model of each activation: every layer but the output uses it. */
    static Example withActivation(Activation activation) {
        return trained(Autoencoder.builder().inputSize(FEATURES)
                .encoder(Dense.of(4, activation), Dense.of(3, activation))
                .decoder(Dense.of(4, activation), Dense.of(FEATURES, Activation.LINEAR)), unitRows(1), Scaler.NONE);
    }

    /** Every example, by name. */
    static Map<String, Example> all() {
        Map<String, Example> examples = new LinkedHashMap<>();
        for (Activation activation : activations()) {
            examples.put("activation " + activation, withActivation(activation));
        }
        examples.put("min-max scaler, constant column, binary cross-entropy", minMaxScaled());
        examples.put("standard scaler, large means, mean absolute error", standardScaled());
        examples.put("denoising", denoising());
        examples.put("sparse", sparse());
        examples.put("variational", variational());
        examples.put("tied", tied());
        return examples;
    }

    static Activation[] activations() {
        return new Activation[] {Activation.LINEAR, Activation.RELU, Activation.leakyRelu(0.2f), Activation.SIGMOID,
            Activation.TANH, Activation.SOFTPLUS};
    }

    static Example minMaxScaled() {
        FloatMatrix rows = unitRows(2);
        float[] values = rows.data();
        for (int i = 0; i < values.length; i++) {
            values[i] = i % FEATURES == 2 ? 7f : values[i] * 40 - 15;    // column 2 constant
        }
        return trained(Autoencoder.builder().inputSize(FEATURES)
                .encoder(Dense.of(4, Activation.RELU), Dense.of(3, Activation.TANH))
                .decoder(Dense.of(4, Activation.RELU), Dense.of(FEATURES, Activation.SIGMOID))
                .loss(Loss.binaryCrossEntropy()), rows, MinMaxScaler.fit(rows));
    }

    /** Means of 10,000 and more next to deviations of about 1: float32 alone would lose the scaled values' digits. */
    static Example standardScaled() {
        FloatMatrix rows = unitRows(3);
        float[] values = rows.data();
        for (int i = 0; i < values.length; i++) {
            values[i] = 10_000.123f + 1000 * (i % FEATURES) + values[i] * 3;
        }
        return trained(Autoencoder.builder().inputSize(FEATURES)
                .encoder(Dense.of(4, Activation.TANH), Dense.of(2, Activation.LINEAR))
                .decoder(Dense.of(4, Activation.TANH), Dense.of(FEATURES, Activation.LINEAR))
                .loss(Loss.mae()), rows, StandardScaler.fit(rows));
    }

    static Example denoising() {
        return trained(Autoencoder.builder().inputSize(FEATURES)
                .encoder(MaskingNoise.of(0.2), GaussianNoise.of(0.1), Dense.of(4, Activation.RELU), Dropout.of(0.3),
                        Dense.of(3, Activation.TANH))
                .decoder(Dense.of(4, Activation.RELU), Dropout.of(0.1), Dense.of(FEATURES, Activation.SIGMOID)),
                unitRows(4), Scaler.NONE);
    }

    static Example sparse() {
        return trained(Autoencoder.builder().inputSize(FEATURES)
                .encoder(Dense.of(5, Activation.SIGMOID), KlSparsity.of(0.05, 0.5), Dense.of(3, Activation.RELU),
                        ActivityL1.of(1e-3))
                .decoder(Dense.of(FEATURES, Activation.SIGMOID)), unitRows(5), Scaler.NONE);
    }

    static Example variational() {
        return trained(Autoencoder.builder().inputSize(FEATURES)
                .encoder(Dense.of(5, Activation.TANH), Dense.of(4, Activation.LINEAR), VariationalLatent.of(1.0))
                .decoder(Dense.of(5, Activation.TANH), Dense.of(FEATURES, Activation.SIGMOID))
                .loss(Loss.binaryCrossEntropy()), unitRows(6), Scaler.NONE);
    }

    static Example tied() {
        return trained(Autoencoder.builder().inputSize(FEATURES)
                .encoder(Dense.of(4, Activation.RELU), Dense.of(3, Activation.TANH))
                .decoder(TiedDense.of(4, Activation.RELU), TiedDense.of(FEATURES, Activation.SIGMOID)),
                unitRows(7), Scaler.NONE);
    }

    /** 40 rows of values in [0, 1), the same for the same seed. */
    static FloatMatrix unitRows(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[40 * FEATURES];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return new FloatMatrix(values, 40, FEATURES);
    }

    /** Builds on the naive backend, keeps {@code scaler} in the model, and trains three epochs on the scaled rows. */
    private static Example trained(Autoencoder.Builder builder, FloatMatrix rows, Scaler scaler) {
        Autoencoder model = builder.seed(11).backend(Backends.get("naive")).build();
        scaler.toFields().forEach(model::putMetadata);
        model.fit(scaler.transform(rows), FitConfig.builder().epochs(3).batchSize(8).build());
        return new Example(model, rows);
    }
}
