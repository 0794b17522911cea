package io.syndata.engine;

import io.syndata.data.Progress;
import io.syndata.model.GenerationOptions;
import io.syndata.model.GenerationResult;
import io.syndata.schema.SynthException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * An engine that runs a model file's generation plan elsewhere than on this JVM's threads — Apache
 * Spark, in module synth-spark — found by {@link ServiceLoader} under its name when its jars are on
 * the class path, so that neither the command line nor this module depends on it. The same model
 * file, options and seed give the same rows as {@link SynData#generate}.
 */
public interface GenerationEngine {
  /** The name {@code --engine} selects it by. */
  String name();

  /**
   * Generates every table of the model file into the target.
   *
   * @throws SynthException in one line naming the option or table at fault
   */
  GenerationResult generate(Run run, Progress progress);

  /**
   * Opens a source read through this engine, for {@code synth train --engine}: the engine's own
   * readers (Spark's partitioned JDBC reads, Parquet on a cluster's storage) instead of this JVM's.
   * Closing the source releases what the engine started for it.
   *
   * @param master where the engine runs; empty for its own default
   * @throws SynthException when this engine does not read sources, or the location cannot be read
   */
  default io.syndata.data.Source openSource(SourceSpec spec, Optional<String> master) {
    throw new SynthException(
        "--engine " + name() + " generates only; train with the native engine");
  }

  /**
   * One generation.
   *
   * @param modelFile a model file written by {@code synth train}
   * @param target a folder (one subfolder per table) or a {@code jdbc:} URL
   * @param format parquet, csv or json for a folder; jdbc for a {@code jdbc:} URL
   * @param master where the engine runs (for Spark: {@code local[2]}, {@code yarn}, {@code
   *     spark://host:7077}, {@code k8s://https://host}); empty for the engine's own default
   * @param options rows, scale and seed (threads are the engine's business)
   */
  record Run(
      Path modelFile,
      String target,
      String format,
      Optional<String> master,
      GenerationOptions options) {}

  /**
   * The installed engine of this name.
   *
   * @throws SynthException naming the engines installed when none has this name
   */
  static GenerationEngine named(String name) {
    List<String> names = new ArrayList<>();
    for (GenerationEngine e : ServiceLoader.load(GenerationEngine.class)) {
      if (e.name().equals(name)) {
        return e;
      }
      names.add(e.name());
    }
    throw new SynthException(
        "--engine "
            + name
            + " is not on the class path"
            + (names.isEmpty() ? "" : " (installed: " + names + ")")
            + ": run ./synth, which adds synth-spark and Spark when --engine spark is given, after"
            + " mvn package -pl synth-spark -am");
  }
}
