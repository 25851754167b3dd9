package io.ae4j.train;

import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.function.DoubleSupplier;

/**
 * The validation loss of a local fit: held-out rows copied once into backend memory, evaluated
 * in batches of the training batch size, allocating nothing per evaluation.
 */
final class LocalValidation implements DoubleSupplier {

    private final Network network;
    private final Backend backend;
    private final Tensor data;
    private final int[] order;
    private final int batchSize;

    LocalValidation(Network network, FloatMatrix rows, int batchSize) {
        this.network = network;
        this.backend = network.backend();
        this.data = BackendRows.copyOf(backend, rows);
        this.order = BackendRows.inOrder(rows.rows());
        this.batchSize = Math.min(batchSize, order.length);
    }

    /** Mean loss per sample over the held-out rows. */
    @Override
    public double getAsDouble() {
        double sum = 0;
        for (int from = 0; from < order.length; from += batchSize) {
            Workspace ws = network.trainingWorkspace(Math.min(batchSize, order.length - from));
            backend.gatherRows(data, order, from, ws.input);
            sum += network.evaluate(ws) * ws.rows;
        }
        return sum / order.length;
    }
}
