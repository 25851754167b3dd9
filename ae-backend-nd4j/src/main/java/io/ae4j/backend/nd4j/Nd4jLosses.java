package io.ae4j.backend.nd4j;

import io.ae4j.spi.LossKind;
import org.nd4j.linalg.api.buffer.DataType;
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
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

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

    /**
     * The mean loss of a table of numbers and categories, as {@link io.ae4j.spi.Backend#tableLoss}
     * defines it; fills {@code gradient}. Column ranges are ND4J views, so nothing is copied
     * into or out of ND4J's memory; each range's arithmetic is as {@link io.ae4j.spi.kernels.LossKernels#table}'s.
     */
    static double table(LossKind numeric, int[] softmaxGroups, INDArray prediction, INDArray target,
                        INDArray gradient) {
        long cols = prediction.columns();
        long tableColumns = cols;
        for (int k = 0; k < softmaxGroups.length; k += 2) {
            tableColumns -= softmaxGroups[k + 1] - softmaxGroups[k] - 1;
        }
        double count = (double) prediction.rows() * tableColumns;
        double sum = 0;
        long column = 0;
        for (int k = 0; k <= softmaxGroups.length; k += 2) {
            long numericEnd = k < softmaxGroups.length ? softmaxGroups[k] : cols;
            if (numericEnd > column) {
                sum += numericSum(numeric, columns(prediction, column, numericEnd), columns(target, column, numericEnd),
                        columns(gradient, column, numericEnd), count);
            }
            if (k < softmaxGroups.length) {
                long from = softmaxGroups[k];
                long to = softmaxGroups[k + 1];
                sum += softmaxCrossEntropy(columns(prediction, from, to), columns(target, from, to),
                        columns(gradient, from, to), count);
                column = to;
            }
        }
        return sum / count;
    }

    private static INDArray columns(INDArray matrix, long from, long to) {
        return matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    /** The sum of MSE's or MAE's per-element loss over a column range; its gradient of the mean over {@code count}. */
    private static double numericSum(LossKind kind, INDArray prediction, INDArray target, INDArray gradient,
                                     double count) {
        // The difference in float32 as in the reference, then summed in float64.
        INDArray difference = prediction.sub(target);
        INDArray wide = difference.castTo(DataType.DOUBLE);
        if (kind == LossKind.MSE) {
            gradient.assign(difference.muli(2 / count));
            return wide.muli(wide).sumNumber().doubleValue();
        }
        gradient.assign(Transforms.sign(difference, false).muli(1 / count));
        return wide.norm1Number().doubleValue();
    }

    /**
     * The sum over rows of {@code sum_j t_j (lse(z) - z_j)}, softmax cross-entropy, in float64
     * from each row's maximum; gradient {@code (softmax(z)_j sum(t) - t_j) / count}.
     */
    private static double softmaxCrossEntropy(INDArray logits, INDArray target, INDArray gradient, double count) {
        long rows = logits.rows();
        INDArray z = logits.castTo(DataType.DOUBLE);
        INDArray t = target.castTo(DataType.DOUBLE);
        z.subiColumnVector(z.max(1).reshape(rows, 1));
        INDArray exponentials = Transforms.exp(z, true);
        INDArray sums = exponentials.sum(1).reshape(rows, 1);
        INDArray mass = t.sum(1).reshape(rows, 1);
        double loss = Transforms.log(sums, true).muli(mass).sumNumber().doubleValue()
                - t.mul(z).sumNumber().doubleValue();
        gradient.assign(exponentials.diviColumnVector(sums).muliColumnVector(mass).subi(t).divi(count));
        return loss;
    }

    /** Runs a full reduction into its result scalar and returns that. */
    private static double reduce(ReduceOp op) {
        Nd4j.exec(op);
        return op.z().getDouble(0);
    }
}
