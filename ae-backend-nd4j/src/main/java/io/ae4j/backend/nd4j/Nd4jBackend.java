package io.ae4j.backend.nd4j;

import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.Backend;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Shapes;
import io.ae4j.spi.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.reduce.floating.SquaredNorm;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A backend on ND4J: tensors are c-order FLOAT arrays in native memory, matrix products go to the
 * BLAS ND4J bundles (OpenBLAS) and every other kernel is a short sequence of ND4J's native
 * element-wise and reduction operations, each a multi-threaded pass over its arrays. Values cross
 * the Java heap only in {@link #write} and {@link #read}, in one bulk copy each.
 *
 * <p>Results: where ND4J's float32 operations are less exact than the reference kernels of
 * {@link io.ae4j.spi.kernels} (tanh, sigmoid, softplus, column sums, the cross-entropies), the
 * kernels work on per-thread float64 copies and round once, as the reference does; everywhere else
 * they keep the reference's float32 operations in the reference's order. Apart from matrix
 * products, which are BLAS's own float32 sums, results then equal the reference's bit for bit
 * in all but rare rounding ties.
 *
 * <p>Threads: ND4J's operations are OpenMP-parallel and follow {@code OMP_NUM_THREADS}, and
 * OpenBLAS follows its own settings; this class sets neither. Intermediate arrays are per thread
 * (see {@link Nd4jScratch}), so kernels may run on several threads at once.
 *
 * <p>Memory: kernels allocate no arrays per call once a thread has seen its shapes, but ND4J
 * itself allocates per operation: Java objects (0.5 to 8 KB) and, for scalar and reduction
 * operations, a few small native buffers that the garbage collector frees.
 *
 * <p>Create one only after {@link Nd4jBackendProvider#probe()} has reported ND4J available;
 * constructing it does not itself load ND4J, its first kernel does.
 */
public final class Nd4jBackend implements Backend {

    @Override
    public String name() {
        return Nd4jBackendProvider.NAME;
    }

    // ---- memory ------------------------------------------------------------------------------

    @Override
    public Tensor create(int rows, int cols) {
        Shapes.checkCreate(rows, cols);
        return new Nd4jTensor(Nd4jArrays.zeros(DataType.FLOAT, rows, cols), rows, cols);
    }

    @Override
    public void write(float[] source, int offset, Tensor destination) {
        Nd4jTensor d = Nd4jTensor.of(destination);
        Shapes.checkRange("write", source, offset, d.size());
        d.memory.put(source, offset, d.size());
    }

    @Override
    public void read(Tensor source, float[] destination, int offset) {
        Nd4jTensor s = Nd4jTensor.of(source);
        Shapes.checkRange("read", destination, offset, s.size());
        s.memory.get(destination, offset, s.size());
    }

    @Override
    public void gatherRows(Tensor source, int[] rowIndices, int from, Tensor destination) {
        Nd4jTensor s = Nd4jTensor.of(source);
        Nd4jTensor d = Nd4jTensor.of(destination);
        Shapes.checkGather(s, rowIndices, from, d);
        // pullRows wants exactly one index per destination row.
        Nd4j.pullRows(s.array, d.array, 1, Arrays.copyOfRange(rowIndices, from, from + d.rows()));
    }

    @Override
    public void copy(Tensor source, Tensor destination) {
        Nd4jTensor s = Nd4jTensor.of(source);
        Nd4jTensor d = Nd4jTensor.of(destination);
        Shapes.checkSame("copy", s, d);
        d.array.assign(s.array);
    }

    @Override
    public void fill(Tensor tensor, float value) {
        Nd4jTensor.of(tensor).array.assign(value);
    }

    // ---- linear algebra ----------------------------------------------------------------------

    @Override
    public void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        Nd4jTensor na = Nd4jTensor.of(a);
        Nd4jTensor nb = Nd4jTensor.of(b);
        Nd4jTensor nc = Nd4jTensor.of(c);
        Shapes.checkGemm(transposeA, transposeB, na, nb, nc);
        if (alpha == 0f) {
            // ND4J multiplies anyway and lets NaN in a or b reach c; BLAS does not read them.
            if (beta == 0f) {
                nc.array.assign(0f);
            } else if (beta != 1f) {
                Nd4j.exec(new ScalarMultiplication(nc.array, beta));
            }
            return;
        }
        Nd4j.gemm(na.array, nb.array, nc.array, transposeA, transposeB, alpha, beta);
    }

    @Override
    public void columnSums(Tensor a, Tensor sums) {
        Nd4jTensor na = Nd4jTensor.of(a);
        Nd4jTensor ns = Nd4jTensor.of(sums);
        Shapes.checkRowVector("columnSums", ns, na.cols());
        // Summed in float64 as the reference does: a float32 sum of 1500 rows is already 16 ulps off.
        INDArray wide = Nd4jScratch.doubles(0, na.array);
        INDArray wideSums = Nd4jScratch.doubles(1, ns.array);
        wide.assign(na.array);
        Nd4j.exec(new Sum(wide, wideSums, 0));
        ns.array.assign(wideSums);
    }

    // ---- activations -------------------------------------------------------------------------

    @Override
    public void biasActivation(Tensor z, Tensor bias, ActivationKind kind, float slope, Tensor output) {
        Nd4jTensor nz = Nd4jTensor.of(z);
        Nd4jTensor nb = Nd4jTensor.of(bias);
        Nd4jTensor no = Nd4jTensor.of(output);
        Shapes.checkActivation("biasActivation", kind, slope);
        Shapes.checkRowVector("biasActivation", nb, nz.cols());
        Shapes.checkSame("biasActivation", nz, no);
        Nd4j.exec(new BroadcastAddOp(nz.array, nb.array, nz.array, 1));
        Nd4jActivations.forward(kind, slope, nz.array, no.array);
    }

    @Override
    public void activationBackward(ActivationKind kind, float slope, Tensor z, Tensor output, Tensor gradient) {
        Nd4jTensor nz = Nd4jTensor.of(z);
        Nd4jTensor no = Nd4jTensor.of(output);
        Nd4jTensor ng = Nd4jTensor.of(gradient);
        Shapes.checkActivation("activationBackward", kind, slope);
        Shapes.checkSame("activationBackward", nz, no);
        Shapes.checkSame("activationBackward", nz, ng);
        Nd4jActivations.backward(kind, slope, nz.array, no.array, ng.array);
    }

    // ---- losses ------------------------------------------------------------------------------

    @Override
    public double loss(LossKind kind, Tensor prediction, Tensor target, Tensor gradient) {
        Nd4jTensor np = Nd4jTensor.of(prediction);
        Nd4jTensor nt = Nd4jTensor.of(target);
        Nd4jTensor ng = Nd4jTensor.of(gradient);
        if (kind == null) {
            throw new IllegalArgumentException("loss: kind is null");
        }
        Shapes.checkSame("loss", np, nt);
        Shapes.checkSame("loss", np, ng);
        if (ng == np || ng == nt) {
            throw new IllegalArgumentException("loss: gradient must be a tensor of its own");
        }
        return Nd4jLosses.loss(kind, np.array, nt.array, ng.array);
    }

    @Override
    public double tableLoss(LossKind numeric, int[] softmaxGroups, Tensor prediction, Tensor target, Tensor gradient) {
        Nd4jTensor np = Nd4jTensor.of(prediction);
        Nd4jTensor nt = Nd4jTensor.of(target);
        Nd4jTensor ng = Nd4jTensor.of(gradient);
        Shapes.checkSame("tableLoss", np, nt);
        Shapes.checkSame("tableLoss", np, ng);
        Shapes.checkSoftmaxGroups("tableLoss", numeric, softmaxGroups, np.cols());
        if (ng == np || ng == nt) {
            throw new IllegalArgumentException("tableLoss: gradient must be a tensor of its own");
        }
        return Nd4jLosses.table(numeric, softmaxGroups, np.array, nt.array, ng.array);
    }

    // ---- element-wise ------------------------------------------------------------------------

    @Override
    public void scale(Tensor tensor, float alpha) {
        Nd4j.exec(new ScalarMultiplication(Nd4jTensor.of(tensor).array, alpha));
    }

    @Override
    public void axpy(float alpha, Tensor x, Tensor y) {
        Nd4jTensor nx = Nd4jTensor.of(x);
        Nd4jTensor ny = Nd4jTensor.of(y);
        Shapes.checkSame("axpy", nx, ny);
        Nd4j.exec(new Axpy(nx.array, ny.array, ny.array, alpha));
    }

    @Override
    public double sumOfSquares(Tensor tensor) {
        SquaredNorm op = new SquaredNorm(Nd4jTensor.of(tensor).array, Nd4jScratch.accumulator());
        Nd4j.exec(op);
        return op.z().getDouble(0);
    }

    @Override
    public void multiply(Tensor a, Tensor b) {
        Nd4jTensor na = Nd4jTensor.of(a);
        Nd4jTensor nb = Nd4jTensor.of(b);
        Shapes.checkSame("multiply", na, nb);
        na.array.muli(nb.array);
    }

    @Override
    public double sumOfAbs(Tensor tensor) {
        return Nd4jPenalties.sumOfAbs(Nd4jTensor.of(tensor).array);
    }

    @Override
    public void addSign(float alpha, Tensor x, Tensor gradient) {
        Nd4jTensor nx = Nd4jTensor.of(x);
        Nd4jTensor ng = Nd4jTensor.of(gradient);
        Shapes.checkSame("addSign", nx, ng);
        Nd4jPenalties.addSign(alpha, nx.array, ng.array);
    }

    // ---- randomness ----------------------------------------------------------------------------

    @Override
    public void randomNormal(Tensor out, long seed) {
        Nd4jPenalties.normal(Nd4jTensor.of(out).array, seed);
    }

    @Override
    public void randomMask(Tensor out, long seed, float keep, float scale) {
        Nd4jPenalties.mask(Nd4jTensor.of(out).array, seed, keep, scale);
    }

    // ---- penalties on codes --------------------------------------------------------------------

    @Override
    public double sparsityKl(Tensor activations, float rho, Tensor means) {
        Nd4jTensor na = Nd4jTensor.of(activations);
        Nd4jTensor nm = Nd4jTensor.of(means);
        Shapes.checkRowVector("sparsityKl", nm, na.cols());
        return Nd4jPenalties.sparsityKl(na.array, rho, nm.array);
    }

    @Override
    public void sparsityKlBackward(Tensor means, float rho, float weight, Tensor gradient) {
        Nd4jTensor nm = Nd4jTensor.of(means);
        Nd4jTensor ng = Nd4jTensor.of(gradient);
        Shapes.checkRowVector("sparsityKlBackward", nm, ng.cols());
        Nd4jPenalties.sparsityKlBackward(nm.array, rho, weight, ng.array);
    }

    @Override
    public void gaussianSample(Tensor meanLogVar, Tensor noise, Tensor z) {
        Nd4jTensor ml = Nd4jTensor.of(meanLogVar);
        Nd4jTensor nn = Nd4jTensor.of(noise);
        Nd4jTensor nz = Nd4jTensor.of(z);
        Shapes.checkGaussianLatent("gaussianSample", ml, nn, nz);
        Nd4jPenalties.gaussianSample(ml.array, nn.array, nz.array);
    }

    @Override
    public double gaussianKl(Tensor meanLogVar) {
        Nd4jTensor ml = Nd4jTensor.of(meanLogVar);
        if (ml.cols() % 2 != 0) {
            throw new IllegalArgumentException("gaussianKl: [mean | logVar] needs an even width, got " + ml.cols());
        }
        return Nd4jPenalties.gaussianKl(ml.array);
    }

    @Override
    public void gaussianSampleBackward(Tensor meanLogVar, Tensor noise, Tensor gradZ, float klWeight,
                                       Tensor gradMeanLogVar) {
        Nd4jTensor ml = Nd4jTensor.of(meanLogVar);
        Nd4jTensor nn = Nd4jTensor.of(noise);
        Nd4jTensor gz = Nd4jTensor.of(gradZ);
        Nd4jTensor g = Nd4jTensor.of(gradMeanLogVar);
        Shapes.checkGaussianLatent("gaussianSampleBackward", ml, nn, gz);
        Shapes.checkSame("gaussianSampleBackward", ml, g);
        Nd4jPenalties.gaussianSampleBackward(ml.array, nn.array, gz.array, klWeight, g.array);
    }

    // ---- optimizer updates -------------------------------------------------------------------

    @Override
    public void sgdUpdate(Tensor parameter, Tensor gradient, Tensor velocity,
                          float learningRate, float momentum, boolean nesterov, float decay) {
        Nd4jTensor np = Nd4jTensor.of(parameter);
        Nd4jTensor ng = Nd4jTensor.of(gradient);
        Shapes.checkSame("sgdUpdate", np, ng);
        if (velocity == null) {
            Nd4jUpdates.sgd(np.array, ng.array, learningRate, decay);
            return;
        }
        Nd4jTensor nv = Nd4jTensor.of(velocity);
        Shapes.checkSame("sgdUpdate", np, nv);
        Nd4jUpdates.sgdMomentum(np.array, ng.array, nv.array, learningRate, momentum, nesterov, decay);
    }

    @Override
    public void adamUpdate(Tensor parameter, Tensor gradient, Tensor m, Tensor v,
                           float stepSize, float beta1, float beta2, float epsilon, float decay) {
        Nd4jTensor np = Nd4jTensor.of(parameter);
        Nd4jTensor ng = Nd4jTensor.of(gradient);
        Nd4jTensor nm = Nd4jTensor.of(m);
        Nd4jTensor nv = Nd4jTensor.of(v);
        Shapes.checkSame("adamUpdate", np, ng);
        Shapes.checkSame("adamUpdate", np, nm);
        Shapes.checkSame("adamUpdate", np, nv);
        Nd4jUpdates.adam(np.array, ng.array, nm.array, nv.array, stepSize, beta1, beta2, epsilon, decay);
    }

    @Override
    public void rmsPropUpdate(Tensor parameter, Tensor gradient, Tensor meanSquare,
                              float learningRate, float rho, float epsilon, float decay) {
        Nd4jTensor np = Nd4jTensor.of(parameter);
        Nd4jTensor ng = Nd4jTensor.of(gradient);
        Nd4jTensor ns = Nd4jTensor.of(meanSquare);
        Shapes.checkSame("rmsPropUpdate", np, ng);
        Shapes.checkSame("rmsPropUpdate", np, ns);
        Nd4jUpdates.rmsProp(np.array, ng.array, ns.array, learningRate, rho, epsilon, decay);
    }

    @Override
    public String toString() {
        return "nd4j backend";
    }
}
