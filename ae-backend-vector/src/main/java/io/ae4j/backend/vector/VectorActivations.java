package io.ae4j.backend.vector;

import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.kernels.ActivationKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Activations and their derivatives over ranges of row-major float arrays, one vector at a time
 * with a scalar tail, with the semantics of {@link io.ae4j.spi.kernels.ActivationKernels}.
 *
 * <p>Sigmoid, tanh and softplus are computed in float32 from the Vector API's exp, tanh and log1p
 * (a few ulps, where the reference rounds a float64 result once), in forms that neither overflow
 * nor cancel: exp is only taken of {@code -|z|}; the logistic function is {@code 1 / (1 + e)} for
 * z >= 0 and {@code e / (1 + e)} below, with {@code e = exp(-|z|)}, and softplus is
 * {@code max(z, 0) + log1p(e)}. The tails shorter than a vector go to the reference kernels.
 *
 * <p>The formulas are written out in each loop rather than in helpers taking and returning vectors:
 * where C2 does not inline such a helper (it judged the logistic one too large at colder call
 * sites), every vector crossing the call is allocated as an object.
 */
final class VectorActivations {

    private static final VectorSpecies<Float> F = VectorLanes.FLOATS;
    private static final int L = F.length();

    private VectorActivations() {
    }

    /** {@code output[from..to) = activation(z[from..to))}; {@code z} is not modified. */
    static void forward(ActivationKind kind, float slope, float[] z, float[] output, int from, int to) {
        int i = from;
        int end = from + F.loopBound(to - from);
        FloatVector one = FloatVector.broadcast(F, 1f);
        switch (kind) {
            case LINEAR:
                System.arraycopy(z, from, output, from, to - from);
                return;
            case RELU:
                for (; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(F, z, i);
                    // Blend, not max: NaN and -0 map to +0 as in the reference's z > 0 ? z : 0.
                    FloatVector.zero(F).blend(x, x.compare(VectorOperators.GT, 0f)).intoArray(output, i);
                }
                break;
            case LEAKY_RELU: {
                for (; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(F, z, i);
                    x.mul(slope).blend(x, x.compare(VectorOperators.GT, 0f)).intoArray(output, i);
                }
                break;
            }
            case SIGMOID:
                for (; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(F, z, i);
                    FloatVector e = x.abs().neg().lanewise(VectorOperators.EXP);
                    one.blend(e, x.compare(VectorOperators.LT, 0f)).div(e.add(1f)).intoArray(output, i);
                }
                break;
            case TANH:
                for (; i < end; i += L) {
                    FloatVector.fromArray(F, z, i).lanewise(VectorOperators.TANH).intoArray(output, i);
                }
                break;
            case SOFTPLUS:
                for (; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(F, z, i);
                    FloatVector smooth = x.abs().neg().lanewise(VectorOperators.EXP).lanewise(VectorOperators.LOG1P);
                    FloatVector.zero(F).blend(x, x.compare(VectorOperators.GT, 0f)).add(smooth).intoArray(output, i);
                }
                break;
            default:
                throw new AssertionError(kind);
        }
        ActivationKernels.forward(kind, slope, z, output, i, to);
    }

    /**
     * {@code gradient[0..size) *= activation'(z)}, in place; {@code output} holds
     * {@code activation(z)} and stands in for {@code z} for sigmoid and tanh.
     */
    static void backward(ActivationKind kind, float slope, float[] z, float[] output, float[] gradient, int size) {
        int i = 0;
        int end = F.loopBound(size);
        switch (kind) {
            case LINEAR:
                return;
            case RELU:
            case LEAKY_RELU: {
                // Multiplied, not blended, so that an infinite gradient times 0 is NaN as in the reference.
                FloatVector negative = FloatVector.broadcast(F, kind == ActivationKind.RELU ? 0f : slope);
                FloatVector one = FloatVector.broadcast(F, 1f);
                for (; i < end; i += L) {
                    VectorMask<Float> positive = FloatVector.fromArray(F, z, i).compare(VectorOperators.GT, 0f);
                    FloatVector.fromArray(F, gradient, i).mul(negative.blend(one, positive)).intoArray(gradient, i);
                }
                break;
            }
            case SIGMOID:
                for (; i < end; i += L) {
                    FloatVector o = FloatVector.fromArray(F, output, i);
                    FloatVector.fromArray(F, gradient, i).mul(o.mul(o.neg().add(1f))).intoArray(gradient, i);
                }
                break;
            case TANH:
                for (; i < end; i += L) {
                    FloatVector o = FloatVector.fromArray(F, output, i);
                    FloatVector.fromArray(F, gradient, i).mul(o.mul(o).neg().add(1f)).intoArray(gradient, i);
                }
                break;
            case SOFTPLUS: {
                // softplus' = sigmoid(z), as in the forward pass.
                FloatVector one = FloatVector.broadcast(F, 1f);
                for (; i < end; i += L) {
                    FloatVector x = FloatVector.fromArray(F, z, i);
                    FloatVector e = x.abs().neg().lanewise(VectorOperators.EXP);
                    FloatVector derivative = one.blend(e, x.compare(VectorOperators.LT, 0f)).div(e.add(1f));
                    FloatVector.fromArray(F, gradient, i).mul(derivative).intoArray(gradient, i);
                }
                break;
            }
            default:
                throw new AssertionError(kind);
        }
        ActivationKernels.backward(kind, slope, z, output, gradient, i, size);
    }
}
