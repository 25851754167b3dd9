package io.ae4j.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.layer.VariationalLatent;
import io.ae4j.loss.Loss;
import io.ae4j.train.FitConfig;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitting, keeping and using a detector on a model of rows near a plane, with rows off it as anomalies. */
class AnomalyDetectorTest {

    @TempDir
    Path dir;

    private static FloatMatrix training;
    private static FloatMatrix mixed;
    private static boolean[] mixedAnomalous;
    private static Autoencoder model;

    /** 4 values per row that depend on 2 (plus a little noise); anomalies break the dependence. */
    private static FloatMatrix rows(int n, SplittableRandom random, boolean[] anomalous) {
        float[] v = new float[n * 4];
        for (int r = 0; r < n; r++) {
            double a = random.nextGaussian();
            double b = random.nextGaussian();
            boolean odd = anomalous != null && (anomalous[r] = r % 5 == 0);
            v[r * 4] = (float) a;
            v[r * 4 + 1] = (float) b;
            v[r * 4 + 2] = (float) (a + b + 0.05 * random.nextGaussian() + (odd ? 2.5 : 0));
            v[r * 4 + 3] = (float) (a - b + 0.05 * random.nextGaussian());
        }
        return new FloatMatrix(v, n, 4);
    }

    @BeforeAll
    static void train() {
        SplittableRandom random = new SplittableRandom(11);
        training = rows(400, random, null);
        mixedAnomalous = new boolean[200];
        mixed = rows(200, random, mixedAnomalous);
        model = network().build();
        model.fit(training, FitConfig.builder().epochs(60).batchSize(16).shuffleSeed(1).build());
    }

    private static Autoencoder.Builder network() {
        return Autoencoder.builder().inputSize(4).encoder(Dense.of(8, Activation.TANH), Dense.of(2, Activation.LINEAR))
                .decoder(Dense.of(8, Activation.TANH), Dense.of(4, Activation.LINEAR)).seed(3)
                .backend(TestBackend.INSTANCE);
    }

    @Test
    void everyScoreSeparatesTheAnomaliesAndTheDetectorTravelsInTheModelFile() throws Exception {
        AnomalyDetector detector = AnomalyDetector.fit(model, training);
        assertEquals(ScoreKind.COMBINED, detector.kind());
        assertEquals("percentile:99", detector.rule().toString());
        AnomalyScores scored = detector.score(mixed);
        double auroc = AnomalyReport.of(scored.scores(), mixedAnomalous, detector.threshold()).auroc();
        assertTrue(auroc > 0.95, "combined AUROC " + auroc);
        double reconstruction = AnomalyReport.of(detector.withKind(ScoreKind.RECONSTRUCTION).scores(mixed),
                mixedAnomalous, 0).auroc();
        assertTrue(reconstruction > 0.95, "reconstruction AUROC " + reconstruction);
        for (int r = 0; r < scored.rows(); r++) {
            assertTrue(scored.probabilities()[r] >= 0 && scored.probabilities()[r] <= 1);
            assertEquals(scored.scores()[r] > detector.threshold(), scored.flagged()[r]);
            for (int s = 0; s < scored.rows(); s++) {
                if (scored.scores()[s] > scored.scores()[r]) {
                    assertTrue(scored.probabilities()[s] >= scored.probabilities()[r], "probability is monotone");
                }
            }
        }
        // The training rows' own flags: about the 1% the rule leaves above the threshold.
        int flaggedTraining = detector.score(training).flaggedCount();
        assertTrue(flaggedTraining >= 2 && flaggedTraining <= 6, flaggedTraining + " of 400");
        // The reconstruction error's threshold, by the same rule, is where ReconstructionThreshold.of reads it.
        ScoreSummary errors = detector.summary(ScoreKind.RECONSTRUCTION).orElseThrow();
        assertEquals((float) errors.quantile(0.99), (float) ReconstructionThreshold.of(model).getAsDouble());

        Path file = dir.resolve("m.ae4j");
        model.save(file);
        AnomalyDetector loaded = AnomalyDetector.of(Autoencoder.load(file, TestBackend.INSTANCE));
        assertEquals(detector.threshold(), loaded.threshold(), 0);
        assertArrayEquals(scored.scores(), loaded.scores(mixed), 0);
        assertArrayEquals(scored.probabilities(), loaded.score(mixed).probabilities(), 0);
    }

    @Test
    void rulesAndKindsCanBeChangedAfterFittingButBestF1NeedsItsLabels() {
        AnomalyDetector detector = AnomalyDetector.fit(model, training, ScoreKind.CODE_DISTANCE,
                ThresholdRule.contamination(0.05));
        ScoreSummary distances = detector.summary(ScoreKind.CODE_DISTANCE).orElseThrow();
        assertEquals(distances.quantile(0.95), detector.threshold(), 0);
        AnomalyDetector mad = detector.withRule(ThresholdRule.mad(3));
        assertEquals(distances.quantile(0.5) + 3 * distances.mad(), mad.threshold(), 1e-12);
        AnomalyDetector errors = detector.withKind(ScoreKind.RECONSTRUCTION);
        assertEquals(detector.summary(ScoreKind.RECONSTRUCTION).orElseThrow().quantile(0.95), errors.threshold(), 0);
        assertEquals(0.5, detector.withThreshold(0.5).threshold(), 0);

        AnomalyDetector best = AnomalyDetector.fit(model, training, ScoreKind.RECONSTRUCTION, ThresholdRule.bestF1(),
                mixed, mixedAnomalous);
        double bestF1 = AnomalyReport.of(best.scores(mixed), mixedAnomalous, best.threshold()).f1();
        for (double p : new double[] {0.5, 0.8, 0.9, 0.95, 0.99}) {
            double threshold = best.summary(ScoreKind.RECONSTRUCTION).orElseThrow().quantile(p);
            assertTrue(bestF1 >= AnomalyReport.of(best.scores(mixed), mixedAnomalous, threshold).f1(), "percentile " + p);
        }
        assertEquals("the model's threshold was chosen by best-f1 on labelled rows for the reconstruction score and"
                + " holds for that score only; for the combined score give a threshold rule or a number",
                assertThrows(IllegalArgumentException.class, () -> best.withKind(ScoreKind.COMBINED)).getMessage());
        assertEquals("the best-f1 threshold is chosen on labelled validation rows; give them with their labels",
                assertThrows(IllegalArgumentException.class, () -> AnomalyDetector.fit(model, training,
                        ScoreKind.COMBINED, ThresholdRule.bestF1())).getMessage());
        assertEquals("labelled validation rows are for the best-f1 threshold rule, and the rule is mad:3; leave them"
                + " out or choose best-f1", assertThrows(IllegalArgumentException.class, () -> AnomalyDetector.fit(model,
                        training, ScoreKind.COMBINED, ThresholdRule.mad(3), mixed, mixedAnomalous)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AnomalyDetector.fit(model, training,
                ScoreKind.RECONSTRUCTION_PROBABILITY, ThresholdRule.mad(3))).getMessage()
                .startsWith("the reconstruction-probability score is a variational autoencoder's"));
    }

    @Test
    void theNormalizedErrorWeighsEachColumnByItsTrainingErrorAndTheCombinedScoreAddsItsSurprise() {
        AnomalyDetector detector = AnomalyDetector.fit(model, training);
        // The definition, from the training rows' feature errors: m_j, f = 0.1 * mean_j(m_j).
        FloatMatrix trainingErrors = model.featureErrors(training);
        int c = trainingErrors.cols();
        double[] m = new double[c];
        for (int r = 0; r < training.rows(); r++) {
            for (int j = 0; j < c; j++) {
                m[j] += trainingErrors.get(r, j) / (double) training.rows();
            }
        }
        double floor = 0.1 * (m[0] + m[1] + m[2] + m[3]) / 4;
        FloatMatrix errors = model.featureErrors(mixed);
        double[] normalized = detector.withKind(ScoreKind.NORMALIZED_RECONSTRUCTION).scores(mixed);
        for (int r = 0; r < mixed.rows(); r++) {
            double expected = 0;
            for (int j = 0; j < c; j++) {
                expected += errors.get(r, j) / (m[j] + floor) / c;
            }
            assertEquals(expected, normalized[r], 1e-12 * expected, "row " + r);
        }
        double auroc = AnomalyReport.of(normalized, mixedAnomalous, 0).auroc();
        assertTrue(auroc > 0.95, "normalized reconstruction AUROC " + auroc);
        // The training rows average (1/c) sum_j m_j / (m_j + f): a little under 1.
        double expectedMean = 0;
        for (int j = 0; j < c; j++) {
            expectedMean += m[j] / (m[j] + floor) / c;
        }
        double[] own = detector.withKind(ScoreKind.NORMALIZED_RECONSTRUCTION).scores(training);
        double mean = 0;
        for (double score : own) {
            mean += score / own.length;
        }
        assertEquals(expectedMean, mean, 1e-9);
        assertTrue(mean > 0.5 && mean < 1, "training rows' mean normalized error " + mean);

        double[] distances = detector.withKind(ScoreKind.CODE_DISTANCE).scores(mixed);
        double[] combined = detector.scores(mixed);
        ScoreSummary normalizedSummary = detector.summary(ScoreKind.NORMALIZED_RECONSTRUCTION).orElseThrow();
        ScoreSummary distanceSummary = detector.summary(ScoreKind.CODE_DISTANCE).orElseThrow();
        for (int r : new int[] {0, 1, 2, 5, 10, 77, 199}) {
            double expected = normalizedSummary.surprise(normalized[r]) + distanceSummary.surprise(distances[r]);
            assertEquals(expected, combined[r], 1e-12 * Math.max(1, expected), "row " + r);
        }
    }

    @Test
    void aDetectorWithoutTheColumnScaleScoresTheReconstructionErrorAndCodeDistanceAndRefusesTheRest() {
        AnomalyDetector detector = AnomalyDetector.fit(model, training);
        Autoencoder older = copyWithout(model, ColumnErrorScale.KEY);
        assertFalse(older.metadata().containsKey(ColumnErrorScale.KEY));
        AnomalyDetector kept = AnomalyDetector.of(older);
        assertEquals(ScoreKind.COMBINED, kept.kind());
        for (ScoreKind kind : new ScoreKind[] {ScoreKind.RECONSTRUCTION, ScoreKind.CODE_DISTANCE}) {
            AnomalyScores expected = detector.withKind(kind).score(mixed);
            AnomalyScores scored = kept.withKind(kind).score(mixed);
            assertArrayEquals(expected.scores(), scored.scores(), 0, kind.id());
            assertArrayEquals(expected.probabilities(), scored.probabilities(), 0, kind.id());
        }
        String advice = " score: it keeps no column error scale (anomaly.column.errors), which that score is built on;"
                + " fit the detector again with ae train or AnomalyDetector.fit, or choose the reconstruction or"
                + " code-distance score";
        assertEquals("the model's anomaly detector predates the combined" + advice,
                assertThrows(IllegalArgumentException.class, () -> kept.score(mixed)).getMessage());
        assertEquals("the model's anomaly detector predates the normalized-reconstruction" + advice,
                assertThrows(IllegalArgumentException.class,
                        () -> kept.withKind(ScoreKind.NORMALIZED_RECONSTRUCTION)).getMessage());
        AnomalyDetector errors = kept.withKind(ScoreKind.RECONSTRUCTION);
        assertEquals("the model's anomaly detector predates the combined" + advice,
                assertThrows(IllegalArgumentException.class, () -> errors.withKind(ScoreKind.COMBINED)).getMessage());

        older.putMetadata(ColumnErrorScale.KEY, "abc");
        assertEquals("the model keeps a damaged column error scale (anomaly.column.errors): 'abc' is not a number;"
                + " fit it again (ae train, or AnomalyDetector.fit)",
                assertThrows(IllegalArgumentException.class, () -> AnomalyDetector.of(older)).getMessage());
    }

    /** A model with {@code source}'s parameters and its metadata but {@code key}: as a model saved without it. */
    private static Autoencoder copyWithout(Autoencoder source, String key) {
        Autoencoder copy = network().build();
        copy.distributedTraining().setParameters(source.distributedTraining().parameters());
        source.metadata().forEach((k, v) -> {
            if (!k.equals(key)) {
                copy.putMetadata(k, v);
            }
        });
        return copy;
    }

    @Test
    void aModelWithoutADetectorSaysHowToFitOne() {
        Autoencoder bare = Autoencoder.builder().inputSize(4).encoder(Dense.of(2, Activation.LINEAR))
                .decoder(Dense.of(4, Activation.LINEAR)).seed(1).backend(TestBackend.INSTANCE).build();
        assertEquals("the model keeps no anomaly detector (anomaly.score); fit one with ae train or AnomalyDetector.fit",
                assertThrows(IllegalArgumentException.class, () -> AnomalyDetector.of(bare)).getMessage());
    }

    /**
     * With a log variance of -60 every draw is the mean code, so the reconstruction probability is
     * the Bernoulli likelihood of the row under the decoded mean: computed here in float64 from the
     * weights set below.
     */
    @Test
    void theReconstructionProbabilityOfANearlyCertainCodeIsTheLikelihoodAtItsMean() {
        Autoencoder vae = Autoencoder.builder().inputSize(3)
                .encoder(Dense.of(2, Activation.LINEAR), VariationalLatent.of(1))
                .decoder(Dense.of(3, Activation.SIGMOID)).loss(Loss.binaryCrossEntropy()).seed(1)
                .backend(TestBackend.INSTANCE).build();
        double[] meanWeights = {0.5, -0.3, 0.2};
        double meanBias = 0.1;
        double[] decoderWeights = {1.0, -2.0, 0.5};
        double[] decoderBias = {0, 0.3, -0.1};
        vae.distributedTraining().setParameters(new float[] {
            0.5f, 0, -0.3f, 0, 0.2f, 0,         // encoder weights, 3 x [mean | log variance]
            0.1f, -60,                          // encoder biases
            1.0f, -2.0f, 0.5f,                  // decoder weights, 1 x 3
            0, 0.3f, -0.1f});                   // decoder biases
        FloatMatrix rows = new FloatMatrix(new float[] {1, 0, 1, 0.2f, 0.9f, 0.4f, 0, 0, 0}, 3, 3);
        ReconstructionProbability probability = ReconstructionProbability.fit(vae, rows, 8, 5);
        double[] scores = probability.scores(vae, rows);
        for (int r = 0; r < 3; r++) {
            double code = meanBias;
            for (int j = 0; j < 3; j++) {
                code += meanWeights[j] * rows.get(r, j);
            }
            double logLikelihood = 0;
            for (int j = 0; j < 3; j++) {
                double p = 1 / (1 + Math.exp(-(code * decoderWeights[j] + decoderBias[j])));
                double x = rows.get(r, j);
                logLikelihood += x * Math.log(p) + (1 - x) * Math.log(1 - p);
            }
            assertEquals(-logLikelihood, scores[r], 1e-5 * Math.abs(logLikelihood), "row " + r);
        }
        FloatMatrix reversed = new FloatMatrix(new float[] {0, 0, 0, 0.2f, 0.9f, 0.4f, 1, 0, 1}, 3, 3);
        double[] again = probability.scores(vae, reversed);
        assertArrayEquals(new double[] {scores[2], scores[1], scores[0]}, again, 0, "a row's score ignores the others");
    }

    @Test
    void aVariationalModelScoresItsReconstructionProbabilityAndSeparatesTheAnomalies() {
        Autoencoder vae = Autoencoder.builder().inputSize(4)
                .encoder(Dense.of(16, Activation.TANH), Dense.of(4, Activation.LINEAR), VariationalLatent.of(0.1))
                .decoder(Dense.of(16, Activation.TANH), Dense.of(4, Activation.LINEAR)).seed(3)
                .backend(TestBackend.INSTANCE).build();
        vae.fit(training, FitConfig.builder().epochs(60).batchSize(16).shuffleSeed(1).build());
        AnomalyDetector detector = AnomalyDetector.fit(vae, training, ScoreKind.RECONSTRUCTION_PROBABILITY,
                ThresholdRule.iqr(1.5));
        double auroc = AnomalyReport.of(detector.scores(mixed), mixedAnomalous, detector.threshold()).auroc();
        assertTrue(auroc > 0.9, "reconstruction probability AUROC " + auroc);
        assertArrayEquals(detector.scores(mixed), AnomalyDetector.of(vae).scores(mixed), 0, "fixed draws and seed");
    }
}
