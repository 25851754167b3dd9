package io.ae4j.train;

import io.ae4j.data.FloatMatrix;
import io.ae4j.distributed.DistributedTraining;
import io.ae4j.distributed.StepSource;
import io.ae4j.distributed.TrainingState;

/** A {@link Network} as a distributed training engine drives it; see {@link DistributedTraining}. */
final class Replica implements DistributedTraining {

    private final Network network;

    Replica(Network network) {
        this.network = network;
    }

    @Override
    public int parameterCount() {
        return network.parameterCount();
    }

    @Override
    public long step() {
        return network.step();
    }

    @Override
    public float[] parameters() {
        float[] flat = new float[network.parameterCount()];
        network.guard().beginRead();
        try {
            network.tensors().readParameters(flat);
        } finally {
            network.guard().endRead();
        }
        return flat;
    }

    @Override
    public void setParameters(float[] parameters) {
        Network.checkLength("parameters", parameters, network.parameterCount());
        network.guard().change(() -> network.tensors().writeParameters(parameters));
    }

    @Override
    public TrainingState state() {
        return network.state();
    }

    @Override
    public void setState(TrainingState state) {
        network.setState(state);
    }

    @Override
    public double computeGradients(FloatMatrix batch, float[] gradients, long noiseSeed) {
        network.checkBatch(batch);
        Network.checkLength("gradients", gradients, network.parameterCount());
        double[] loss = new double[1];
        network.guard().change(() -> {
            Workspace ws = network.trainingWorkspace(batch.rows());
            network.backend().write(batch.data(), 0, ws.input);
            loss[0] = network.computeGradients(ws, noiseSeed);
            network.tensors().readGradients(gradients);
        });
        return loss[0];
    }

    @Override
    public void applyGradients(float[] gradients) {
        Network.checkLength("gradients", gradients, network.parameterCount());
        network.guard().change(() -> {
            network.tensors().writeGradients(gradients);
            network.update();
        });
    }

    @Override
    public double lastPenalty() {
        return network.lastPenalty();
    }

    @Override
    public StepSource steps(FloatMatrix rows, int batchSize, boolean shuffle, long seed) {
        network.checkBatch(rows);
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        }
        return new TrainingSteps(network, rows, batchSize, shuffle, seed);
    }
}
