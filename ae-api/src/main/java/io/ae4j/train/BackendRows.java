package io.ae4j.train;

import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;

/** Rows copied once into backend memory, and the identity order that gathers them as they are. */
final class BackendRows {

    private BackendRows() {
    }

    /** A backend tensor holding {@code rows}. */
    static Tensor copyOf(Backend backend, FloatMatrix rows) {
        Tensor tensor = backend.create(rows.rows(), rows.cols());
        backend.write(rows.data(), 0, tensor);
        return tensor;
    }

    /** {@code 0, 1, ..., n - 1}. */
    static int[] inOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
