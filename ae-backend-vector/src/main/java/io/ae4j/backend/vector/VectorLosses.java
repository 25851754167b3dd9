package io.ae4j.backend.vector;

import io.ae4j.spi.LossKind;
import io.ae4j.spi.kernels.LossKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The losses of {@link LossKind} with the semantics of {@link LossKernels}: the mean over all
 * elements, summed in float64, and the gradient of that mean.
 *
 * <p>MSE and MAE run on float vectors: each vector's terms are added across its lanes and the
 * result goes into a float64 total, so no float sum is longer than one vector. The
 * cross-entropies stay with the reference's float64 loop: their clamp at {@code 1 - 1e-7} does
 * not exist in float32, and float64 vectors would need a second vector shape (see
 * {@link VectorLanes}). They read the output once per step, a small share of a step's work.
 */
final class VectorLosses {

    private static final VectorSpecies<Float> F = VectorLanes.FLOATS;
    private static final int L = F.length();

    private VectorLosses() {
    }

    /** The mean of {@code kind} over {@code prediction[0..size)} against {@code target}; fills {@code gradient}. */
    static double loss(LossKind kind, float[] prediction, float[] target, float[] gradient, int size) {
        if (kind == LossKind.BCE || kind == LossKind.BCE_WITH_LOGITS) {
            return LossKernels.loss(kind, prediction, target, gradient, size);
        }
        int end = F.loopBound(size);
        double sum = kind == LossKind.MSE ? mse(prediction, target, gradient, end, size)
                : mae(prediction, target, gradient, end, size);
        return (sum + LossKernels.sum(kind, prediction, target, gradient, end, size, size)) / size;
    }

    /** The sum of {@code (p - t)^2} over {@code [0, end)}; gradient {@code 2 (p - t) / count}. */
    private static double mse(float[] prediction, float[] target, float[] gradient, int end, int count) {
        FloatVector scale = FloatVector.broadcast(F, 2f / count);
        double sum = 0;
        for (int i = 0; i < end; i += L) {
            FloatVector d = FloatVector.fromArray(F, prediction, i).sub(FloatVector.fromArray(F, target, i));
            d.mul(scale).intoArray(gradient, i);
            sum += d.mul(d).reduceLanes(VectorOperators.ADD);
        }
        return sum;
    }

    /** The sum of {@code |p - t|}; gradient {@code sign(p - t) / count}, 0 where they are equal. */
    private static double mae(float[] prediction, float[] target, float[] gradient, int end, int count) {
        FloatVector up = FloatVector.broadcast(F, 1f / count);
        FloatVector down = FloatVector.broadcast(F, -1f / count);
        FloatVector zero = FloatVector.zero(F);
        double sum = 0;
        for (int i = 0; i < end; i += L) {
            FloatVector d = FloatVector.fromArray(F, prediction, i).sub(FloatVector.fromArray(F, target, i));
            zero.blend(up, d.compare(VectorOperators.GT, 0f)).blend(down, d.compare(VectorOperators.LT, 0f))
                    .intoArray(gradient, i);
            sum += d.abs().reduceLanes(VectorOperators.ADD);
        }
        return sum;
    }
}
