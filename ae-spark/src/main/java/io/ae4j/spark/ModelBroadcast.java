package io.ae4j.spark;

import io.ae4j.Autoencoder;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A model as Spark ships it to executors: the bytes of its model file, and an identity under
 * which each executor JVM keeps the loaded model.
 *
 * @param id    for scoring, the SHA-256 of {@code bytes} in hex, so that later jobs with the same
 *              model reuse what an executor loaded; for training, that and a nonce of the fit, so
 *              that each fit's pooled models are its own and go when it ends
 * @param bytes the model file's bytes
 */
record ModelBroadcast(String id, byte[] bytes) implements Serializable {

    /** The model for scoring, known by its bytes' digest. */
    static ModelBroadcast of(Autoencoder model) {
        byte[] bytes = model.toBytes();
        return new ModelBroadcast(sha256(bytes), bytes);
    }

    /** The model for one fit, known by its bytes' digest and a nonce of that fit. */
    static ModelBroadcast forFit(Autoencoder model) {
        byte[] bytes = model.toBytes();
        return new ModelBroadcast(sha256(bytes) + "/fit-" + UUID.randomUUID(), bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must have", e);
        }
    }
}
