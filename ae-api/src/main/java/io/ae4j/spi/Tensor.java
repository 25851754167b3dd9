package io.ae4j.spi;

/**
 * A row-major float32 matrix that lives in a backend's own memory.
 *
 * <p>Tensors are opaque: only the {@link Backend} that created one reads or writes its values,
 * and values cross to and from Java arrays only through {@link Backend#write} and
 * {@link Backend#read}. A tensor's shape never changes.
 */
public interface Tensor {

    /**
     * Number of rows.
     *
     * @return the rows
     */
    int rows();

    /**
     * Number of columns.
     *
     * @return the columns
     */
    int cols();

    /**
     * Number of elements, {@code rows() * cols()}.
     *
     * @return the elements
     */
    default int size() {
        return rows() * cols();
    }
}
