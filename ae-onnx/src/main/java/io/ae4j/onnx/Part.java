package io.ae4j.onnx;

import java.util.Locale;

/** Which part of an autoencoder an ONNX file holds, and the names of its graph's inputs and outputs. */
public enum Part {

    /** Raw rows in ({@value #INPUT}), codes out ({@value #CODE}): what {@code ae encode} writes. */
    ENCODER,

    /** Codes in ({@value #CODE}), rows in the data's units out ({@value #RECONSTRUCTION}). */
    DECODER,

    /**
     * Raw rows in ({@value #INPUT}); their reconstructions ({@value #RECONSTRUCTION}), as
     * {@code ae reconstruct} writes them, and each row's reconstruction error ({@value #ERROR}),
     * as {@code ae score} computes it, out.
     */
    FULL;

    /** The graph input holding rows of data, in the units of the data as read. */
    public static final String INPUT = "input";
    /** The encoder's output and the decoder's input. */
    public static final String CODE = "code";
    /** The decoder's output, in the units of the data as read. */
    public static final String RECONSTRUCTION = "reconstruction";
    /** Each row's mean loss between its (scaled) values and their reconstruction: the anomaly score. */
    public static final String ERROR = "error";

    /**
     * The lower-case name the command line takes: {@code encoder}, {@code decoder} or {@code full}.
     *
     * @return the name
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The part named {@code id} as {@link #id()} spells it.
     *
     * @param id {@code encoder}, {@code decoder} or {@code full}
     * @return that part
     * @throws IllegalArgumentException for any other name, listing the names there are
     */
    public static Part named(String id) {
        for (Part part : values()) {
            if (part.id().equals(id)) {
                return part;
            }
        }
        throw new IllegalArgumentException("unknown part '" + id + "'; use encoder, decoder or full");
    }
}
