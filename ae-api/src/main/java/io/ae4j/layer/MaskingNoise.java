package io.ae4j.layer;

/**
 * Masking noise for a denoising autoencoder: in training passes each input element is set to 0
 * with probability {@code rate} (what is kept is not rescaled, as in Vincent et al. 2008);
 * otherwise the input passes through unchanged.
 */
public final class MaskingNoise extends MaskLayer {

    private MaskingNoise(double rate) {
        super("masking noise rate", rate, false);
    }

    /**
     * Masking noise of the given rate.
     *
     * @param rate the probability that an input element is zeroed in training
     * @return the layer
     * @throws IllegalArgumentException unless {@code rate} is in [0, 1)
     */
    public static MaskingNoise of(double rate) {
        return new MaskingNoise(rate);
    }

    @Override
    public String toString() {
        return "MaskingNoise(" + rate() + ")";
    }
}
