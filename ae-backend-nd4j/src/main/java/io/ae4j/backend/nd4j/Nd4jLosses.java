package io.ae4j.backend.nd4j;

import io.ae4j.spi.LossKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Norm1;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarDivision;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The losses of {@link LossKind} as ND4J operations, with the semantics of
 * {@link io.ae4j.spi.kernels.LossKernels}: each returns the mean over all elements, summed in
 * float64, and writes the gradient of that mean. Arguments are already checked: three distinct
 * FLOAT arrays of one shape.
 *
 * <p>MSE and MAE work in float32 as the reference does: the difference {@code p - t} is a float,
 * and only its square or absolute value is summed in float64. Both cross-entropies work in float64
 * on per-thread copies, as the reference does: the clamp to {@code 1 - 1e-7} cannot be applied in
 * float32, where that bound rounds to {@code 1 - 1.19e-7}, and {@code max(z, 0) - z t} cancels
 * to a few bits in float32 when {@code t} is close to 1.
 *
 * <p>A NaN prediction gives a NaN loss, as in the reference, but not always a NaN gradient
 * element: ND4J's sign and clamps map NaN to numbers.
 */
final class Nd4jLosses {

    /** Keras' clamp for probabilities, applied in float64 as in the reference. */
    private static final double EPSILON = 1e-7;

    private Nd4jLosses() {
    }

    /** The mean of {@code kind} over {@code prediction} against {@code target}; fills {@code gradient}. */
    static double loss(LossKind kind, INDArray prediction, INDArray target, INDArray gradient) {
        switch (kind) {
            case MSE:
                return mse(prediction, target, gradient);
            case MAE:
                return mae(prediction, target, gradient);
            case BCE:
                return bce(prediction, target, gradient);
            case BCE_WITH_LOGITS:
                return bceWithLogits(prediction, target, gradient);
            default:
                throw new AssertionError(kind);
        }
    }

    /** Mean of {@code (p - t)^2}; gradient {@code 2 (p - t) / N}. */
    private static double mse(INDArray prediction, INDArray target, INDArray gradient) {
        long size = prediction.length();
        Nd4j.exec(new Axpy(target, prediction, gradient, -1.0));
        double sum = reduce(new SquaredNorm(gradient, Nd4jScratch.accumulator()));
        Nd4j.exec(new ScalarMultiplication(gradient, 2f / size));
        return sum / size;
    }

    /** Mean of {@code |p - t|}; gradient {@code sign(p - t) / N}, 0 where they are equal. */
    private static double mae(INDArray prediction, INDArray target, INDArray gradient) {
        long size = prediction.length();
        Nd4j.exec(new Axpy(target, prediction, gradient, -1.0));
        double sum = reduce(new Norm1(gradient, Nd4jScratch.accumulator()));
        Nd4j.exec(new Sign(gradient, gradient));
        Nd4j.exec(new ScalarMultiplication(gradient, 1f / size));
        return sum / size;
    }

    /**
     * Mean of {@code -(t log p + (1 - t) log(1 - p))} with p clamped to {@code [1e-7, 1 - 1e-7]};
     * gradient {@code (p - t) / (p (1 - p)) / N} at the clamped p.
     */
    private static double bce(INDArray prediction, INDArray target, INDArray gradient) {
        long size = prediction.length();
        // The clamps below turn NaN into a bound; the divergence guard needs the reference's NaN loss.
        boolean nan = Double.isNaN(reduce(new Norm1(prediction, Nd4jScratch.accumulator())));
        INDArray p = Nd4jScratch.doubles(0, prediction);
        INDArray q = Nd4jScratch.doubles(1, prediction);
        INDArray t = Nd4jScratch.doubles(2, prediction);
        INDArray pq = Nd4jScratch.doubles(3, prediction);
        p.assign(prediction);
        Nd4j.exec(new ScalarMax(p, EPSILON));
        Nd4j.exec(new ScalarMin(p, 1 - EPSILON));
        Nd4j.exec(new ScalarReverseSubtraction(p, q, 1.0));

        // The gradient is built in t's array, then t is read from target again.
        t.assign(target);
        Nd4j.exec(new Axpy(t, p, t, -1.0));
        Nd4j.exec(new MulOp(p, q, pq));
        Nd4j.exec(new DivOp(t, pq, t));
        Nd4j.exec(new ScalarDivision(t, (double) size));
        gradient.assign(t);

        t.assign(target);
        Nd4j.exec(new Log(p, p));
        Nd4j.exec(new Log(q, q));
        Nd4j.exec(new MulOp(p, t, p));
        Nd4j.exec(new ScalarReverseSubtraction(t, t, 1.0));
        Nd4j.exec(new MulOp(q, t, q));
        Nd4j.exec(new Axpy(q, p, p, 1.0));
        return nan ? Double.NaN : -reduce(new Sum(p, Nd4jScratch.accumulator())) / size;
    }

    /**
     * Mean of {@code max(z, 0) - z t + log(1 + e^-|z|)}, which is BCE of {@code sigmoid(z)} without
     * overflow; gradient {@code (sigmoid(z) - t) / N}.
     */
    private static double bceWithLogits(INDArray logits, INDArray target, INDArray gradient) {
        long size = logits.length();
        INDArray z = Nd4jScratch.doubles(0, logits);
        INDArray t = Nd4jScratch.doubles(1, logits);
        INDArray work = Nd4jScratch.doubles(2, logits);
        z.assign(logits);
        t.assign(target);

        Nd4j.exec(new Sigmoid(z, work));
        Nd4j.exec(new Axpy(t, work, work, -1.0));
        Nd4j.exec(new ScalarDivision(work, (double) size));
        gradient.assign(work);

        // t becomes max(z, 0) - z t, which cancels exactly where it should, before the small term is added.
        Nd4j.exec(new MulOp(t, z, t));
        Nd4j.exec(new RectifiedLinear(z, work, 0.0));
        Nd4j.exec(new Axpy(t, work, t, -1.0));
        Nd4jMath.log1pExpMinusAbs(z, work, z, Nd4jScratch.doubles(3, logits));
        Nd4j.exec(new Axpy(work, t, t, 1.0));
        return reduce(new Mean(t, Nd4jScratch.accumulator()));
    }

    /** Runs a full reduction into its result scalar and returns that. */
    private static double reduce(ReduceOp op) {
        Nd4j.exec(op);
        return op.z().getDouble(0);
    }
}
