package io.syndata.export;

import io.syndata.data.PartitionedTarget;
import io.syndata.data.RowBatch;
import io.syndata.data.RunFingerprint;
import io.syndata.data.Target;
import io.syndata.data.TargetLock;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder target of one or several formats that can also be written partition by partition ({@code
 * --writers}, {@code --resume}, {@code --abort}).
 *
 * <p>Begun with {@link #begin} it is the format's own target, all or nothing. Begun with {@link
 * #beginPartitioned} it writes each partition, on any writer thread, into a part file beside the
 * folder ({@link PartFile}, in {@code .NAME.syndata-run/parts/}) and records it in the run record
 * ({@link FolderRunRecord}); {@link #commit} then replays the parts in plan order, and the deferred
 * updates after them, into the format's own target — the calls a one-writer run makes, so the final
 * files are byte for byte those of a one-writer run — which moves the folder into place in one
 * rename, and the record and parts are deleted. A failed run keeps its record and parts for {@code
 * --resume} or {@link #abandon}.
 */
final class FolderRun implements PartitionedTarget {
  private static final Logger LOG = LoggerFactory.getLogger(FolderRun.class);

  private final Path folder;
  private final Path runDir;
  private final String formats;
  private final Map<String, String> options;
  private final Supplier<Target> open;
  private Target format;
  private boolean partitioned;
  private boolean finished;
  private Schema schema;
  private FolderRunRecord record;
  private TargetLock lock = TargetLock.none();
  private final List<Update> updates = new ArrayList<>();

  private record Update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {}

  /**
   * @param open opens the format's own target on the folder; called here, so that a bad folder or
   *     option fails at once, unless the folder has a run record beside it (a resume or abort), and
   *     then when the target is first needed
   */
  FolderRun(Path folder, List<String> formats, ExportOptions options, Supplier<Target> open) {
    this.folder = folder.toAbsolutePath().normalize();
    this.runDir = FolderRunRecord.dirFor(this.folder);
    this.formats = String.join(",", formats);
    this.options = new TreeMap<>(options.values());
    this.open = open;
    if (!Files.exists(runDir)) {
      this.format = open.get();
    }
  }

  private Target format() {
    if (format == null) {
      format = open.get();
    }
    return format;
  }

  @Override
  public void begin(Schema s) {
    format().begin(s);
  }

  @Override
  public void write(RowBatch batch) {
    format().write(batch);
  }

  @Override
  public void beginPartition(int stage, int partition) {
    format().beginPartition(stage, partition);
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    if (!partitioned) {
      format().update(batch, keyColumns, rowIndex);
      return;
    }
    // Held until the parts are replayed; the batch's arrays may be reused by its maker.
    Object[][] values = new Object[batch.values().length][];
    for (int c = 0; c < values.length; c++) {
      values[c] = java.util.Arrays.copyOf(batch.values()[c], batch.size());
    }
    updates.add(
        new Update(
            new RowBatch(batch.table(), batch.columns(), values, batch.size()),
            List.copyOf(keyColumns),
            rowIndex.clone()));
  }

  @Override
  public List<Committed> beginPartitioned(Schema s, RunFingerprint fingerprint, boolean resume) {
    if (schema != null) {
      throw new IllegalStateException("beginPartitioned() was called twice on " + describe());
    }
    Folders.checkFileNames(s.tables(), folder);
    RunFingerprint full = withFormats(fingerprint);
    boolean recorded = Files.exists(runDir);
    if (recorded && !resume) {
      throw Folders.interruptedRun(folder);
    }
    FolderRunRecord.own(runDir);
    try {
      lock = Folders.lock(folder, describe());
      List<Committed> done;
      if (recorded) {
        record =
            FolderRunRecord.read(runDir)
                .orElseThrow(
                    () ->
                        new SynthException(
                            runDir
                                + " holds no run record: delete it, or undo the run with --abort"));
        full.requireSameAs(record.fingerprint(), describe());
        if (record.assembling()) {
          // Killed after the finished folder was moved into place, before the record was deleted:
          // assembled again from the same parts, to the same files.
          restoreFound(folder, record);
        }
        Folders.checkEmpty(folder);
        deleteTemporaryParts();
        record.takeOver();
        done = record.parts();
      } else {
        Folders.checkEmpty(folder);
        record = FolderRunRecord.create(runDir, full, !Files.exists(folder));
        done = List.of();
      }
      this.schema = s;
      this.partitioned = true;
      return done;
    } catch (RuntimeException e) {
      lock.close();
      FolderRunRecord.disown(runDir);
      throw e;
    }
  }

  /** The plan's fingerprint with what decides the bytes of the files: formats and options. */
  private RunFingerprint withFormats(RunFingerprint plan) {
    Map<String, String> parts = new LinkedHashMap<>(plan.parts());
    parts.put("formats", formats);
    parts.put("export options", options.toString().replace("\t", "\\t").replace("\r", "\\r"));
    return new RunFingerprint(parts);
  }

  @Override
  public PartitionWriter openWriter() {
    if (!partitioned) {
      throw new IllegalStateException("openWriter() before beginPartitioned() on " + describe());
    }
    return new PartitionWriter() {
      @Override
      public void write(Committed partition, List<RowBatch> batches) {
        PartFile.write(record.partFile(partition.stage(), partition.partition()), schema, batches);
        record.add(partition);
      }

      @Override
      public void close() {
        // nothing held between partitions
      }
    };
  }

  /**
   * Replays the committed parts in plan order, then the deferred updates, into the format's own
   * target, which moves the finished folder into place; then deletes the record and parts.
   */
  @Override
  public void commit() {
    if (!partitioned) {
      format().commit();
      return;
    }
    record.startAssembly();
    // The format's target takes the folder's lock itself (this process owns the record).
    lock.close();
    Target target = format();
    try {
      target.begin(schema);
      for (Committed c : record.parts()) {
        target.beginPartition(c.stage(), c.partition());
        PartFile.read(record.partFile(c.stage(), c.partition()), schema, target::write);
      }
      for (Update u : updates) {
        target.update(u.batch(), u.keyColumns(), u.rowIndex());
      }
      target.commit();
    } catch (RuntimeException | Error e) {
      target.abort();
      throw e;
    }
    finished = true;
    Folders.deleteQuietly(runDir);
    FolderRunRecord.disown(runDir);
  }

  /** A partitioned run keeps its record and parts (for --resume or --abort); else all goes. */
  @Override
  public void abort() {
    if (!partitioned) {
      if (format != null) {
        format.abort();
      }
      return;
    }
    if (finished) {
      return;
    }
    finished = true;
    deleteTemporaryParts();
    lock.close();
    FolderRunRecord.disown(runDir);
    LOG.warn(
        "the run into {} stopped; the partitions it committed stay beside it in {}: continue it"
            + " with --resume, or undo it with --abort",
        folder,
        runDir);
  }

  @Override
  public String abandon() {
    String done = abandon(folder, describe());
    finished = true;
    return done;
  }

  /**
   * Undoes the interrupted run recorded beside {@code folder} (its files need not be empty or
   * openable: a finished export is refused only for lack of a record).
   */
  static String abandon(Path folder, String describe) {
    Path absolute = folder.toAbsolutePath().normalize();
    Path runDir = FolderRunRecord.dirFor(absolute);
    if (!Files.exists(runDir)) {
      throw new SynthException(
          describe + " records no interrupted run: there is nothing to --abort");
    }
    FolderRunRecord.own(runDir);
    try (TargetLock held = Folders.lock(absolute, describe)) {
      FolderRunRecord record = FolderRunRecord.read(runDir).orElse(null);
      int parts = record == null ? 0 : record.parts().size();
      if (record != null && record.assembling()) {
        restoreFound(absolute, record);
      }
      Folders.deleteQuietly(runDir);
      if (Files.exists(runDir)) {
        throw new SynthException("cannot delete " + runDir + ": delete it by hand");
      }
      return "undid the interrupted run into "
          + absolute
          + ": deleted its record and "
          + parts
          + " committed partitions; the folder is "
          + (Files.exists(absolute) ? "empty" : "absent")
          + ", as the run found it";
    } finally {
      FolderRunRecord.disown(runDir);
    }
  }

  /**
   * Puts the folder back as the run found it (absent or empty), when the run had moved its files
   * into place: only this run can have written there, since the record refuses every other run.
   */
  private static void restoreFound(Path folder, FolderRunRecord record) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    LOG.warn("removing the files the interrupted run had moved into {}", folder);
    if (record.foundAbsent()) {
      Folders.deleteQuietly(folder);
      return;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      entries.toList().forEach(Folders::deleteQuietly);
    } catch (IOException e) {
      throw new SynthException("cannot empty " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Part files a killed writer left under their temporary names. */
  private void deleteTemporaryParts() {
    Path parts = runDir.resolve("parts");
    if (!Files.isDirectory(parts)) {
      return;
    }
    try (Stream<Path> files = Files.list(parts)) {
      for (Path p : files.toList()) {
        if (p.getFileName().toString().startsWith(".tmp-")) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      LOG.warn("could not tidy {}: {}", parts, e.getMessage());
    }
  }

  @Override
  public String describe() {
    return format != null ? format.describe() : formats + " folder " + folder;
  }

  @Override
  public void close() {
    if (partitioned) {
      if (!finished) {
        abort();
      }
      if (format != null) {
        format.close();
      }
      return;
    }
    if (format != null) {
      format.close();
    }
  }
}
