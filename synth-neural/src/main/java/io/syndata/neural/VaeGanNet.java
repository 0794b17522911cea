package io.syndata.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.List;

/**
 * The encoder, decoder and discriminator of {@link VaeGan} with the masks their losses need, on the
 * device: the forward passes and the losses of one batch, built of DJL operations that autograd
 * differentiates. Every constant goes through {@link VaeGan#scalar}.
 */
record VaeGanNet(
    List<VaeGan.Layer> enc,
    List<VaeGan.Layer> dec,
    List<VaeGan.Layer> dis,
    NDArray logSigma,
    NDArray contMask,
    NDArray softMask,
    NDArray groups,
    float reconstructionWeight) {

  NDArray decode(NDArray z, NDArray c) {
    return forward(dec, join(z, c), false);
  }

  NDArray discriminate(NDArray rowVector, NDArray c) {
    return forward(dis, join(rowVector, c), true);
  }

  /** Rows from prior draws: continuous slots as decoded, one-hot groups as Gumbel-softmax. */
  NDArray fake(NDArray prior, NDArray c, NDArray gumbel) {
    NDArray out = decode(prior, c);
    if (groups == null) {
      return out;
    }
    NDArray e =
        out.add(gumbel)
            .div(VaeGan.scalar(prior.getManager(), VaeGan.TAU))
            .clip(-30, 30)
            .exp()
            .mul(softMask);
    NDArray sums = e.matMul(groups).matMul(groups.transpose()).add(contMask);
    return out.mul(contMask).add(e.div(sums));
  }

  /**
   * The loss of a batch averaged over its rows, then its reconstruction and KL summed over the rows
   * (for the divergence message).
   */
  NDArray[] vaeLoss(NDArray x, NDArray c, NDArray eps) {
    NDManager m = x.getManager();
    long b = x.getShape().get(0);
    int l = (int) (eps.getShape().get(1));
    NDArray stats = forward(enc, join(x, c), false);
    NDArray mu = stats.get(":, 0:" + l);
    NDArray logVar = stats.get(":, " + l + ":").clip(-10, 10);
    NDArray z = mu.add(logVar.mul(VaeGan.scalar(m, 0.5f)).exp().mul(eps));
    NDArray out = decode(z, c);
    NDArray reconstruction = reconstruction(x, out);
    NDArray kl = kl(m, mu, logVar);
    return new NDArray[] {
      reconstruction.mul(VaeGan.scalar(m, reconstructionWeight)).add(kl).div(VaeGan.scalar(m, b)),
      reconstruction,
      kl
    };
  }

  static NDArray kl(NDManager m, NDArray mu, NDArray logVar) {
    return logVar
        .add(VaeGan.scalar(m, 1))
        .sub(mu.square())
        .sub(logVar.exp())
        .sum()
        .mul(VaeGan.scalar(m, -0.5f));
  }

  /** Summed over the batch: Gaussian negative log-likelihood, then one-hot cross-entropy. */
  NDArray reconstruction(NDArray x, NDArray out) {
    NDManager m = x.getManager();
    NDArray ls = logSigma.clip(VaeGan.MIN_LOG_SIGMA, 0);
    NDArray two = VaeGan.scalar(m, 2);
    NDArray gaussian =
        x.sub(out).square().div(ls.mul(two).exp().mul(two)).add(ls).mul(contMask).sum();
    if (groups == null) {
      return gaussian;
    }
    NDArray logits = out.clip(-30, 30);
    NDArray logSumExp = logits.exp().mul(softMask).matMul(groups).log().sum();
    NDArray picked = logits.mul(x).mul(softMask).sum();
    return gaussian.add(logSumExp).sub(picked);
  }

  static NDArray join(NDArray a, NDArray c) {
    return c == null ? a : a.concat(c, 1);
  }

  static NDArray forward(List<VaeGan.Layer> layers, NDArray x, boolean leaky) {
    NDArray y = x;
    for (int i = 0; i < layers.size(); i++) {
      y = y.matMul(layers.get(i).w()).add(layers.get(i).b());
      if (i < layers.size() - 1) {
        y = leaky ? Activation.leakyRelu(y, VaeGan.LEAK) : Activation.relu(y);
      }
    }
    return y;
  }
}
