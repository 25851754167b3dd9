package io.ae4j.backend.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The variants' kernels on ND4J arrays: training-time noise from ND4J's own seeded generator, and
 * the sparsity and variational penalties. Sums the contract wants in float64 are taken on float64
 * copies. Shapes are checked by the caller.
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
            out.muli(scale);
        }
    }

    static double sumOfAbs(INDArray x) {
        return x.castTo(DataType.DOUBLE).norm1Number().doubleValue();
    }

    static void addSign(float alpha, INDArray x, INDArray gradient) {
        gradient.addi(Transforms.sign(x, true).muli(alpha));
    }

    static double sparsityKl(INDArray activations, double rho, INDArray means) {
        double[] m = activations.castTo(DataType.DOUBLE).mean(0).toDoubleVector();
        double kl = 0;
        for (int j = 0; j < m.length; j++) {
            m[j] = Math.min(1 - EPSILON, Math.max(EPSILON, m[j]));
            kl += rho * Math.log(rho / m[j]) + (1 - rho) * Math.log((1 - rho) / (1 - m[j]));
        }
        means.assign(Nd4j.createFromArray(m).castTo(DataType.FLOAT).reshape(1, m.length));
        return kl;
    }

    static void sparsityKlBackward(INDArray means, double rho, double weight, INDArray gradient) {
        double[] m = means.toDoubleVector();
        float[] row = new float[m.length];
        long rows = gradient.rows();
        for (int j = 0; j < m.length; j++) {
            row[j] = (float) (weight / rows * ((1 - rho) / (1 - m[j]) - rho / m[j]));
        }
        gradient.addiRowVector(Nd4j.createFromArray(row).reshape(1, row.length));
    }

    static void gaussianSample(INDArray meanLogVar, INDArray noise, INDArray z) {
        long k = z.columns();
        INDArray sigma = Transforms.exp(logVar(meanLogVar, k).mul(0.5), false);
        z.assign(sigma.muli(noise).addi(mean(meanLogVar, k)));
    }

    static double gaussianKl(INDArray meanLogVar) {
        long k = meanLogVar.columns() / 2;
        INDArray wide = meanLogVar.castTo(DataType.DOUBLE);
        INDArray mu = mean(wide, k);
        INDArray logVar = logVar(wide, k);
        INDArray terms = logVar.add(1.0).subi(mu.mul(mu)).subi(Transforms.exp(logVar, true));
        return -0.5 * terms.sumNumber().doubleValue();
    }

    static void gaussianSampleBackward(INDArray meanLogVar, INDArray noise, INDArray gradZ, float klWeight,
                                       INDArray gradMeanLogVar) {
        long k = gradZ.columns();
        INDArray mu = mean(meanLogVar, k);
        INDArray sigma = Transforms.exp(logVar(meanLogVar, k).mul(0.5), false);
        mean(gradMeanLogVar, k).assign(mu.mul(klWeight).addi(gradZ));
        INDArray variance = sigma.mul(sigma).subi(1.0).muli(klWeight);
        logVar(gradMeanLogVar, k).assign(gradZ.mul(noise).muli(sigma).addi(variance).muli(0.5));
    }

    private static INDArray mean(INDArray meanLogVar, long k) {
        return meanLogVar.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k));
    }

    private static INDArray logVar(INDArray meanLogVar, long k) {
        return meanLogVar.get(NDArrayIndex.all(), NDArrayIndex.interval(k, 2 * k));
    }
}
