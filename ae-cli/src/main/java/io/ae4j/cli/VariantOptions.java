package io.ae4j.cli;

import io.ae4j.data.FloatMatrix;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * Which member of the autoencoder family {@code ae train} builds, and its settings: the layers
 * of the encoder and decoder for {@code --layers}, with noise, dropout, a sparsity penalty or a
 * variational code placed where each belongs.
 */
final class VariantOptions {

    @Option(names = "--variant", defaultValue = "plain", paramLabel = "KIND",
            description = "plain, denoising, sparse or vae (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--noise", defaultValue = "0.3", paramLabel = "SIGMA|mask:RATE",
            description = "Denoising corruption: Gaussian noise of this sigma, or mask:RATE to zero that share of inputs (default: ${DEFAULT-VALUE}).")
    String noise;

    @Option(names = "--sparsity", defaultValue = "kl:0.05", paramLabel = "kl:RHO[:BETA]|l1:LAMBDA",
            description = "Sparse code penalty: KL towards mean activation RHO (a sigmoid code, weight BETA, default 1) or L1 of weight LAMBDA (default: ${DEFAULT-VALUE}).")
    String sparsity;

    @Option(names = "--beta", defaultValue = "1", description = "VAE: weight of the KL term; 1 is the ELBO (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--tied", description = "Decoder layers use the transposes of the encoder's weights (their own biases).")
    boolean tied;

    @Option(names = "--dropout", defaultValue = "0", paramLabel = "RATE",
            description = "Dropout after every hidden layer while training, rate in [0, 1) (default: ${DEFAULT-VALUE}).")
    double dropout;

    /**
     * Refuses flags that the chosen variant would ignore, settings that cannot work together, and
     * values out of range, before anything is read or trained. {@code layers} are the input width
     * and the encoder's widths, as {@code --layers} gives them.
     */
    void check(ParseResult parsed, int[] layers) {
        String kind = kind();
        if (parsed.hasMatchedOption("--sparsity") && !kind.equals("sparse")) {
            throw new IllegalArgumentException("--sparsity applies to --variant sparse; add that or leave --sparsity out");
        }
        if (parsed.hasMatchedOption("--beta") && !kind.equals("vae")) {
            throw new IllegalArgumentException("--beta applies to --variant vae; add that or leave --beta out");
        }
        if (tied && kind.equals("vae")) {
            throw new IllegalArgumentException("--tied cannot go with --variant vae: the encoder's last layer is twice "
                    + "the code's width (mean and log variance), so no decoder layer mirrors it");
        }
        OptionCheck.nonNegative("--beta", beta);
        OptionCheck.fraction("--dropout", dropout);
        if (dropout != 0 && layers.length < 3) {
            throw new IllegalArgumentException("--dropout acts after hidden layers, and --layers has none; add one "
                    + "(for example " + layers[0] + ",64," + layers[layers.length - 1] + ") or leave out --dropout");
        }
        if (kind.equals("vae") && layers[layers.length - 1] > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("--variant vae makes a layer of twice the code's width, and a code of "
                    + layers[layers.length - 1] + " is too wide for that; use a smaller code");
        }
        corruption();
        if (kind.equals("sparse")) {
            penalty();
        }
    }

    /** The encoder for widths {@code layers} (input first, code last) with hidden activation {@code activation}. */
    Layer[] encoder(int[] layers, Activation activation) {
        String kind = kind();
        List<Layer> encoder = new ArrayList<>();
        if (kind.equals("denoising")) {
            encoder.add(noiseLayer());
        }
        for (int i = 1; i < layers.length - 1; i++) {
            encoder.add(Dense.of(layers[i], activation));
            addDropout(encoder);
        }
        int code = layers[layers.length - 1];
        switch (kind) {
            case "vae" -> {
                encoder.add(Dense.of(2 * code, Activation.LINEAR));
                encoder.add(VariationalLatent.of(beta));
            }
            case "sparse" -> {
                Penalty penalty = penalty();
                // KL sparsity compares mean activations with RHO, so the code must lie in (0, 1).
                encoder.add(Dense.of(code, penalty.kl() ? Activation.SIGMOID : activation));
                encoder.add(penalty.kl() ? KlSparsity.of(penalty.weight(), penalty.beta()) : ActivityL1.of(penalty.weight()));
            }
            default -> encoder.add(Dense.of(code, activation));
        }
        return encoder.toArray(new Layer[0]);
    }

    /** The mirror-image decoder, ending in {@code output} at the input's width. */
    Layer[] decoder(int[] layers, Activation activation, Activation output) {
        List<Layer> decoder = new ArrayList<>();
        for (int i = layers.length - 2; i >= 1; i--) {
            decoder.add(dense(layers[i], activation));
            addDropout(decoder);
        }
        decoder.add(dense(layers[0], output));
        return decoder.toArray(new Layer[0]);
    }

    private Layer dense(int units, Activation activation) {
        return tied ? TiedDense.of(units, activation) : Dense.of(units, activation);
    }

    /** True for a denoising model. */
    boolean denoising() {
        return kind().equals("denoising");
    }

    /** True for a variational model. */
    boolean variational() {
        return kind().equals("vae");
    }

    /**
     * {@code clean} corrupted on the host as {@code --noise} corrupts training inputs, drawn from
     * {@code seed}: the noisy half of a denoising evaluation.
     */
    FloatMatrix corrupt(FloatMatrix clean, long seed) {
        Noise corruption = corruption();
        SplittableRandom random = new SplittableRandom(seed);
        float[] noisy = clean.data().clone();
        for (int i = 0; i < noisy.length; i++) {
            noisy[i] = corruption.mask() ? (random.nextDouble() < corruption.amount() ? 0f : noisy[i])
                    : (float) (noisy[i] + corruption.amount() * random.nextGaussian());
        }
        return new FloatMatrix(noisy, clean.rows(), clean.cols());
    }

    private String kind() {
        return switch (variant.toLowerCase(Locale.ROOT)) {
            case "plain", "denoising", "sparse", "vae" -> variant.toLowerCase(Locale.ROOT);
            default -> throw new IllegalArgumentException("--variant must be plain, denoising, sparse or vae, got '"
                    + variant + "'");
        };
    }

    /** The --noise corruption: Gaussian noise of sigma {@code amount}, or a mask dropping that share of inputs. */
    private record Noise(boolean mask, double amount) {
    }

    /** The --sparsity penalty: KL towards mean activation {@code weight} (rho) with weight {@code beta}, or L1 of weight {@code weight}. */
    private record Penalty(boolean kl, double weight, double beta) {
    }

    private static final String NOISE_FORM = "SIGMA (0 or more, such as 0.3) or mask:RATE (RATE in [0, 1), such as mask:0.25)";
    private static final String SPARSITY_FORM = "kl:RHO, kl:RHO:BETA or l1:LAMBDA, such as kl:0.05 or l1:0.05";

    /** --noise read and checked. */
    private Noise corruption() {
        String spec = noise.toLowerCase(Locale.ROOT).trim();
        boolean mask = spec.startsWith("mask:");
        String amount = mask ? spec.substring(5) : spec.startsWith("gaussian:") ? spec.substring(9) : spec;
        double value = OptionCheck.number("--noise", noise, amount, NOISE_FORM);
        if (mask) {
            OptionCheck.require(value >= 0 && value < 1, "--noise", noise, "mask:RATE with RATE in [0, 1)");
        } else {
            OptionCheck.require(OptionCheck.finiteFloat(value) && value >= 0, "--noise", noise, "a finite sigma, 0 or more");
        }
        return new Noise(mask, value);
    }

    /** The layer that corrupts training inputs for --noise. */
    private Layer noiseLayer() {
        Noise corruption = corruption();
        return corruption.mask() ? MaskingNoise.of(corruption.amount()) : GaussianNoise.of(corruption.amount());
    }

    /** --sparsity read and checked. */
    private Penalty penalty() {
        String[] parts = sparsity.toLowerCase(Locale.ROOT).trim().split(":", -1);
        boolean kl = parts[0].equals("kl") && (parts.length == 2 || parts.length == 3);
        if (!kl && !(parts[0].equals("l1") && parts.length == 2)) {
            throw new IllegalArgumentException("--sparsity must be " + SPARSITY_FORM + ", got '" + sparsity + "'");
        }
        double weight = OptionCheck.number("--sparsity", sparsity, parts[1], SPARSITY_FORM);
        double klBeta = kl && parts.length == 3 ? OptionCheck.number("--sparsity", sparsity, parts[2], SPARSITY_FORM) : 1;
        if (kl) {
            OptionCheck.require(weight > 0 && weight < 1, "--sparsity", sparsity, "kl:RHO with RHO in (0, 1)");
            OptionCheck.require(OptionCheck.finiteFloat(klBeta) && klBeta >= 0, "--sparsity", sparsity,
                    "kl:RHO:BETA with BETA a finite number, 0 or more");
        } else {
            OptionCheck.require(OptionCheck.finiteFloat(weight) && weight >= 0, "--sparsity", sparsity,
                    "l1:LAMBDA with LAMBDA a finite number, 0 or more");
        }
        return new Penalty(kl, weight, klBeta);
    }

    private void addDropout(List<Layer> layers) {
        if (dropout != 0) {
            layers.add(Dropout.of(dropout));
        }
    }
}
