package io.ae4j.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Optimizer updates as ND4J operations on FLOAT arrays of one shape, with the formulas and the
 * float32 operation order of {@link io.ae4j.spi.kernels.OptimizerKernels}. Arguments are already
 * checked. Intermediate values go to this thread's float scratch slots 0 and 1.
 *
 * <p>ND4J's fused updaters do not fit: {@code AdamUpdater} applies its own bias correction from
 * an iteration count (the SPI passes the corrected step size) and replaces a zero step by epsilon,
 * {@code RmsPropUpdater} adds epsilon outside the square root, and {@code NesterovsUpdater} uses
 * Deeplearning4j's rearranged formula. All three write an update to subtract rather than apply it,
 * which would cost a pass of its own anyway.
 */
final class Nd4jUpdates {

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
     * {@code m += (1 - beta1)(g - m)}, {@code v += (1 - beta2)(g^2 - v)},
     * {@code p -= stepSize * m / (sqrt(v) + epsilon)}, after the weight decay.
     */
    static void adam(INDArray p, INDArray g, INDArray m, INDArray v, float stepSize, float beta1, float beta2,
                     float epsilon, float decay) {
        decay(p, decay);
        INDArray a = Nd4jScratch.floats(0, p);
        INDArray b = Nd4jScratch.floats(1, p);
        Nd4j.exec(new Axpy(m, g, a, -1.0));
        Nd4j.exec(new Axpy(a, m, m, 1f - beta1));
        Nd4j.exec(new Square(g, a));
        Nd4j.exec(new Axpy(v, a, a, -1.0));
        Nd4j.exec(new Axpy(a, v, v, 1f - beta2));
        Nd4j.exec(new Sqrt(v, a));
        Nd4j.exec(new ScalarAdd(a, epsilon));
        Nd4j.exec(new ScalarMultiplication(m, null, b, stepSize));
        Nd4j.exec(new DivOp(b, a, b));
        Nd4j.exec(new Axpy(b, p, p, -1.0));
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
        Nd4j.exec(new ScalarAdd(s, null, a, epsilon));
        Nd4j.exec(new Sqrt(a, a));
        Nd4j.exec(new ScalarMultiplication(g, null, b, learningRate));
        Nd4j.exec(new DivOp(b, a, b));
        Nd4j.exec(new Axpy(b, p, p, -1.0));
    }

    /** Decoupled weight decay {@code p -= decay * p}, skipped for 0 so that infinity does not become NaN. */
    private static void decay(INDArray p, float decay) {
        if (decay != 0f) {
            Nd4j.exec(new Axpy(p, p, p, -decay));
        }
    }
}
