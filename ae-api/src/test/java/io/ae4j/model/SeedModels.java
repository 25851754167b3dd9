package io.ae4j.model;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.StandardScaler;
import io.ae4j.layer.Activation;
import io.ae4j.layer.ActivityL1;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Dropout;
import io.ae4j.layer.GaussianNoise;
import io.ae4j.layer.Initializer;
import io.ae4j.layer.KlSparsity;
import io.ae4j.layer.MaskingNoise;
import io.ae4j.layer.TiedDense;
import io.ae4j.layer.VariationalLatent;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.FitConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small trained models of every kind a model file describes, as the bytes of their files: the
 * starting points of the format's fuzz and validation tests, so that edits hit real keys.
 */
final class SeedModels {

    static final int INPUT = 6;

    private SeedModels() {
    }

    /** The file bytes of each model, by name: plain, with a scaler, denoising, sparse, variational, tied. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("plain", trained(Autoencoder.builder()
                .encoder(Dense.of(4, Activation.RELU).withInitializer(Initializer.HE_UNIFORM), Dense.of(2, Activation.TANH))
                .decoder(Dense.of(4, Activation.leakyRelu(0.2f)), Dense.of(INPUT, Activation.SIGMOID))
                .gradientClipNorm(1.0)).toBytes());
        Autoencoder scaled = trained(Autoencoder.builder()
                .encoder(Dense.of(3, Activation.RELU)).decoder(Dense.of(INPUT, Activation.LINEAR)).loss(Loss.mae()));
        StandardScaler.fit(data()).toFields().forEach(scaled::putMetadata);
        scaled.putMetadata("note", "kept with the model");
        files.put("scaled", scaled.toBytes());
        files.put("denoising", trained(Autoencoder.builder()
                .encoder(GaussianNoise.of(0.1), MaskingNoise.of(0.2), Dense.of(4, Activation.RELU), Dropout.of(0.1),
                        ActivityL1.of(1e-3))
                .decoder(Dense.of(INPUT, Activation.SIGMOID))
                .optimizer(Optimizer.sgd(0.05, 0.9, true))).toBytes());
        files.put("sparse", trained(Autoencoder.builder()
                .encoder(Dense.of(4, Activation.SIGMOID), KlSparsity.of(0.05, 0.5))
                .decoder(Dense.of(INPUT, Activation.SIGMOID)).loss(Loss.binaryCrossEntropy())
                .optimizer(Optimizer.rmsProp(1e-3))).toBytes());
        files.put("variational", trained(Autoencoder.builder()
                .encoder(Dense.of(4, Activation.RELU), Dense.of(4, Activation.LINEAR), VariationalLatent.of(1.0))
                .decoder(Dense.of(4, Activation.RELU), Dense.of(INPUT, Activation.SIGMOID))
                .optimizer(Optimizer.adamW(1e-3, 0.01))).toBytes());
        files.put("tied", trained(Autoencoder.builder()
                .encoder(Dense.of(4, Activation.RELU), Dense.of(2, Activation.RELU))
                .decoder(TiedDense.of(4, Activation.RELU), TiedDense.of(INPUT, Activation.SIGMOID))
                .optimizer(Optimizer.sgd(0.1))).toBytes());
        return files;
    }

    /** Rows of {@link #INPUT} values in (0, 1), the same every run. */
    static FloatMatrix data() {
        SplittableRandom random = new SplittableRandom(11);
        float[] values = new float[16 * INPUT];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(0.05, 0.95);
        }
        return new FloatMatrix(values, 16, INPUT);
    }

    /** The model described, trained for two epochs so that its weights and optimizer state are not the initial ones. */
    private static Autoencoder trained(Autoencoder.Builder description) {
        Autoencoder model = description.inputSize(INPUT).seed(5).backend(new HeapTestBackend()).build();
        model.fit(data(), FitConfig.builder().epochs(2).batchSize(8).build());
        return model;
    }
}
