package io.ae4j.model;

import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The process {@link SaveKillTest} kills: saves two models of about 32 MB to one file, in turn,
 * until it is killed. It prints a line when it starts saving and one after each save.
 */
final class SavingLoop {

    private SavingLoop() {
    }

    /**
     * A model of 2000 -> 1000 -> 2000 (4,003,000 parameters, SGD with momentum: as many state
     * values) whose parameters are all {@code value} and whose state values are all {@code -value},
     * with {@code value} in its metadata: models of different values are told apart by any number.
     */
    static ModelSnapshot model(float value) {
        List<io.ae4j.layer.Layer> encoder = List.of(Dense.of(1000, Activation.RELU));
        List<io.ae4j.layer.Layer> decoder = List.of(Dense.of(2000, Activation.SIGMOID));
        Optimizer optimizer = Optimizer.sgd(0.01, 0.9, false);
        int size = (int) ParameterLayout.of(2000, encoder, decoder).size();
        float[] parameters = new float[size];
        Arrays.fill(parameters, value);
        float[] state = new float[size * optimizer.stateSlots()];
        Arrays.fill(state, -value);
        return new ModelSnapshot(2000, encoder, decoder, Loss.mse(), optimizer, 0f, 1L, parameters, state, 9L,
                Map.of("value", Float.toString(value)));
    }

    /** Saves {@code model(2)} and {@code model(1)} in turn to the file {@code args[0]}, for ever. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        ModelSnapshot[] models = {model(2f), model(1f)};
        System.out.println("saving");
        System.out.flush();
        for (long saves = 0; ; saves++) {
            ModelFile.write(models[(int) (saves % 2)], file);
            System.out.println("saved");
            System.out.flush();
        }
    }
}
