package io.syndata.spark;

import io.syndata.model.StageTask;
import io.syndata.model.SynthModel;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;

/**
 * The model and the {@link StageTask}s of the current run, once per executor JVM: every task of a
 * stage on this executor shares them. A new run (another name) drops the previous one's.
 */
final class TaskCache {
  private static String run;
  private static SynthModel model;
  private static final Map<Integer, StageTask> tasks = new HashMap<>();

  private TaskCache() {}

  static synchronized StageTask task(
      Settings settings, Broadcast<byte[]> modelFile, int stage, Broadcast<byte[]> input) {
    SynthModel m = model(settings, modelFile);
    return tasks.computeIfAbsent(
        stage, s -> new StageTask(m, settings.options(), s, input.value()));
  }

  static synchronized SynthModel model(Settings settings, Broadcast<byte[]> modelFile) {
    if (!settings.run().equals(run)) {
      model = null;
      tasks.clear();
      model = ModelBytes.load(modelFile.value());
      run = settings.run();
    }
    return model;
  }
}
