package io.ae4j.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Negative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code log(1 + e^-|z|)}, the bounded part of softplus and of binary cross-entropy from logits,
 * which ND4J 1.0.0-M2.1 has no accurate operation for: its {@code Log1p} is {@code log(1 + x)},
 * so {@code log1p(1e-10)} comes out 0 and {@code log1p(1e-5)} 0.1% off, and its {@code SoftPlus}
 * is {@code log(1 + e^x)}, which also overflows to infinity from x = 89. Its Exp and Log are
 * accurate.
 */
final class Nd4jMath {

    private Nd4jMath() {
    }

    /**
     * {@code out = log(1 + e^-|z|)}, accurate to about an ulp. All arrays have one shape and type;
     * {@code out} and the two work arrays are distinct, and {@code z}, read first, may be one of
     * the work arrays.
     */
    static void log1pExpMinusAbs(INDArray z, INDArray out, INDArray work, INDArray moreWork) {
        Nd4j.exec(new Abs(z, out));
        Nd4j.exec(new Negative(out, out));
        Nd4j.exec(new Exp(out, out));
        log1pInPlace(out, work, moreWork);
    }

    /**
     * {@code u = log(1 + u)} for {@code u >= 0}, as {@code log(w) + (u - (w - 1)) / w} with
     * {@code w = 1 + u} rounded: {@code w - 1} is exact, so {@code u - (w - 1)} is exactly what the
     * rounding lost, and the quotient puts it back to first order, leaving an error of order
     * {@code u^2 ulp^2}. ({@code 2 atanh(u / (2 + u))} is as exact, but ND4J's ATanh is several
     * times slower than its Log.)
     */
    private static void log1pInPlace(INDArray u, INDArray w, INDArray lost) {
        Nd4j.exec(new ScalarAdd(u, null, w, 1.0));
        Nd4j.exec(new ScalarSubtraction(w, null, lost, 1.0));
        Nd4j.exec(new Axpy(lost, u, u, -1.0));
        Nd4j.exec(new DivOp(u, w, u));
        Nd4j.exec(new Log(w, w));
        Nd4j.exec(new Axpy(w, u, u, 1.0));
    }
}
