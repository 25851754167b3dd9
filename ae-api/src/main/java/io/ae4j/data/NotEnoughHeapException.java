package io.ae4j.data;

/**
 * Work refused before it started because its memory would not fit the Java heap: a network, a
 * batch, a data file or a table of results. The message says what needs how much and how much
 * Java may use; {@link #suggestedHeapGigabytes()} gives the {@code -Xmx} to try, for a program
 * or launcher that wants to phrase its own advice.
 */
public final class NotEnoughHeapException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The bytes the refused work needs. */
    private final long bytesNeeded;
    /** The heap, in whole GiB, to suggest. */
    private final long suggestedHeapGigabytes;

    NotEnoughHeapException(String message, long bytesNeeded, long suggestedHeapGigabytes) {
        super(message);
        this.bytesNeeded = bytesNeeded;
        this.suggestedHeapGigabytes = suggestedHeapGigabytes;
    }

    /**
     * The bytes the refused work needs.
     *
     * @return the bytes
     */
    public long bytesNeeded() {
        return bytesNeeded;
    }

    /**
     * A heap, in whole GiB, in which the work would fit: run with {@code -Xmx<this>g}.
     *
     * @return the heap, in GiB
     */
    public long suggestedHeapGigabytes() {
        return suggestedHeapGigabytes;
    }
}
