package io.ae4j.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Forces ND4J to load its native backend, which it does on first use. Kept apart from
 * {@link Nd4jBackendProvider} so that loading the provider touches no ND4J class: without ND4J on
 * the class path, only {@link #load()} fails, with a {@link NoClassDefFoundError} the probe catches.
 */
final class Nd4jNatives {

    private Nd4jNatives() {
    }

    /**
     * Creates two small FLOAT arrays and multiplies them, which loads libnd4j and its BLAS. Throws
     * whatever ND4J throws when it cannot load: a {@link NoClassDefFoundError} without ND4J's
     * jars, an {@link ExceptionInInitializerError} around the {@link UnsatisfiedLinkError} of a
     * missing native jar, or a {@link RuntimeException}.
     */
    static void load() {
        INDArray a = Nd4jArrays.zeros(DataType.FLOAT, 2, 2);
        INDArray c = Nd4jArrays.zeros(DataType.FLOAT, 2, 2);
        Nd4j.gemm(a, a, c, false, false, 1.0, 0.0);
    }
}
