package io.syndata.export;

import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Several formats in one run: every call goes to each format's target, each writing a subfolder of
 * one staging folder, which moves into place once all have committed — all formats or none.
 */
final class FanOutTarget implements Target {
  private final Path folder;
  private final Path staging;
  private final List<Target> targets;
  private boolean finished;
  private io.syndata.data.TargetLock lock = io.syndata.data.TargetLock.none();

  FanOutTarget(Path folder, Path staging, List<Target> targets) {
    this.folder = folder;
    this.staging = staging;
    this.targets = List.copyOf(targets);
  }

  @Override
  public void begin(Schema schema) {
    lock = Folders.lock(folder, folder.toString());
    Folders.checkEmpty(folder);
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new SynthException("cannot create folder " + staging + ": " + e.getMessage(), e);
    }
    targets.forEach(t -> t.begin(schema));
  }

  @Override
  public void write(RowBatch batch) {
    targets.forEach(t -> t.write(batch));
  }

  @Override
  public void beginPartition(int stage, int partition) {
    targets.forEach(t -> t.beginPartition(stage, partition));
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    targets.forEach(t -> t.update(batch, keyColumns, rowIndex));
  }

  @Override
  public void commit() {
    targets.forEach(Target::commit);
    // A format that locks its folder (csv) leaves its lock file beside it, here inside this run's
    // own staging folder: nothing else can hold it, and it must not end up in the output.
    try (java.util.stream.Stream<Path> files = Files.list(staging)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".lock")) {
          Files.deleteIfExists(p);
        }
      }
    } catch (java.io.IOException e) {
      throw new SynthException("cannot tidy " + staging + ": " + e.getMessage(), e);
    }
    try {
      Folders.moveIntoPlace(staging, folder);
      finished = true;
      lock.close();
    } catch (IOException e) {
      throw new SynthException("cannot write " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    targets.forEach(Target::abort);
    Folders.deleteQuietly(staging);
    lock.close();
  }

  @Override
  public String describe() {
    return String.join(", ", targets.stream().map(Target::describe).toList());
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
  }
}
