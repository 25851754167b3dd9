package io.ae4j.model;

import io.ae4j.data.NotEnoughHeapException;
import io.ae4j.distributed.TrainingState;
import io.ae4j.spi.Backend;
import io.ae4j.train.Architecture;
import io.ae4j.train.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads models in the ae4j model format ({@link ModelFile}): what {@code Autoencoder}'s
 * {@code save}, {@code toBytes}, {@code load} and {@code fromBytes} do. A model is its network,
 * whose architecture, parameters and optimizer state the file holds, and its metadata.
 *
 * <p>Not part of the user API ({@code Autoencoder.save} and {@code Autoencoder.load} are); public
 * for ae4j's own packages.
 */
public final class ModelStore {

    /**
     * A model read back from a file.
     *
     * @param network  the network, with the file's parameters, optimizer state and step count
     * @param metadata the file's metadata, {@code saved.backend} included
     */
    public record Loaded(Network network, Map<String, String> metadata) {
    }

    private ModelStore() {
    }

    /**
     * Writes {@code network} and {@code metadata} to {@code file} atomically, adding the backend
     * it was saved from to the metadata as {@code saved.backend}.
     *
     * @param network  the model's network
     * @param metadata the model's metadata
     * @param file     the file to write or replace
     * @throws IOException if the file cannot be written
     */
    public static void save(Network network, Map<String, String> metadata, Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        ModelFile.write(snapshot(network, metadata), file);
    }

    /**
     * The bytes {@link #save} puts in a file: for shipping a model to other machines or a store.
     *
     * @param network  the model's network
     * @param metadata the model's metadata
     * @return the bytes of a model file
     */
    public static byte[] toBytes(Network network, Map<String, String> metadata) {
        try {
            return ModelFile.toBytes(snapshot(network, metadata));
        } catch (IOException e) {
            throw new IllegalStateException("this model cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the model in {@code file} onto {@code backend}. A loaded model passes the checks a
     * model described in code passes ({@link Architecture}), and holds finite parameters and
     * optimizer state.
     *
     * @param file    a model file
     * @param backend the backend to load onto
     * @return the network and the metadata
     * @throws ModelFormatException if the file is not an ae4j model, is damaged, or describes a model
     *                              that cannot be built; the message names the file and what is wrong
     */
    public static Loaded load(Path file, Backend backend) throws IOException {
        if (file == null || backend == null) {
            throw new IllegalArgumentException("file and backend must not be null");
        }
        return restore(ModelFile.read(file), file.toString(), backend);
    }

    /**
     * Reads a model from the bytes {@link #toBytes} gave, onto {@code backend}.
     *
     * @param bytes   the bytes of a model file
     * @param source  names the bytes' origin in error messages
     * @param backend the backend to load onto
     * @return the network and the metadata
     * @throws ModelFormatException as {@link #load} does, the message naming {@code source}
     */
    public static Loaded fromBytes(byte[] bytes, String source, Backend backend) throws IOException {
        if (backend == null) {
            throw new IllegalArgumentException("backend must not be null");
        }
        return restore(ModelFile.fromBytes(bytes, source), source, backend);
    }

    private static ModelSnapshot snapshot(Network network, Map<String, String> metadata) {
        Architecture a = network.architecture();
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put("saved.backend", network.backend().name());
        TrainingState state = network.state();
        return new ModelSnapshot(a.inputSize(), a.encoder(), a.decoder(), a.loss(), a.optimizer(), a.clipNorm(),
                a.seed(), state.parameters(), state.optimizerState(), state.step(), meta);
    }

    /**
     * The network {@code s} describes, checked as a model described in code is, with the
     * parameters, optimizer state and metadata of {@code s}.
     *
     * @throws ModelFormatException naming {@code source} if the description is refused
     */
    private static Loaded restore(ModelSnapshot s, String source, Backend backend) throws ModelFormatException {
        Network network;
        try {
            network = new Network(backend, new Architecture(s.inputSize(), s.encoder(), s.decoder(), s.loss(),
                    s.optimizer(), s.clipNorm(), s.seed()));
        } catch (NotEnoughHeapException e) {
            throw e;     // a sound model too large for this JVM: the file is fine, the heap is not
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source, "describes a model that cannot be built: " + e.getMessage()
                    + " (" + ModelFile.DAMAGED + ")");
        }
        network.setState(new TrainingState(s.parameters(), s.optimizerState(), s.step()));
        return new Loaded(network, s.metadata());
    }
}
