package io.ae4j.anomaly;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Anomaly detection with a trained autoencoder: a {@link ScoreKind score}, a threshold chosen by a
 * {@link ThresholdRule rule}, and each row's anomaly probability, all fitted on the training rows
 * and kept in the model's metadata, so that a saved model scores new data as it was set up to.
 *
 * <pre>{@code
 * AnomalyDetector detector = AnomalyDetector.fit(ae, training, ScoreKind.COMBINED, ThresholdRule.parse("mad:3"));
 * ae.save(file);
 * AnomalyScores result = AnomalyDetector.of(Autoencoder.load(file)).score(newRows);
 * result.scores(); result.probabilities(); result.flagged();
 * }</pre>
 *
 * <p>Fitting summarises the training rows' scores of every kind the model has
 * ({@link ScoreSummary}), so any kind can be scored later with its probability, and sets the
 * chosen kind's threshold. It also keeps the reconstruction error's threshold by the same rule,
 * where {@link ReconstructionThreshold#of} reads it.
 */
public final class AnomalyDetector {

    static final String KIND_KEY = "anomaly.score";
    static final String RULE_KEY = "anomaly.rule";
    static final String THRESHOLD_KEY = "anomaly.score.threshold";
    static final String SUMMARY_KEY = "anomaly.scores.";
    /** The kinds every model has, for messages that suggest one instead of the reconstruction probability. */
    private static final String EVERY_MODELS_KINDS = ScoreKind.RECONSTRUCTION + ", " + ScoreKind.CODE_DISTANCE + ", "
            + ScoreKind.NORMALIZED_RECONSTRUCTION + " or " + ScoreKind.COMBINED;

    private final Autoencoder autoencoder;
    private final ScoreKind kind;
    private final ThresholdRule rule;
    private final double threshold;
    private final Map<ScoreKind, ScoreSummary> summaries;
    private final CodeDistribution codes;
    /** Null for a detector fitted before the normalized reconstruction error existed. */
    private final ColumnErrorScale columns;
    private final ReconstructionProbability reconstructionProbability;

    private AnomalyDetector(Autoencoder autoencoder, ScoreKind kind, ThresholdRule rule, double threshold,
            Map<ScoreKind, ScoreSummary> summaries, CodeDistribution codes, ColumnErrorScale columns,
            ReconstructionProbability reconstructionProbability) {
        this.autoencoder = autoencoder;
        this.kind = kind;
        this.rule = rule;
        this.threshold = threshold;
        this.summaries = summaries;
        this.codes = codes;
        this.columns = columns;
        this.reconstructionProbability = reconstructionProbability;
    }

    /**
     * Fits the default detector: the {@link ScoreKind#DEFAULT} score and the {@link ThresholdRule#defaultRule()}.
     *
     * @param autoencoder the trained model
     * @param training the rows the model was trained on, in its units
     * @return the detector
     */
    public static AnomalyDetector fit(Autoencoder autoencoder, FloatMatrix training) {
        return fit(autoencoder, training, ScoreKind.DEFAULT, ThresholdRule.defaultRule());
    }

    /**
     * Fits a detector of {@code kind} with a threshold by {@code rule} on {@code training}, the rows
     * the model was trained on, and keeps it in the model's metadata.
     *
     * @param autoencoder the trained model
     * @param training the rows the model was trained on, in its units
     * @param kind the score
     * @param rule sets the threshold
     * @return the detector
     * @throws IllegalArgumentException if the rule is {@code best-f1} (it needs labelled rows: use
     *                                  the other {@code fit}), or the kind does not apply to the model
     */
    public static AnomalyDetector fit(Autoencoder autoencoder, FloatMatrix training, ScoreKind kind, ThresholdRule rule) {
        return fit(autoencoder, training, kind, rule, null, null);
    }

    /**
     * As {@link #fit(Autoencoder, FloatMatrix, ScoreKind, ThresholdRule)}, with labelled validation
     * rows for the {@code best-f1} rule, which sets the threshold that maximises F1 on them.
     *
     * @param autoencoder the trained model
     * @param training the rows the model was trained on, in its units
     * @param kind the score
     * @param rule sets the threshold
     * @param validation          rows like the training rows, some of them anomalies; null unless
     *                            the rule is {@code best-f1}
     * @param validationAnomalous true for each validation row that is an anomaly
     * @return the detector
     * @throws IllegalArgumentException if validation rows are missing for {@code best-f1} or given
     *                                  for another rule, or their labels are not one per row of
     *                                  both classes
     */
    public static AnomalyDetector fit(Autoencoder autoencoder, FloatMatrix training, ScoreKind kind, ThresholdRule rule,
            FloatMatrix validation, boolean[] validationAnomalous) {
        if (autoencoder == null || kind == null || rule == null) {
            throw new IllegalArgumentException("the autoencoder, score kind and threshold rule must not be null");
        }
        checkData("training data", training, autoencoder);
        if (kind == ScoreKind.RECONSTRUCTION_PROBABILITY && !ReconstructionProbability.appliesTo(autoencoder)) {
            throw new IllegalArgumentException("the reconstruction-probability score is a variational autoencoder's,"
                    + " and this model has no VariationalLatent code; choose " + EVERY_MODELS_KINDS);
        }
        if (rule.needsLabels() != (validation != null)) {
            throw new IllegalArgumentException(rule.needsLabels()
                    ? "the best-f1 threshold is chosen on labelled validation rows; give them with their labels"
                    : "labelled validation rows are for the best-f1 threshold rule, and the rule is " + rule
                            + "; leave them out or choose best-f1");
        }
        if (validation != null) {
            checkData("validation data", validation, autoencoder);
            if (validationAnomalous == null || validationAnomalous.length != validation.rows()) {
                throw new IllegalArgumentException("give one label per validation row: " + validation.rows() + " rows, "
                        + (validationAnomalous == null ? "no" : Integer.toString(validationAnomalous.length)) + " labels");
            }
        }
        // Each pass over the training rows (reconstruction, encoding) runs once for every score.
        Passes rows = new Passes(autoencoder, training);
        CodeDistribution codes = CodeDistribution.fitAndKeep(autoencoder, rows.codes());
        ColumnErrorScale columns = ColumnErrorScale.fitAndKeep(autoencoder, rows.featureErrors());
        ReconstructionProbability probability = ReconstructionProbability.appliesTo(autoencoder)
                ? ReconstructionProbability.fit(autoencoder, training, ReconstructionProbability.DEFAULT_DRAWS, 0)
                : null;
        Map<ScoreKind, ScoreSummary> summaries = new EnumMap<>(ScoreKind.class);
        AnomalyDetector unfitted = new AnomalyDetector(autoencoder, kind, rule, Double.NaN, summaries, codes, columns,
                probability);
        // In this order: the combined score is read on the summaries of kinds before it.
        for (ScoreKind each : ScoreKind.values()) {
            if (each != ScoreKind.RECONSTRUCTION_PROBABILITY || probability != null) {
                summaries.put(each, ScoreSummary.of(unfitted.scores(rows, each)));
            }
        }
        Passes validationRows = validation == null ? null : new Passes(autoencoder, validation);
        double threshold = threshold(unfitted, kind, rule, validationRows, validationAnomalous);
        double reconstructionThreshold = kind == ScoreKind.RECONSTRUCTION ? threshold
                : threshold(unfitted, ScoreKind.RECONSTRUCTION, rule, validationRows, validationAnomalous);
        autoencoder.putMetadata(KIND_KEY, kind.id());
        autoencoder.putMetadata(RULE_KEY, rule.toString());
        autoencoder.putMetadata(THRESHOLD_KEY, Double.toString(threshold));
        autoencoder.putMetadata(ReconstructionThreshold.KEY, Float.toString((float) reconstructionThreshold));
        summaries.forEach((each, summary) -> autoencoder.putMetadata(SUMMARY_KEY + each.id(), summary.toText()));
        return new AnomalyDetector(autoencoder, kind, rule, threshold, summaries, codes, columns, probability);
    }

    private static double threshold(AnomalyDetector detector, ScoreKind kind, ThresholdRule rule, Passes validation,
            boolean[] anomalous) {
        return rule.needsLabels() ? BestF1Threshold.of(detector.scores(validation, kind), anomalous)
                : rule.threshold(detector.summaries.get(kind));
    }

    /**
     * The detector kept in {@code autoencoder}'s metadata by {@link #fit}, here or before the model
     * was saved. A detector fitted before the {@link ScoreKind#NORMALIZED_RECONSTRUCTION normalized
     * reconstruction error} existed keeps no {@link ColumnErrorScale}: it scores the reconstruction
     * error and the code distance as before, and refuses the normalized and the combined score,
     * saying to fit it again.
     *
     * @param autoencoder a model
     * @return the detector
     * @throws IllegalArgumentException if the model keeps none, or keeps a damaged one, saying which
     */
    public static AnomalyDetector of(Autoencoder autoencoder) {
        if (autoencoder == null) {
            throw new IllegalArgumentException("the autoencoder must not be null");
        }
        Map<String, String> metadata = autoencoder.metadata();
        if (!metadata.containsKey(KIND_KEY)) {
            throw new IllegalArgumentException("the model keeps no anomaly detector (" + KIND_KEY + "); fit one with"
                    + " ae train or AnomalyDetector.fit");
        }
        CodeDistribution codes = CodeDistribution.of(autoencoder).orElseThrow(() -> damaged(CodeDistribution.KEY,
                "it is missing", null));
        ColumnErrorScale columns = ColumnErrorScale.of(autoencoder).orElse(null);
        ReconstructionProbability probability = ReconstructionProbability.of(autoencoder).orElse(null);
        String key = KIND_KEY;
        try {
            ScoreKind kind = ScoreKind.named(metadata.get(KIND_KEY));
            key = RULE_KEY;
            ThresholdRule rule = ThresholdRule.parse(required(metadata, RULE_KEY));
            key = THRESHOLD_KEY;
            double threshold = Double.parseDouble(required(metadata, THRESHOLD_KEY));
            Map<ScoreKind, ScoreSummary> summaries = new EnumMap<>(ScoreKind.class);
            for (ScoreKind each : ScoreKind.values()) {
                key = SUMMARY_KEY + each.id();
                String text = metadata.get(key);
                if (text != null) {
                    summaries.put(each, ScoreSummary.parse(text));
                }
            }
            key = SUMMARY_KEY + kind.id();
            required(metadata, key);
            return new AnomalyDetector(autoencoder, kind, rule, threshold, summaries, codes, columns, probability);
        } catch (IllegalArgumentException e) {     // a NumberFormatException too
            throw damaged(key, e.getMessage(), e);
        }
    }

    private static IllegalArgumentException damaged(String key, String reason, Exception cause) {
        return new IllegalArgumentException("the model keeps a damaged anomaly detector (" + key + "): " + reason
                + "; fit it again with ae train or AnomalyDetector.fit", cause);
    }

    private static String required(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalArgumentException("it is missing");
        }
        return value;
    }

    /**
     * This detector with another score: its threshold set by the same rule on that score's
     * training summary, so that it flags as large a share of rows like the training rows.
     *
     * @param other the score
     * @return a detector of that score, kept in the model's metadata
     * @throws IllegalArgumentException if the model has no summary of that kind (the
     *                                  reconstruction probability of a model that is not variational),
     *                                  the detector predates that score (see {@link #of}), or the rule
     *                                  is {@code best-f1}, whose threshold holds for its own score only
     */
    public AnomalyDetector withKind(ScoreKind other) {
        if (other == null) {
            throw new IllegalArgumentException("the score kind must not be null");
        }
        if (other == kind) {
            return this;
        }
        requireColumnScale(other);
        ScoreSummary summary = summaries.get(other);
        if (summary == null) {
            throw new IllegalArgumentException("the " + other + " score is a variational autoencoder's, and this model"
                    + " has no VariationalLatent code; choose " + EVERY_MODELS_KINDS);
        }
        if (rule.needsLabels()) {
            throw new IllegalArgumentException("the model's threshold was chosen by best-f1 on labelled rows for the "
                    + kind + " score and holds for that score only; for the " + other + " score give a threshold"
                    + " rule or a number");
        }
        return new AnomalyDetector(autoencoder, other, rule, rule.threshold(summary), summaries, codes, columns,
                reconstructionProbability);
    }

    /**
     * This detector with its threshold set by {@code other} on its score's training summary.
     *
     * @param other the rule
     * @return a detector with that rule's threshold, kept in the model's metadata
     * @throws IllegalArgumentException for {@code best-f1}, which needs labelled rows: use {@link #fit}
     */
    public AnomalyDetector withRule(ThresholdRule other) {
        if (other == null) {
            throw new IllegalArgumentException("the threshold rule must not be null");
        }
        if (other.needsLabels()) {
            throw new IllegalArgumentException("best-f1 chooses the threshold on labelled validation rows; fit the"
                    + " detector with them (ae train --threshold best-f1 --threshold-data FILE), or give another rule");
        }
        return new AnomalyDetector(autoencoder, kind, other, other.threshold(summaries.get(kind)), summaries, codes,
                columns, reconstructionProbability);
    }

    /**
     * This detector with the threshold {@code value}, in the units of its score.
     *
     * @param value the threshold
     * @return a detector with that threshold, kept in the model's metadata
     */
    public AnomalyDetector withThreshold(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("the threshold must be a number, got NaN");
        }
        return new AnomalyDetector(autoencoder, kind, rule, value, summaries, codes, columns, reconstructionProbability);
    }

    /**
     * The score this detector computes.
     *
     * @return the score's kind
     */
    public ScoreKind kind() {
        return kind;
    }

    /**
     * The rule that set the threshold when the detector was fitted or changed by {@link #withRule}.
     *
     * @return the rule
     */
    public ThresholdRule rule() {
        return rule;
    }

    /**
     * Rows whose score exceeds this are anomalies.
     *
     * @return the threshold
     */
    public double threshold() {
        return threshold;
    }

    /**
     * The summary of the training rows' scores of {@code scoreKind}, if the model has that score.
     *
     * @param scoreKind a score
     * @return the summary, or empty
     */
    public Optional<ScoreSummary> summary(ScoreKind scoreKind) {
        return Optional.ofNullable(summaries.get(scoreKind));
    }

    /**
     * Each row's score of this detector's kind; {@code data} in the model's units (scaled as in training).
     *
     * @param data the rows to score
     * @return one score per row
     * @throws IllegalArgumentException if the detector predates its score (see {@link #of})
     */
    public double[] scores(FloatMatrix data) {
        checkData("data", data, autoencoder);
        return scores(data, kind);
    }

    /**
     * The anomaly probability of a score of this detector's kind; see {@link ScoreSummary#probability}.
     *
     * @param score a score
     * @return the probability, in [0, 1]
     */
    public double probability(double score) {
        return summaries.get(kind).probability(score);
    }

    /**
     * Each row's score, anomaly probability and flag; {@code data} in the model's units.
     *
     * @param data the rows to score
     * @return the scores, probabilities and flags
     * @throws IllegalArgumentException if the detector predates its score (see {@link #of})
     */
    public AnomalyScores score(FloatMatrix data) {
        double[] scores = scores(data);
        double[] probabilities = new double[scores.length];
        boolean[] flagged = new boolean[scores.length];
        ScoreSummary summary = summaries.get(kind);
        for (int r = 0; r < scores.length; r++) {
            probabilities[r] = summary.probability(scores[r]);
            flagged[r] = scores[r] > threshold;
        }
        return new AnomalyScores(kind, threshold, scores, probabilities, flagged);
    }

    private double[] scores(FloatMatrix data, ScoreKind scoreKind) {
        return scores(new Passes(autoencoder, data), scoreKind);
    }

    private double[] scores(Passes rows, ScoreKind scoreKind) {
        requireColumnScale(scoreKind);
        return switch (scoreKind) {
            case RECONSTRUCTION -> toDoubles(rows.reconstructionErrors());
            case CODE_DISTANCE -> codes.mahalanobis(rows.codes());
            case NORMALIZED_RECONSTRUCTION -> columns.scores(rows.featureErrors());
            case COMBINED -> {
                double[] errors = scores(rows, ScoreKind.NORMALIZED_RECONSTRUCTION);
                double[] distances = scores(rows, ScoreKind.CODE_DISTANCE);
                ScoreSummary errorSummary = summaries.get(ScoreKind.NORMALIZED_RECONSTRUCTION);
                ScoreSummary distanceSummary = summaries.get(ScoreKind.CODE_DISTANCE);
                double[] combined = new double[errors.length];
                for (int r = 0; r < combined.length; r++) {
                    combined[r] = errorSummary.surprise(errors[r]) + distanceSummary.surprise(distances[r]);
                }
                yield combined;
            }
            case RECONSTRUCTION_PROBABILITY -> reconstructionProbability.scores(autoencoder, rows.data);
        };
    }

    /**
     * Refuses the scores built on the column error scale when the detector keeps none: its summary
     * of the combined score, if any, is of a combined score no longer computed.
     */
    private void requireColumnScale(ScoreKind scoreKind) {
        boolean needsScale = scoreKind == ScoreKind.NORMALIZED_RECONSTRUCTION || scoreKind == ScoreKind.COMBINED;
        if (needsScale && columns == null) {
            throw new IllegalArgumentException("the model's anomaly detector predates the " + scoreKind + " score: it"
                    + " keeps no column error scale (" + ColumnErrorScale.KEY + "), which that score is built on; fit"
                    + " the detector again with ae train or AnomalyDetector.fit, or choose the "
                    + ScoreKind.RECONSTRUCTION + " or " + ScoreKind.CODE_DISTANCE + " score");
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static void checkData(String what, FloatMatrix data, Autoencoder autoencoder) {
        if (data == null || data.rows() == 0) {
            throw new IllegalArgumentException(what + " is empty: give at least one row");
        }
        data.requireCols(what, autoencoder.inputSize());
        data.requireFinite(what);
    }

    /** The model's passes over one set of rows, each run at most once however many scores read it. */
    private static final class Passes {

        final FloatMatrix data;
        private final Autoencoder autoencoder;
        private float[] reconstructionErrors;
        private FloatMatrix featureErrors;
        private FloatMatrix codes;

        Passes(Autoencoder autoencoder, FloatMatrix data) {
            this.autoencoder = autoencoder;
            this.data = data;
        }

        float[] reconstructionErrors() {
            if (reconstructionErrors == null) {
                reconstructionErrors = autoencoder.reconstructionErrors(data);
            }
            return reconstructionErrors;
        }

        FloatMatrix featureErrors() {
            if (featureErrors == null) {
                featureErrors = autoencoder.featureErrors(data);
            }
            return featureErrors;
        }

        FloatMatrix codes() {
            if (codes == null) {
                codes = autoencoder.encode(data);
            }
            return codes;
        }
    }
}
