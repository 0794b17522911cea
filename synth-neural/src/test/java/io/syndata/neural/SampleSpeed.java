package io.syndata.neural;

import io.syndata.model.ModelFile;
import io.syndata.model.SynthModel;
import io.syndata.model.TableModel;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Times the sampler of one {@code vaegan} table of a model file, by hand (not a test): the
 * decoder's forward pass alone and the whole {@link NeuralTableModel#sample}, in batches of the
 * partitioned plan's size, each for about {@code seconds} after a warm-up, and prints rows per
 * second; {@code threads N} runs the whole sampler on N threads at once, as the plan's workers do,
 * and prints their rows per second together.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -pl synth-neural -am -Dmdep.outputFile=cp.txt
 * java -cp synth-neural/target/classes:synth-neural/target/test-classes:$(cat cp.txt) \
 *     io.syndata.neural.SampleSpeed \
 *     adult.synth adult [seconds [forward|sample|threads N]]
 * </pre>
 */
final class SampleSpeed {
  private static final int BATCH = 10_000;

  private SampleSpeed() {}

  public static void main(String[] args) throws InterruptedException {
    SynthModel model = ModelFile.read(Path.of(args[0]));
    TableModel table = model.table(args[1]);
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
    if (!(table instanceof NeuralTableModel neural)) {
      throw new IllegalArgumentException(args[1] + " is not a vaegan table");
    }
    SplittableRandom random = new SplittableRandom(42);
    float[] input = new float[BATCH * neural.decoder.inputs()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) random.nextGaussian();
    }
    System.out.printf(
        "decoder %s, %d output slots%n",
        java.util.Arrays.toString(neural.decoder.sizes), neural.decoder.outputs());
    if (args.length < 4 || args[3].equals("forward")) {
      time("forward", seconds, () -> neural.decoder.forward(input, BATCH));
    }
    if (args.length < 4 || args[3].equals("sample")) {
      time("sample", seconds, () -> neural.sample(BATCH, new Object[0][], random));
    }
    if (args.length > 4 && args[3].equals("threads")) {
      parallel(neural, Integer.parseInt(args[4]), seconds, random);
    }
  }

  /**
   * The whole sampler on {@code n} threads, each with its own random stream, for {@code seconds}.
   */
  private static void parallel(NeuralTableModel neural, int n, double seconds, SplittableRandom r)
      throws InterruptedException {
    long[] rows = new long[n];
    Thread[] workers = new Thread[n];
    for (int t = 0; t < n; t++) {
      int k = t;
      SplittableRandom own = r.split();
      workers[t] =
          new Thread(
              () -> {
                long warm = System.nanoTime() + (long) (seconds / 2 * 1e9);
                while (System.nanoTime() < warm) {
                  neural.sample(BATCH, new Object[0][], own);
                }
                long end = System.nanoTime() + (long) (seconds * 1e9);
                while (System.nanoTime() < end) {
                  neural.sample(BATCH, new Object[0][], own);
                  rows[k] += BATCH;
                }
              });
    }
    long started = System.nanoTime();
    for (Thread w : workers) {
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    long total = java.util.Arrays.stream(rows).sum();
    double s = (System.nanoTime() - started) / 1e9 - seconds / 2;
    System.out.printf(
        "sample on %d threads %,10.0f rows/s wall (%,d rows in %.2f s)%n", n, total / s, total, s);
  }

  /**
   * Rows per second of wall time and per second of this thread's CPU time: on a machine shared with
   * other jobs the second is the steadier figure.
   */
  private static void time(String what, double seconds, Runnable batch) {
    for (long end = System.nanoTime() + (long) (seconds / 2 * 1e9); System.nanoTime() < end; ) {
      batch.run();
    }
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long rows = 0;
    while (System.nanoTime() - start < seconds * 1e9) {
      batch.run();
      rows += BATCH;
    }
    double s = (System.nanoTime() - start) / 1e9;
    double c = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    System.out.printf(
        "%-8s %,10.0f rows/s wall, %,10.0f rows/s of CPU (%,d rows in %.2f s, %.2f s CPU)%n",
        what, rows / s, rows / c, rows, s, c);
  }
}
