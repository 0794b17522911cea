package io.syndata.export;

import io.syndata.data.RowBatch;
import io.syndata.data.Target;
import io.syndata.data.TargetLock;
import io.syndata.schema.Schema;
import io.syndata.schema.SchemaFile;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;

/**
 * {@code --overwrite}: writes a new export beside an earlier one and swaps them on commit, so the
 * folder holds the old files or the new ones, never a mix, and a failed run leaves the old ones.
 * Only a folder an earlier export wrote (it holds SynData's {@code schema.json}) is replaced: any
 * other folder that is not empty is refused, so a mistyped target never deletes someone's files.
 */
final class ReplacingTarget implements Target {
  private final Path folder;
  private final Path work;
  private final Target fresh;
  private TargetLock lock = TargetLock.none();
  private boolean finished;

  private ReplacingTarget(Path folder, Path work, Target fresh) {
    this.folder = folder;
    this.work = work;
    this.fresh = fresh;
  }

  /**
   * A target replacing {@code folder} when it holds an earlier export, else {@code empty} opened on
   * the folder itself (absent or empty).
   *
   * @param open opens the formats' target on a folder
   */
  static Target open(Path folder, java.util.function.Function<Path, Target> open) {
    Path absolute = folder.toAbsolutePath().normalize();
    if (!isNonEmptyFolder(absolute)) {
      return open.apply(absolute);
    }
    Path schema = absolute.resolve(CsvFolderTarget.SCHEMA_FILE);
    boolean earlierExport = false;
    if (Files.isRegularFile(schema)) {
      try {
        SchemaFile.read(schema);
        earlierExport = true;
      } catch (SynthException e) {
        earlierExport = false;
      }
    }
    if (!earlierExport && !hasFormatSubfolderExport(absolute)) {
      throw new SynthException(
          "output folder "
              + absolute
              + " is not empty and is not an earlier SynData export (it holds no schema.json):"
              + " --overwrite only replaces such a folder; choose a new or empty folder");
    }
    Path work =
        absolute
            .getParent()
            .resolve(
                "."
                    + absolute.getFileName()
                    + ".replace-"
                    + UUID.randomUUID().toString().substring(0, 8));
    return new ReplacingTarget(absolute, work, open.apply(work.resolve(absolute.getFileName())));
  }

  private static boolean isNonEmptyFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (var entries = Files.list(folder)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new SynthException("cannot read output folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** An export of several formats keeps a schema.json in each format's subfolder. */
  private static boolean hasFormatSubfolderExport(Path folder) {
    for (String format : Exporters.available()) {
      if (Files.isRegularFile(folder.resolve(format).resolve(CsvFolderTarget.SCHEMA_FILE))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void begin(Schema schema) {
    lock = Folders.lock(folder, describe());
    Folders.create(work);
    fresh.begin(schema);
  }

  @Override
  public void write(RowBatch batch) {
    fresh.write(batch);
  }

  @Override
  public void beginPartition(int stage, int partition) {
    fresh.beginPartition(stage, partition);
  }

  @Override
  public void update(RowBatch batch, List<String> keyColumns, long[] rowIndex) {
    fresh.update(batch, keyColumns, rowIndex);
  }

  @Override
  public void commit() {
    fresh.commit();
    Path old = work.resolve("old");
    try {
      Files.move(folder, old, StandardCopyOption.ATOMIC_MOVE);
      try {
        Files.move(work.resolve(folder.getFileName()), folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        Files.move(old, folder, StandardCopyOption.ATOMIC_MOVE);
        throw e;
      }
    } catch (IOException e) {
      throw new SynthException(
          "cannot replace " + folder + " with the new export: " + e.getMessage(), e);
    } finally {
      finished = true;
      Folders.deleteQuietly(work);
      lock.close();
    }
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    fresh.abort();
    Folders.deleteQuietly(work);
    lock.close();
  }

  @Override
  public String describe() {
    return folder + " (replacing the earlier export)";
  }

  @Override
  public void close() {
    if (!finished) {
      abort();
    }
    fresh.close();
  }
}
