package io.ae4j.spark;

/**
 * A row of the DataFrame cannot be read as features: a null, a value beyond float range, an array
 * of the wrong length. Thrown on an executor, naming the row, partition and column; the driver's
 * actions turn it back into this exception out of Spark's wrapping.
 */
public final class BadRowException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    BadRowException(String message) {
        super(message);
    }
}
