package io.ae4j.onnx;

import io.ae4j.Autoencoder;
import io.ae4j.model.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ONNX files of ae4j autoencoders, both ways.
 *
 * <p><b>Export.</b> {@link #export} writes the encoder, the decoder or the whole model with
 * standard operators (opset {@value OnnxExporter#OPSET}) and a free batch dimension, as a model
 * computes at inference: noise and dropout layers vanish, sparsity layers pass their input on, a
 * variational code gives its means, and tied layers use the transpose of their mirror's weights.
 * The scaler kept in the model's metadata is part of the graph, so that rows go in and come out
 * in the units of the data, as {@code ae encode} and {@code ae reconstruct} take and give them.
 * The whole model also outputs each row's reconstruction error, and its metadata_props carry the
 * anomaly threshold; see {@link Part} for the names of the inputs and outputs.
 *
 * <p><b>Import.</b> {@link #importer} reads a dense autoencoder, a chain of Gemm (or MatMul and
 * Add) nodes and activations as PyTorch's {@code torch.onnx.export} writes it, into an
 * {@link Autoencoder} that encodes, scores, saves and trains on.
 */
public final class AeOnnx {

    private AeOnnx() {
    }

    /**
     * Writes {@code part} of {@code autoencoder} to {@code file} as an ONNX model, atomically.
     *
     * @param autoencoder the model
     * @param part the part to write
     * @param file where to write
     * @throws IllegalArgumentException if an argument is null, or a layer (or, for the whole model,
     *                                  the loss) is one of one's own, which has no ONNX form
     * @throws IOException if the file cannot be written
     */
    public static void export(Autoencoder autoencoder, Part part, Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("the file to export to must not be null");
        }
        byte[] bytes = toBytes(autoencoder, part);
        AtomicFiles.write(file, temporary -> Files.write(temporary, bytes));
    }

    /**
     * {@code part} of {@code autoencoder} as the bytes of an ONNX model; checks as {@link #export} does.
     *
     * @param autoencoder the model
     * @param part the part to write
     * @return the ONNX model
     */
    public static byte[] toBytes(Autoencoder autoencoder, Part part) {
        if (autoencoder == null || part == null) {
            throw new IllegalArgumentException("the autoencoder and the part to export must not be null");
        }
        return OnnxExporter.export(autoencoder, part).toByteArray();
    }

    /**
     * Starts reading the dense autoencoder in the ONNX file {@code file}; say where its code is
     * with {@link OnnxImport#codeAt} or {@link OnnxImport#encoderLayers}, then {@link OnnxImport#read}.
     *
     * @param file an ONNX model
     * @return the import, to configure and {@link OnnxImport#read}
     */
    public static OnnxImport importer(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("the ONNX file to import must not be null");
        }
        return new OnnxImport(file);
    }
}
