package io.ae4j.loss;

import io.ae4j.spi.Backend;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Tensor;

/** The built-in losses, each one fused backend kernel. Obtain them from {@link Loss}'s factories. */
enum StandardLoss implements Loss {

    MSE("mse", LossKind.MSE) {
        @Override
        public double pointwise(float prediction, float target) {
            double d = (double) prediction - target;
            return d * d;
        }
    },
    MAE("mae", LossKind.MAE) {
        @Override
        public double pointwise(float prediction, float target) {
            return Math.abs((double) prediction - target);
        }
    },
    BCE("binary_crossentropy", LossKind.BCE) {
        @Override
        public double pointwise(float prediction, float target) {
            double p = Math.min(Math.max(prediction, EPSILON), 1 - EPSILON);
            return -(target * Math.log(p) + (1 - target) * Math.log(1 - p));
        }

        @Override
        public boolean acceptsLogits() {
            return true;
        }

        @Override
        public double computeFromLogits(Backend backend, Tensor logits, Tensor target, Tensor gradient) {
            return backend.loss(LossKind.BCE_WITH_LOGITS, logits, target, gradient);
        }
    };

    /** Probabilities are clamped to [EPSILON, 1 - EPSILON], as Keras does. */
    static final double EPSILON = 1e-7;

    private final String id;
    private final LossKind kind;

    StandardLoss(String id, LossKind kind) {
        this.id = id;
        this.kind = kind;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public double compute(Backend backend, Tensor prediction, Tensor target, Tensor gradient) {
        return backend.loss(kind, prediction, target, gradient);
    }

    @Override
    public String toString() {
        return id;
    }

    static Loss byId(String id) {
        for (StandardLoss loss : values()) {
            if (loss.id.equals(id)) {
                return loss;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "'; use mse, mae or binary_crossentropy");
    }
}
