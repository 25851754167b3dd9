package io.ae4j.anomaly;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What an anomaly score measures. Every kind is larger for a more anomalous row.
 *
 * <ul>
 *   <li>{@link #RECONSTRUCTION}: the row's mean loss against its reconstruction (the model's loss
 *       per value), as {@code Autoencoder.reconstructionErrors} gives it.</li>
 *   <li>{@link #CODE_DISTANCE}: the Mahalanobis distance of the row's code from the training codes,
 *       under the multivariate normal {@link CodeDistribution} fitted to them: how unusual the row
 *       looks to the encoder, even where the decoder rebuilds it well.</li>
 *   <li>{@link #NORMALIZED_RECONSTRUCTION}: the row's reconstruction error with each table column's
 *       error divided by that column's mean error on the training rows (plus a floor), then
 *       averaged: {@code score_i = (1/c) sum_j e_ij / (m_j + f)}, where {@code e_ij} is the
 *       {@linkplain io.ae4j.Autoencoder#featureErrors feature error} of row {@code i} in column
 *       {@code j} of {@code c}, {@code m_j} is column {@code j}'s mean error on the training rows
 *       (float64) and {@code f = 0.1 * mean_j(m_j)}; if every {@code m_j} is 0 it is the plain mean
 *       error. So columns the model always rebuilds poorly for normal rows count less, and columns it
 *       always rebuilds well count more; the floor keeps a column rebuilt almost perfectly in
 *       training (an always-blank border pixel) from weighing without bound. A typical training row
 *       scores a little under 1. See {@link ColumnErrorScale}.</li>
 *   <li>{@link #COMBINED}: the normalized reconstruction error and the code distance on a common
 *       scale and added: each score turned into its tail probability under the training rows'
 *       scores ({@link ScoreSummary#surprise}), whose negative logarithms are summed, as in Fisher's
 *       method of combining p-values. The default.</li>
 *   <li>{@link #RECONSTRUCTION_PROBABILITY}: for a variational autoencoder only, the negative
 *       logarithm of the Monte-Carlo reconstruction probability of An and Cho (2015); see
 *       {@link ReconstructionProbability}.</li>
 * </ul>
 *
 * <p>The order matters: {@link AnomalyDetector#fit} summarises the training rows' scores kind by
 * kind in this order, and the combined score reads the summaries of kinds before it.
 */
public enum ScoreKind {
    /** The row's reconstruction error. */
    RECONSTRUCTION("reconstruction"),
    /** The Mahalanobis distance of the row's code from the training codes. */
    CODE_DISTANCE("code-distance"),
    /** Each table column's error divided by its mean error on the training rows, averaged. */
    NORMALIZED_RECONSTRUCTION("normalized-reconstruction"),
    /** Normalized reconstruction error and code distance on a common scale, added; the default. */
    COMBINED("combined"),
    /** The negative logarithm of a variational autoencoder's reconstruction probability. */
    RECONSTRUCTION_PROBABILITY("reconstruction-probability");

    /** The kind used when none is chosen. */
    public static final ScoreKind DEFAULT = COMBINED;

    private final String id;

    ScoreKind(String id) {
        this.id = id;
    }

    /**
     * The kind's name as options and model files spell it, such as {@code code-distance}.
     *
     * @return the name
     */
    public String id() {
        return id;
    }

    /**
     * The kind named {@code id}, ignoring case.
     *
     * @param id a kind's name
     * @return that kind
     * @throws IllegalArgumentException naming the kinds there are, for an unknown name
     */
    public static ScoreKind named(String id) {
        for (ScoreKind kind : values()) {
            if (kind.id.equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown anomaly score '" + id + "': the scores are " + names());
    }

    /**
     * The kinds' names, comma-separated, for messages.
     *
     * @return the names
     */
    public static String names() {
        return Arrays.stream(values()).map(ScoreKind::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
