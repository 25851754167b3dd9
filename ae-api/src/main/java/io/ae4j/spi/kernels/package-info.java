/**
 * Element-wise kernels over row-major {@code float[]} arrays: activations, losses and optimizer
 * updates as plain loops, for every backend that keeps its tensors on the Java heap (the naive
 * and EJML backends). Matrix libraries do not offer these, so they are written once, here.
 * Ranges and shapes are the caller's to check; nothing here allocates.
 *
 * <p>Not part of the user API: the public classes here are for ae4j's backend modules, which
 * extend {@link io.ae4j.spi.kernels.HeapBackend} and call the kernels from their own.
 */
package io.ae4j.spi.kernels;
