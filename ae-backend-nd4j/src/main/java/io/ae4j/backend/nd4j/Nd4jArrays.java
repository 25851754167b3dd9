package io.ae4j.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Allocation of the backend's own arrays. */
final class Nd4jArrays {

    private Nd4jArrays() {
    }

    /**
     * A new c-order array of zeros of {@code shape} (empty for a scalar). It is allocated outside
     * any ND4J workspace the calling thread may have open (say, in code that also uses
     * Deeplearning4j), because it must outlive that workspace: it lives until it is collected.
     */
    static INDArray zeros(DataType type, long... shape) {
        MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
        try {
            return Nd4j.create(type, shape, 'c');
        } finally {
            outside.close();
        }
    }
}
