package io.ae4j.model;

import io.ae4j.layer.Activation;
import io.ae4j.layer.ActivityL1;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Dropout;
import io.ae4j.layer.GaussianNoise;
import io.ae4j.layer.Initializer;
import io.ae4j.layer.KlSparsity;
import io.ae4j.layer.Layer;
import io.ae4j.layer.MaskingNoise;
import io.ae4j.layer.TiedDense;
import io.ae4j.layer.VariationalLatent;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Adam;
import io.ae4j.optim.Optimizer;
import io.ae4j.optim.RmsProp;
import io.ae4j.optim.Sgd;
import io.ae4j.spi.ActivationKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The architecture section of a model file: layers, loss and optimizer as {@code key=value}
 * lines. Only built-in types can be written, and reading builds only built-in types, so loading a
 * model never runs code named by the file.
 */
final class ArchitectureSection {

    private ArchitectureSection() {
    }

    /** The architecture of {@code model} as sorted key-value pairs. */
    static Map<String, String> encode(ModelSnapshot model) {
        Map<String, String> out = new TreeMap<>();
        out.put("input.size", Integer.toString(model.inputSize()));
        putLayers(out, "encoder", model.encoder());
        putLayers(out, "decoder", model.decoder());
        Loss loss = model.loss();
        if (!isBuiltIn(loss)) {
            throw new IllegalArgumentException("loss '" + loss.id() + "' is not built in, so it cannot be saved");
        }
        out.put("loss", loss.id());
        putOptimizer(out, model.optimizer());
        out.put("clip.norm", Float.toString(model.clipNorm()));
        out.put("seed", Long.toString(model.seed()));
        return out;
    }

    /** The layers of {@code part} ("encoder" or "decoder"). */
    static List<Layer> layers(Fields f, String part) {
        int count = f.integer(part + ".count", 1, 10_000);
        List<Layer> layers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = part + "." + i + ".";
            try {
                layers.add(layer(f, key));
            } catch (IllegalArgumentException e) {
                throw new FieldException(part + " layer " + i, e.getMessage());
            }
        }
        return layers;
    }

    /** The layer whose keys start with {@code key}; its factory refuses settings it cannot take. */
    private static Layer layer(Fields f, String key) {
        String type = f.text(key + "type");
        return switch (type) {
            case "dense" -> Dense.of(f.integer(key + "units", 1, Integer.MAX_VALUE), activation(f, key))
                    .withInitializer(f.parse(key + "initializer", v -> Initializer.valueOf(v.toUpperCase(Locale.ROOT))));
            case "gaussian_noise" -> GaussianNoise.of(f.decimal(key + "sigma"));
            case "masking_noise" -> MaskingNoise.of(f.decimal(key + "rate"));
            case "dropout" -> Dropout.of(f.decimal(key + "rate"));
            case "activity_l1" -> ActivityL1.of(f.decimal(key + "lambda"));
            case "kl_sparsity" -> KlSparsity.of(f.decimal(key + "rho"), f.decimal(key + "beta"));
            case "variational_latent" -> VariationalLatent.of(f.decimal(key + "beta"));
            case "tied_dense" -> TiedDense.of(f.integer(key + "units", 1, Integer.MAX_VALUE), activation(f, key));
            default -> throw FieldException.ofKey(key + "type", "unknown layer type '" + type + "'");
        };
    }

    private static Activation activation(Fields f, String key) {
        Activation activation = f.parse(key + "activation", Activation::named);
        if (activation.function() == ActivationKind.LEAKY_RELU) {
            activation = f.parse(key + "slope", v -> Activation.leakyRelu(Float.parseFloat(v)));
        }
        return activation;
    }

    /** The optimizer with its settings. */
    static Optimizer optimizer(Fields f) {
        String id = f.text("optimizer");
        float lr = f.decimal("optimizer.learning_rate");
        try {
            switch (id) {
                case "adam":
                case "adamw":
                    return new Adam(lr, f.decimal("optimizer.beta1"), f.decimal("optimizer.beta2"),
                            f.decimal("optimizer.epsilon"), f.decimal("optimizer.weight_decay"));
                case "sgd":
                    return new Sgd(lr, f.decimal("optimizer.momentum"), f.bool("optimizer.nesterov"),
                            f.decimal("optimizer.weight_decay"));
                case "rmsprop":
                    return new RmsProp(lr, f.decimal("optimizer.rho"), f.decimal("optimizer.epsilon"),
                            f.decimal("optimizer.weight_decay"));
                default:
                    throw FieldException.ofKey("optimizer", "unknown optimizer '" + id + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new FieldException("optimizer " + id, e.getMessage());
        }
    }

    private static boolean isBuiltIn(Loss loss) {
        try {
            return Loss.named(loss.id()).equals(loss);
        } catch (IllegalArgumentException unknownId) {
            return false;
        }
    }

    private static void putLayers(Map<String, String> out, String part, List<Layer> layers) {
        out.put(part + ".count", Integer.toString(layers.size()));
        for (int i = 0; i < layers.size(); i++) {
            String key = part + "." + i + ".";
            if (putVariantLayer(out, key, layers.get(i))) {
                continue;
            }
            if (!(layers.get(i) instanceof Dense)) {
                throw new IllegalArgumentException(part + " layer " + i + " (" + layers.get(i).getClass().getName()
                        + ") is not built in, so it cannot be saved");
            }
            Dense d = (Dense) layers.get(i);
            out.put(key + "type", "dense");
            out.put(key + "units", Integer.toString(d.units()));
            putActivation(out, key, d.activation());
            out.put(key + "initializer", d.initializer().name().toLowerCase(Locale.ROOT));
        }
    }

    private static void putActivation(Map<String, String> out, String key, Activation activation) {
        out.put(key + "activation", activation.functionName());
        if (activation.function() == ActivationKind.LEAKY_RELU) {
            out.put(key + "slope", Float.toString(activation.slope()));
        }
    }

    /** Writes a variant layer's type and settings; false if {@code layer} is not one. */
    private static boolean putVariantLayer(Map<String, String> out, String key, Layer layer) {
        if (layer instanceof GaussianNoise g) {
            out.put(key + "type", "gaussian_noise");
            out.put(key + "sigma", Float.toString(g.sigma()));
        } else if (layer instanceof MaskingNoise m) {
            out.put(key + "type", "masking_noise");
            out.put(key + "rate", Float.toString(m.rate()));
        } else if (layer instanceof Dropout d) {
            out.put(key + "type", "dropout");
            out.put(key + "rate", Float.toString(d.rate()));
        } else if (layer instanceof ActivityL1 a) {
            out.put(key + "type", "activity_l1");
            out.put(key + "lambda", Float.toString(a.lambda()));
        } else if (layer instanceof KlSparsity k) {
            out.put(key + "type", "kl_sparsity");
            out.put(key + "rho", Float.toString(k.rho()));
            out.put(key + "beta", Float.toString(k.beta()));
        } else if (layer instanceof VariationalLatent v) {
            out.put(key + "type", "variational_latent");
            out.put(key + "beta", Float.toString(v.beta()));
        } else if (layer instanceof TiedDense t) {
            out.put(key + "type", "tied_dense");
            out.put(key + "units", Integer.toString(t.units()));
            putActivation(out, key, t.activation());
        } else {
            return false;
        }
        return true;
    }

    private static void putOptimizer(Map<String, String> out, Optimizer optimizer) {
        out.put("optimizer", optimizer.id());
        out.put("optimizer.learning_rate", Float.toString(optimizer.learningRate()));
        if (optimizer instanceof Adam) {
            Adam a = (Adam) optimizer;
            out.put("optimizer.beta1", Float.toString(a.beta1()));
            out.put("optimizer.beta2", Float.toString(a.beta2()));
            out.put("optimizer.epsilon", Float.toString(a.epsilon()));
            out.put("optimizer.weight_decay", Float.toString(a.weightDecay()));
        } else if (optimizer instanceof Sgd) {
            Sgd s = (Sgd) optimizer;
            out.put("optimizer.momentum", Float.toString(s.momentum()));
            out.put("optimizer.nesterov", Boolean.toString(s.nesterov()));
            out.put("optimizer.weight_decay", Float.toString(s.weightDecay()));
        } else if (optimizer instanceof RmsProp) {
            RmsProp r = (RmsProp) optimizer;
            out.put("optimizer.rho", Float.toString(r.rho()));
            out.put("optimizer.epsilon", Float.toString(r.epsilon()));
            out.put("optimizer.weight_decay", Float.toString(r.weightDecay()));
        } else {
            throw new IllegalArgumentException("optimizer " + optimizer.getClass().getName()
                    + " is not built in, so it cannot be saved");
        }
    }
}
