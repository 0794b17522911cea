package io.syndata.export;

import io.syndata.data.TargetLock;
import io.syndata.schema.Schema;
import io.syndata.schema.SynthException;
import io.syndata.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every folder target does the same way: refuse a folder that is not empty, write into a
 * hidden sibling and move it into place in one rename, delete it on abort.
 */
final class Folders {
  private static final Logger LOG = LoggerFactory.getLogger(Folders.class);

  private Folders() {}

  /** A hidden sibling of {@code folder}, unique to this run. */
  static Path stagingFor(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    return absolute
        .getParent()
        .resolve(
            "."
                + absolute.getFileName()
                + ".partial-"
                + UUID.randomUUID().toString().substring(0, 8));
  }

  /**
   * @throws SynthException naming the folder and its first entry when it is a file or not empty
   */
  static void checkEmpty(Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new SynthException(
          "output " + folder + " is a file, not a folder: choose a new or empty folder");
    }
    if (Files.isDirectory(folder)) {
      try (Stream<Path> entries = Files.list(folder)) {
        Optional<Path> first = entries.sorted().findFirst();
        if (first.isPresent()) {
          throw new SynthException(
              "output folder "
                  + folder
                  + " is not empty (it holds "
                  + first.get().getFileName()
                  + "): choose a new or empty folder");
        }
      } catch (IOException e) {
        throw new SynthException("cannot read output folder " + folder + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Takes a run's lock on an output folder — a hidden lock file beside it ({@code .NAME.lock}),
   * held until commit or abort — and then removes what runs into it that were killed left beside it
   * (their hidden staging folders): with the lock held, no live run owns one. A folder with the
   * record of an interrupted partitioned run beside it ({@link FolderRunRecord}) is refused, unless
   * this process is the one continuing that run.
   *
   * @throws SynthException naming the run that holds the lock, or the interrupted run
   */
  static TargetLock lock(Path folder, String describe) {
    Path absolute = folder.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    create(parent);
    TargetLock lock =
        TargetLock.file(parent.resolve("." + absolute.getFileName() + ".lock"), describe);
    Path run = FolderRunRecord.dirFor(absolute);
    if (Files.exists(run) && !FolderRunRecord.ownedHere(run)) {
      lock.close();
      throw interruptedRun(absolute);
    }
    String partial = "." + absolute.getFileName() + ".partial-";
    String replace = "." + absolute.getFileName() + ".replace-";
    try (Stream<Path> siblings = Files.list(parent)) {
      for (Path p :
          siblings
              .filter(
                  p ->
                      p.getFileName().toString().startsWith(partial)
                          || p.getFileName().toString().startsWith(replace))
              .toList()) {
        deleteQuietly(p);
        LOG.warn("removed {}, left by an earlier run into {} that did not finish", p, absolute);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not look for what earlier runs left beside {}: {}", absolute, e.getMessage());
    }
    return lock;
  }

  /** The refusal of a new run into a folder with an interrupted partitioned run beside it. */
  static SynthException interruptedRun(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    return new SynthException(
        "output folder "
            + absolute
            + " has an interrupted partitioned run (its record is "
            + FolderRunRecord.dirFor(absolute).getFileName()
            + " beside it): continue it with --resume or undo it with --abort");
  }

  /** Refuses table names that cannot be file names. */
  static void checkFileNames(Iterable<Table> tables, Path folder) {
    for (Table t : tables) {
      if (!t.name().matches("[^/\\\\:*?\"<>|\\x00-\\x1f]+") || t.name().startsWith(".")) {
        throw new SynthException(
            "table " + t.name() + " cannot be written as a file name in " + folder);
      }
    }
  }

  /** Moves the finished staging folder to {@code folder}, which must still be absent or empty. */
  static void moveIntoPlace(Path staging, Path folder) throws IOException {
    checkEmpty(folder);
    try {
      Files.deleteIfExists(folder);
    } catch (DirectoryNotEmptyException e) {
      checkEmpty(folder);
    }
    Files.createDirectories(folder.toAbsolutePath().getParent());
    Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes a folder and everything under it; logs instead of throwing (abort never throws). */
  static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not delete {}: {}", folder, e.getMessage());
    }
  }

  /** Creates a folder and its parents, or fails naming it. */
  static void create(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new SynthException("cannot create folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The schema's table a batch names; a table the target was not begun with is an error. */
  static Table table(Schema schema, String name, String target) {
    if (schema == null) {
      throw new IllegalStateException("write before begin() on " + target);
    }
    return schema
        .find(name)
        .orElseThrow(
            () ->
                new SynthException(
                    "table " + name + " was not part of the schema given to " + target));
  }
}
