/**
 * The {@code vaegan} model kind: a conditional variational autoencoder whose decoder is sharpened
 * by a GAN discriminator, trained with DJL on PyTorch and sampled in plain Java.
 */
package io.syndata.neural;
