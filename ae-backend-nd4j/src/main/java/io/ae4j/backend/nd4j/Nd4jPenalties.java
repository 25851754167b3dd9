package io.ae4j.backend.nd4j;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Mean;
import org.nd4j.linalg.api.ops.impl.reduce.floating.Norm1;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarAdd;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseDivision;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarReverseSubtraction;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Abs;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The variants' kernels on ND4J arrays: training-time noise from ND4J's own seeded generator, and
 * the sparsity and variational penalties. Shapes are checked by the caller.
 *
 * <p>Every intermediate lives in the thread's {@link Nd4jScratch}, so these kernels allocate no
 * arrays per call, like the rest of the backend. The penalties compute in float64, as the
 * reference kernels do, and round once into their float32 outputs.
 *
 * <p>The variational code's {@code exp(logVar / 2) * x} is taken as
 * {@code sign(x) * exp(logVar / 2 + log|x|)}: where {@code x} is 0 (inference, where the noise is
 * all zeros, or a zero gradient) the exponent is minus infinity and the product exactly 0, never
 * the {@code inf * 0 = NaN} that the direct product gives once {@code exp} overflows; elsewhere it
 * is the same number to a few float64 ulps.
 */
final class Nd4jPenalties {

    private static final double EPSILON = 1e-7;

    /**
     * The backend's own generator per thread: reseeding ND4J's per-thread default one would change
     * the draws of any ND4J code of the user's on the same thread.
     */
    private static final ThreadLocal<Random> GENERATORS =
            ThreadLocal.withInitial(() -> Nd4j.getRandomFactory().getNewRandomInstance(0));

    private Nd4jPenalties() {
    }

    /** Standard normals from this backend's generator of the thread, seeded so that a seed repeats its draw. */
    static void normal(INDArray out, long seed) {
        Random random = GENERATORS.get();
        random.setSeed(seed);
        Nd4j.getExecutioner().exec(new GaussianDistribution(out, 0.0, 1.0), random);
    }

    static void mask(INDArray out, long seed, float keep, float scale) {
        Random random = GENERATORS.get();
        random.setSeed(seed);
        Nd4j.getExecutioner().exec(new BernoulliDistribution(out, keep), random);
        if (scale != 1f) {
            Nd4j.exec(new ScalarMultiplication(out, scale));
        }
    }

    /** The sum of {@code |x|}, accumulated in float64 (see {@link Nd4jScratch#accumulator()}). */
    static double sumOfAbs(INDArray x) {
        return reduce(new Norm1(x, Nd4jScratch.accumulator()));
    }

    /** {@code gradient += alpha * sign(x)}; {@code alpha * sign} is exact, so this is the reference's float sum. */
    static void addSign(float alpha, INDArray x, INDArray gradient) {
        INDArray sign = Nd4jScratch.floats(0, x);
        Nd4j.exec(new Sign(x, sign));
        Nd4j.exec(new Axpy(sign, gradient, gradient, alpha));
    }

    /** Column means of {@code activations}, clamped, into {@code means}; returns the KL sum over the columns. */
    static double sparsityKl(INDArray activations, double rho, INDArray means) {
        INDArray wide = Nd4jScratch.doubles(0, activations);
        INDArray m = Nd4jScratch.doubles(1, means);
        INDArray kept = Nd4jScratch.doubles(2, means);
        INDArray dropped = Nd4jScratch.doubles(3, means);
        wide.assign(activations);
        Nd4j.exec(new Mean(wide, m, 0));
        Nd4j.exec(new ScalarMax(m, EPSILON));
        Nd4j.exec(new ScalarMin(m, 1 - EPSILON));
        means.assign(m);
        // rho log(rho / m) + (1 - rho) log((1 - rho) / (1 - m)), term by term as the reference takes it.
        Nd4j.exec(new ScalarReverseDivision(m, null, kept, rho));
        Nd4j.exec(new Log(kept, kept));
        Nd4j.exec(new ScalarMultiplication(kept, rho));
        Nd4j.exec(new ScalarReverseSubtraction(m, null, dropped, 1.0));
        Nd4j.exec(new ScalarReverseDivision(dropped, 1 - rho));
        Nd4j.exec(new Log(dropped, dropped));
        Nd4j.exec(new Axpy(dropped, kept, kept, 1 - rho));
        return reduce(new Sum(kept, Nd4jScratch.accumulator()));
    }

    /** {@code gradient[i][j] += weight / rows * ((1 - rho) / (1 - m_j) - rho / m_j)}, the row rounded to float once. */
    static void sparsityKlBackward(INDArray means, double rho, double weight, INDArray gradient) {
        INDArray m = Nd4jScratch.doubles(0, means);
        INDArray term = Nd4jScratch.doubles(1, means);
        INDArray row = Nd4jScratch.floats(0, means);
        m.assign(means);
        Nd4j.exec(new ScalarReverseSubtraction(m, null, term, 1.0));
        Nd4j.exec(new ScalarReverseDivision(term, 1 - rho));
        Nd4j.exec(new ScalarReverseDivision(m, rho));
        Nd4j.exec(new Axpy(m, term, term, -1.0));
        Nd4j.exec(new ScalarMultiplication(term, weight / gradient.rows()));
        row.assign(term);
        Nd4j.exec(new BroadcastAddOp(gradient, row, gradient, 1));
    }

    /** {@code z = mu + exp(logVar / 2) * noise}; exactly {@code mu} where the noise is 0, whatever logVar. */
    static void gaussianSample(INDArray meanLogVar, INDArray noise, INDArray z) {
        long k = z.columns();
        INDArray sum = Nd4jScratch.doubles(0, z.rows(), k);
        INDArray sign = Nd4jScratch.doubles(1, z.rows(), k);
        INDArray work = Nd4jScratch.doubles(2, z.rows(), k);
        sign.assign(noise);
        scaleBySigma(logVar(meanLogVar, k), sign, sum, work);
        INDArray mu = work;
        mu.assign(mean(meanLogVar, k));
        Nd4j.exec(new Axpy(mu, sum, sum, 1.0));
        z.assign(sum);
    }

    /** {@code -1/2 sum (1 + logVar - mu^2 - exp(logVar))}, element by element in float64. */
    static double gaussianKl(INDArray meanLogVar) {
        long k = meanLogVar.columns() / 2;
        long rows = meanLogVar.rows();
        INDArray terms = Nd4jScratch.doubles(0, rows, k);
        INDArray variance = Nd4jScratch.doubles(1, rows, k);
        INDArray mu = Nd4jScratch.doubles(2, rows, k);
        terms.assign(logVar(meanLogVar, k));
        Nd4j.exec(new Exp(terms, variance));
        Nd4j.exec(new ScalarAdd(terms, 1.0));
        mu.assign(mean(meanLogVar, k));
        Nd4j.exec(new MulOp(mu, mu, mu));
        Nd4j.exec(new Axpy(mu, terms, terms, -1.0));
        Nd4j.exec(new Axpy(variance, terms, terms, -1.0));
        return -0.5 * reduce(new Sum(terms, Nd4jScratch.accumulator()));
    }

    /**
     * {@code d/dmu = gradZ + klWeight * mu} and
     * {@code d/dlogVar = (gradZ * noise * exp(logVar / 2) + klWeight * (exp(logVar) - 1)) / 2}, in
     * float64, rounded once.
     */
    static void gaussianSampleBackward(INDArray meanLogVar, INDArray noise, INDArray gradZ, float klWeight,
                                       INDArray gradMeanLogVar) {
        long k = gradZ.columns();
        long rows = gradZ.rows();
        INDArray result = Nd4jScratch.doubles(0, rows, k);
        INDArray work = Nd4jScratch.doubles(1, rows, k);
        INDArray logVar = Nd4jScratch.doubles(2, rows, k);
        INDArray product = Nd4jScratch.doubles(3, rows, k);

        result.assign(gradZ);
        work.assign(mean(meanLogVar, k));
        Nd4j.exec(new Axpy(work, result, result, klWeight));
        mean(gradMeanLogVar, k).assign(result);

        logVar.assign(logVar(meanLogVar, k));
        product.assign(gradZ);
        work.assign(noise);
        Nd4j.exec(new MulOp(product, work, product));
        scaleBySigma(logVar, product, result, work);
        if (klWeight != 0) {
            // Skipped at weight 0, where exp(logVar) may be infinite and 0 * inf would make NaN.
            Nd4j.exec(new Exp(logVar, work));
            Nd4j.exec(new ScalarAdd(work, -1.0));
            Nd4j.exec(new Axpy(work, result, result, klWeight));
        }
        Nd4j.exec(new ScalarMultiplication(result, 0.5));
        logVar(gradMeanLogVar, k).assign(result);
    }

    /**
     * {@code out = exp(logVar / 2) * x} as {@code sign(x) * exp(logVar / 2 + log|x|)}; {@code x},
     * {@code out} and {@code work} are distinct float64 scratch of one shape, {@code logVar} is of
     * that shape too and only read. Leaves {@code sign(x)} in {@code x}.
     */
    private static void scaleBySigma(INDArray logVar, INDArray x, INDArray out, INDArray work) {
        out.assign(logVar);
        Nd4j.exec(new ScalarMultiplication(out, 0.5));
        Nd4j.exec(new Abs(x, work));
        Nd4j.exec(new Log(work, work));
        Nd4j.exec(new Axpy(work, out, out, 1.0));
        Nd4j.exec(new Exp(out, out));
        Nd4j.exec(new Sign(x, x));
        Nd4j.exec(new MulOp(out, x, out));
    }

    private static double reduce(ReduceOp op) {
        Nd4j.exec(op);
        return op.z().getDouble(0);
    }

    private static INDArray mean(INDArray meanLogVar, long k) {
        return meanLogVar.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k));
    }

    private static INDArray logVar(INDArray meanLogVar, long k) {
        return meanLogVar.get(NDArrayIndex.all(), NDArrayIndex.interval(k, 2 * k));
    }
}
