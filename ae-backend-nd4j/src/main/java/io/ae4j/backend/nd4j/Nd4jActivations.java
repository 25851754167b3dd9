package io.ae4j.backend.nd4j;

import io.ae4j.spi.ActivationKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.api.ops.impl.transforms.same.TimesOneMinus;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Activations and their derivatives as ND4J operations on FLOAT arrays of one shape, with the
 * semantics of {@link io.ae4j.spi.kernels.ActivationKernels}. Arguments are already checked.
 *
 * <p>Sigmoid, tanh and softplus are evaluated in float64 and rounded once, as the reference does.
 * ND4J's float32 versions are not good enough: its tanh is {@code (e^2z - 1) / (e^2z + 1)}, which
 * cancels near 0 ({@code tanh(1e-6)} comes out 1.3% high, {@code tanh(1e-10)} as 0), its sigmoid
 * is up to 2 ulps off and 0 below z = -88, and its SoftPlus overflows to infinity from z = 89. The
 * float64 ones, rounded, agree with the reference to the last bit but for rare ties.
 */
final class Nd4jActivations {

    private Nd4jActivations() {
    }

    /** {@code output = activation(z)}; {@code z} is not modified. */
    static void forward(ActivationKind kind, float slope, INDArray z, INDArray output) {
        switch (kind) {
            case LINEAR:
                output.assign(z);
                break;
            case RELU:
                Nd4j.exec(new RectifiedLinear(z, output, 0.0));
                break;
            case LEAKY_RELU:
                Nd4j.exec(new LeakyReLU(z, output, slope));
                break;
            case SIGMOID:
            case TANH:
            case SOFTPLUS: {
                INDArray wide = Nd4jScratch.doubles(0, z);
                wide.assign(z);
                smoothInPlace(kind, wide);
                output.assign(wide);
                break;
            }
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * {@code gradient *= activation'(z)}, in place, where {@code output} holds
     * {@code activation(z)}; {@code z} and {@code output} are not modified.
     */
    static void backward(ActivationKind kind, float slope, INDArray z, INDArray output, INDArray gradient) {
        switch (kind) {
            case LINEAR:
                break;
            case RELU:
                // gradient * (z > 0 ? 1 : 0): 0 at z = 0, as the reference.
                Nd4j.exec(new RectifiedLinearDerivative(z, gradient, gradient));
                break;
            case LEAKY_RELU:
                leakyReluBackward(slope, z, gradient);
                break;
            case SIGMOID: {
                // o (1 - o) from the output, as the reference, in float32.
                INDArray derivative = Nd4jScratch.floats(0, z);
                Nd4j.exec(new TimesOneMinus(output, derivative));
                Nd4j.exec(new MulOp(gradient, derivative, gradient));
                break;
            }
            case TANH: {
                // 1 - o^2 from the output, as the reference, in float32.
                INDArray derivative = Nd4jScratch.floats(0, z);
                Nd4j.exec(new Square(output, derivative));
                Nd4j.exec(new ScalarReverseSubtraction(derivative, 1.0));
                Nd4j.exec(new MulOp(gradient, derivative, gradient));
                break;
            }
            case SOFTPLUS: {
                // softplus' = sigmoid(z), in float64 and rounded. ND4J's SoftPlusBp is
                // e^z / (e^z + 1), NaN from z = 89.
                INDArray wide = Nd4jScratch.doubles(0, z);
                INDArray derivative = Nd4jScratch.floats(0, z);
                wide.assign(z);
                Nd4j.exec(new Sigmoid(wide, wide));
                derivative.assign(wide);
                Nd4j.exec(new MulOp(gradient, derivative, gradient));
                break;
            }
            default:
                throw new AssertionError(kind);
        }
    }

    /** {@code x = function(x)} in place, for sigmoid, tanh or softplus, on a DOUBLE array. */
    private static void smoothInPlace(ActivationKind function, INDArray x) {
        switch (function) {
            case SIGMOID:
                Nd4j.exec(new Sigmoid(x, x));
                break;
            case TANH:
                Nd4j.exec(new Tanh(x, x));
                break;
            case SOFTPLUS: {
                // max(x, 0) + log1p(e^-|x|), which neither overflows nor loses small values.
                INDArray smooth = Nd4jScratch.doubles(1, x);
                Nd4jMath.log1pExpMinusAbs(x, smooth, Nd4jScratch.doubles(2, x), Nd4jScratch.doubles(3, x));
                Nd4j.exec(new RectifiedLinear(x, x, 0.0));
                Nd4j.exec(new Axpy(smooth, x, x, 1.0));
                break;
            }
            default:
                throw new AssertionError(function);
        }
    }

    /**
     * {@code gradient *= z > 0 ? 1 : slope}. ND4J's LeakyReLUDerivative and LeakyReLUBp take the
     * slope only for {@code z < 0}, so at {@code z = 0} they give 1 where the reference gives the
     * slope. The factor is built from a 0/1 step instead: {@code step * (1 - slope) + slope} is
     * exactly 1 or {@code slope} in float32 for every slope in [0, 1).
     */
    private static void leakyReluBackward(float slope, INDArray z, INDArray gradient) {
        INDArray factor = Nd4jScratch.floats(0, z);
        Nd4j.exec(new Step(z, factor, 0.0));
        Nd4j.exec(new ScalarMultiplication(factor, 1f - slope));
        Nd4j.exec(new ScalarAdd(factor, slope));
        Nd4j.exec(new MulOp(gradient, factor, gradient));
    }
}
