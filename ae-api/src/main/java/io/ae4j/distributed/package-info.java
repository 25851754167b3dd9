/**
 * For distributed training engines, such as ae-spark's: not for ordinary use, where
 * {@link io.ae4j.Autoencoder#fit(io.ae4j.data.FloatMatrix, io.ae4j.train.FitConfig) Autoencoder.fit}
 * trains a model on this machine.
 *
 * <p>A distributed engine runs the training loop on a driver and the work of each batch on replicas
 * of the model elsewhere. {@link DistributedTraining}, which
 * {@link io.ae4j.Autoencoder#distributedTraining()} gives, is what the engine drives each replica
 * through: the gradients of a batch without applying them, an optimizer step from given gradients,
 * mini-batch steps over a partition, and every parameter and all optimizer state as flat arrays
 * ({@link TrainingState}) to ship between machines. The engine's steps join the driver's training
 * loop as a {@link StepSource}, so that listeners, early stopping, the divergence guard and the
 * history work as they do locally.
 */
package io.ae4j.distributed;
