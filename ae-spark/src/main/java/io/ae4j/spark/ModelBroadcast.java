package io.ae4j.spark;

import io.ae4j.Autoencoder;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model as Spark ships it to executors: the bytes of its model file, and an identity (their
 * SHA-256) under which each executor JVM keeps the loaded model.
 *
 * @param id    SHA-256 of {@code bytes}, in hex
 * @param bytes the model file's bytes
 */
record ModelBroadcast(String id, byte[] bytes) implements Serializable {

    static ModelBroadcast of(Autoencoder model) {
        byte[] bytes = model.toBytes();
        try {
            return new ModelBroadcast(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must have", e);
        }
    }
}
