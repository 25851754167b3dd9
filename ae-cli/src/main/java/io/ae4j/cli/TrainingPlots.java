package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.file.Dataset;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pictures {@code ae train --plots DIR} writes: the loss curve; for images, originals above
 * their reconstructions, and for a denoising or variational model noisy, denoised and clean rows
 * or draws from the prior; with labels, the codes on a 2-D map coloured by label.
 */
final class TrainingPlots {

    static final String LOSS = "loss.png";
    static final String RECONSTRUCTIONS = "reconstructions.png";
    static final String DENOISING = "denoising.png";
    static final String SAMPLES = "samples.png";
    static final String LATENT = "latent.png";

    /** Images shown per row of a picture. */
    private static final int SHOWN_IMAGES = 12;
    /** Rows drawn on the latent map: enough to see the classes, few enough to see each point. */
    private static final int MAPPED_ROWS = 2000;

    private final Path folder;
    private final String title;
    private final VariantOptions variant;

    /** @param title the data's name, which opens each picture's title */
    TrainingPlots(Path folder, String title, VariantOptions variant) {
        this.folder = folder;
        this.title = title;
        this.variant = variant;
    }

    /** The pictures that may be written: the loss curve always, the others for images, a variant, or labels. */
    List<Path> files(boolean labelled) {
        List<String> names = new ArrayList<>(List.of(LOSS, RECONSTRUCTIONS));
        if (variant.denoising()) {
            names.add(DENOISING);
        }
        if (variant.variational()) {
            names.add(SAMPLES);
        }
        if (labelled) {
            names.add(LATENT);
        }
        return names.stream().map(folder::resolve).toList();
    }

    /**
     * Writes the pictures and names each on {@code out}.
     *
     * @param table  the data as read, for its image shape, labels and unscaled rows
     * @param scaled the same rows in the model's units
     * @param noise  corrupts rows as the evaluation did, for the denoising picture
     */
    void write(Autoencoder autoencoder, TrainingHistory history, Dataset table, FloatMatrix scaled,
               TrainingEvaluation noise, PrintWriter out) throws IOException {
        Path curve = folder.resolve(LOSS);
        LossChart.write(history, title + ": loss per epoch", curve);
        out.println("wrote " + curve);
        if (table.imageShape().isPresent()) {
            images(autoencoder, table, noise, out);
        }
        if (table.hasLabels()) {
            latentMap(autoencoder, table, scaled, out);
        }
    }

    private void images(Autoencoder autoencoder, Dataset table, TrainingEvaluation noise, PrintWriter out)
            throws IOException {
        FloatMatrix originals = table.features().rows(0, Math.min(SHOWN_IMAGES, table.features().rows()));
        int height = table.imageShape().get().height();
        int width = table.imageShape().get().width();
        Path grid = folder.resolve(RECONSTRUCTIONS);
        ImageGrid.write(grid, height, width, originals, autoencoder.reconstruct(originals));
        out.println("wrote " + grid);
        if (variant.denoising()) {
            FloatMatrix noisy = noise.corrupt(originals);
            Path denoised = folder.resolve(DENOISING);
            ImageGrid.write(denoised, height, width, noisy, autoencoder.reconstruct(noisy), originals);
            out.println("wrote " + denoised + " (noisy, denoised, clean)");
        }
        if (variant.variational()) {
            FloatMatrix samples = autoencoder.sample(3 * SHOWN_IMAGES, 0);
            Path drawn = folder.resolve(SAMPLES);
            ImageGrid.write(drawn, height, width, samples.rows(0, SHOWN_IMAGES),
                    samples.rows(SHOWN_IMAGES, 2 * SHOWN_IMAGES), samples.rows(2 * SHOWN_IMAGES, 3 * SHOWN_IMAGES));
            out.println("wrote " + drawn + " (decoded draws from the prior)");
        }
    }

    private void latentMap(Autoencoder autoencoder, Dataset table, FloatMatrix scaled, PrintWriter out)
            throws IOException {
        int shown = Math.min(scaled.rows(), MAPPED_ROWS);
        LabelClasses classes = LabelClasses.of(table, shown);
        Path map = folder.resolve(LATENT);
        LatentMap.write(map, title + ": codes by label", autoencoder.encode(scaled.rows(0, shown)), classes.of(),
                classes.names());
        out.println("wrote " + map);
    }
}
