package io.ae4j.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.comparison.CompareAndSet;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.conditions.Conditions;

/**
 * Optimizer updates as ND4J operations on FLOAT arrays of one shape, with the formulas and the
 * float32 operation order of {@link io.ae4j.spi.kernels.OptimizerKernels}. Arguments are already
 * checked. Intermediate values go to this thread's float scratch slots 0 and 1.
 *
 * <p>Adam uses ND4J's fused {@code AdamUpdater} (see {@link #NO_BIAS_CORRECTION}); the other
 * fused updaters do not fit: {@code RmsPropUpdater} adds epsilon outside the square root, and
 * {@code NesterovsUpdater} uses Deeplearning4j's rearranged formula.
 */
final class Nd4jUpdates {

    /**
     * The iteration count given to {@code AdamUpdater}: it corrects the step size by
     * sqrt(1 - beta2^t) / (1 - beta1^t), computed in float, which this many steps makes exactly 1,
     * so the step size the SPI passes, already corrected, applies unchanged.
     */
    private static final int NO_BIAS_CORRECTION = 1_000_000;

    private Nd4jUpdates() {
    }

    /** {@code p -= lr * g}, after the weight decay. */
    static void sgd(INDArray p, INDArray g, float learningRate, float decay) {
        decay(p, decay);
        Nd4j.exec(new Axpy(g, p, p, -learningRate));
    }

    /**
     * {@code v = momentum * v - lr * g}, then {@code p += v}, or with Nesterov
     * {@code p += momentum * v - lr * g}, after the weight decay.
     */
    static void sgdMomentum(INDArray p, INDArray g, INDArray v, float learningRate, float momentum,
                            boolean nesterov, float decay) {
        decay(p, decay);
        Nd4j.exec(new ScalarMultiplication(v, momentum));
        Nd4j.exec(new Axpy(g, v, v, -learningRate));
        flushSubnormals(v);
        if (!nesterov) {
            Nd4j.exec(new Axpy(v, p, p, 1.0));
            return;
        }
        INDArray step = Nd4jScratch.floats(0, p);
        Nd4j.exec(new ScalarMultiplication(v, null, step, momentum));
        Nd4j.exec(new Axpy(g, step, step, -learningRate));
        Nd4j.exec(new Axpy(step, p, p, 1.0));
    }

    /**
     * {@code m = beta1 m + (1 - beta1) g}, {@code v = beta2 v + (1 - beta2) g^2},
     * {@code p -= stepSize * m / (sqrt(v) + epsilon)}, after the weight decay: ND4J's fused
     * {@code AdamUpdater} and one subtraction, three native calls in place of ten.
     */
    static void adam(INDArray p, INDArray g, INDArray m, INDArray v, float stepSize, float beta1, float beta2,
                     float epsilon, float decay) {
        decay(p, decay);
        INDArray update = Nd4jScratch.floats(0, p);
        Nd4j.exec(new AdamUpdater(g, v, m, update, v, m, stepSize, beta1, beta2, epsilon, NO_BIAS_CORRECTION));
        Nd4j.exec(new Axpy(update, p, p, -1.0));
        flushSubnormals(m);
        flushSubnormals(v);
    }

    /**
     * {@code s = rho * s + (1 - rho) g^2}, {@code p -= lr * g / sqrt(s + epsilon)}, after the
     * weight decay.
     */
    static void rmsProp(INDArray p, INDArray g, INDArray s, float learningRate, float rho, float epsilon,
                        float decay) {
        decay(p, decay);
        INDArray a = Nd4jScratch.floats(0, p);
        INDArray b = Nd4jScratch.floats(1, p);
        Nd4j.exec(new ScalarMultiplication(g, null, a, 1f - rho));
        Nd4j.exec(new MulOp(a, g, a));
        Nd4j.exec(new ScalarMultiplication(s, rho));
        Nd4j.exec(new Axpy(a, s, s, 1.0));
        flushSubnormals(s);
        Nd4j.exec(new ScalarAdd(s, null, a, epsilon));
        Nd4j.exec(new Sqrt(a, a));
        Nd4j.exec(new ScalarMultiplication(g, null, b, learningRate));
        Nd4j.exec(new DivOp(b, a, b));
        Nd4j.exec(new Axpy(b, p, p, -1.0));
    }

    /**
     * Stores the subnormal elements of an optimizer's state as zero, as {@code OptimizerKernels}
     * does and for its reasons: a state decaying through them never reaches zero by itself, and
     * arithmetic on them is many times slower.
     */
    private static void flushSubnormals(INDArray state) {
        Nd4j.exec(new CompareAndSet(state, 0.0, Conditions.absLessThan(Float.MIN_NORMAL)));
    }

    /** Decoupled weight decay {@code p -= decay * p}, skipped for 0 so that infinity does not become NaN. */
    private static void decay(INDArray p, float decay) {
        if (decay != 0f) {
            Nd4j.exec(new Axpy(p, p, p, -decay));
        }
    }
}
