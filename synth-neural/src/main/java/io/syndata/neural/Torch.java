package io.syndata.neural;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.syndata.schema.SynthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PyTorch through DJL, offline: the native library is taken from the {@code pytorch-native-*} jar
 * on the class path and never downloaded.
 */
final class Torch {
  private static final Logger LOG = LoggerFactory.getLogger(Torch.class);
  static final String NATIVE_ARTIFACT = "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64";
  private static Engine engine;
  private static int threads = -1;

  private Torch() {}

  /**
   * The PyTorch engine, started once per JVM with {@code threads} intra-op threads (PyTorch allows
   * setting them only before its first operation; later calls keep the first count).
   */
  static synchronized Engine engine(int requestedThreads) {
    if (engine == null) {
      // Before DJL's first class is initialised: never download, use the jar's native library.
      System.setProperty("ai.djl.offline", "true");
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(requestedThreads));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      try {
        engine = Engine.getEngine("PyTorch");
      } catch (RuntimeException | UnsatisfiedLinkError | NoClassDefFoundError e) {
        throw new SynthException(
            "the vaegan model needs PyTorch's native library, which was not found on the class path"
                + " (offline, nothing is downloaded): add "
                + NATIVE_ARTIFACT
                + " or a CUDA flavour, see docs/neural.md ("
                + e.getMessage()
                + ")");
      }
      threads = requestedThreads;
      LOG.debug("PyTorch {} with {} intra-op threads", engine.getVersion(), threads);
    } else if (requestedThreads != threads) {
      LOG.warn(
          "PyTorch already runs with {} threads in this process; threads={} is ignored",
          threads,
          requestedThreads);
    }
    return engine;
  }

  /** The device to train on; fails with one line when a GPU is asked for and none is seen. */
  static Device device(Engine engine, NeuralOptions.Device wanted) {
    int gpus = engine.getGpuCount();
    return switch (wanted) {
      case CPU -> Device.cpu();
      case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
      case GPU -> {
        if (gpus == 0) {
          throw new SynthException(
              "--device gpu: PyTorch sees no GPU; it needs an NVIDIA driver and DJL's CUDA flavour"
                  + " (ai.djl.pytorch:pytorch-native-cu1xx) on the class path, see docs/neural.md");
        }
        yield Device.gpu();
      }
    };
  }
}
