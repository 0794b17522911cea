package io.syndata.export;

import io.syndata.data.PartitionedTarget.Committed;
import io.syndata.data.RunFingerprint;
import io.syndata.data.TargetLock;
import io.syndata.schema.SynthException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The record of a partitioned run into a folder, kept in a hidden sibling of the folder ({@code
 * .NAME.syndata-run/}) until the run's files are in place: the plan's fingerprint, whether the
 * folder was absent or empty when the run began, whether the final files were being assembled, and
 * one line per committed partition with its part file's rows per table. The part files lie beside
 * it in {@code parts/}.
 *
 * <p>The record is a small text file ({@code run-record.txt}, tab-separated; table names never hold
 * tabs or line breaks, {@link Folders#checkFileNames}) replaced whole on every change: written to a
 * temporary name, forced to disk, and renamed over the old one, so that it is always either the
 * record before a partition's commit or the one after.
 */
final class FolderRunRecord {
  static final String SUFFIX = ".syndata-run";
  static final String FILE = "run-record.txt";
  private static final String HEADER = "syndata folder run 1";

  /** Run folders whose run this process is writing, continuing or undoing. */
  private static final Set<Path> OWNED = ConcurrentHashMap.newKeySet();

  private final Path dir;
  private final RunFingerprint fingerprint;
  private final boolean foundAbsent;
  private String holder;
  private boolean assembling;
  private final List<Committed> parts = new ArrayList<>();

  private FolderRunRecord(Path dir, RunFingerprint fingerprint, boolean foundAbsent) {
    this.dir = dir;
    this.fingerprint = fingerprint;
    this.foundAbsent = foundAbsent;
    this.holder = TargetLock.holder();
  }

  /** The hidden sibling that holds a folder's run record and part files. */
  static Path dirFor(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    return absolute.getParent().resolve("." + absolute.getFileName() + SUFFIX);
  }

  /** Whether this process holds the run whose record is in {@code dir}. */
  static boolean ownedHere(Path dir) {
    return OWNED.contains(dir.toAbsolutePath().normalize());
  }

  static void own(Path dir) {
    OWNED.add(dir.toAbsolutePath().normalize());
  }

  static void disown(Path dir) {
    OWNED.remove(dir.toAbsolutePath().normalize());
  }

  /** A new run's record, written (with its parts folder) before any part. */
  static FolderRunRecord create(Path dir, RunFingerprint fingerprint, boolean foundAbsent) {
    Folders.create(dir.resolve("parts"));
    FolderRunRecord r = new FolderRunRecord(dir, fingerprint, foundAbsent);
    r.save();
    return r;
  }

  /** The record in {@code dir}, if there is one. */
  static Optional<FolderRunRecord> read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
        throw new SynthException(
            "the run record "
                + file
                + " is not one this version writes: undo the run with --abort, or delete "
                + dir);
      }
      Map<String, String> fingerprint = new LinkedHashMap<>();
      String holder = "";
      boolean foundAbsent = true;
      boolean assembling = false;
      List<Committed> parts = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "holder" -> holder = f[1];
          case "found" -> foundAbsent = f[1].equals("absent");
          case "state" -> assembling = f[1].equals("assembling");
          case "fingerprint" -> fingerprint.put(f[1], f[2]);
          case "part" -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (int i = 3; i + 1 < f.length; i += 2) {
              rows.put(f[i], Long.parseLong(f[i + 1]));
            }
            parts.add(new Committed(Integer.parseInt(f[1]), Integer.parseInt(f[2]), rows));
          }
          default -> {
            // a line a later version added: ignored
          }
        }
      }
      FolderRunRecord r = new FolderRunRecord(dir, new RunFingerprint(fingerprint), foundAbsent);
      r.holder = holder;
      r.assembling = assembling;
      r.parts.addAll(parts);
      return Optional.of(r);
    } catch (IOException | RuntimeException e) {
      if (e instanceof SynthException se) {
        throw se;
      }
      throw new SynthException("cannot read the run record " + file + ": " + e.getMessage(), e);
    }
  }

  Path dir() {
    return dir;
  }

  RunFingerprint fingerprint() {
    return fingerprint;
  }

  boolean foundAbsent() {
    return foundAbsent;
  }

  synchronized boolean assembling() {
    return assembling;
  }

  synchronized String holder() {
    return holder;
  }

  /** The committed partitions in plan order: stage, then partition. */
  synchronized List<Committed> parts() {
    List<Committed> sorted = new ArrayList<>(parts);
    sorted.sort(Comparator.comparingInt(Committed::stage).thenComparingInt(Committed::partition));
    return sorted;
  }

  /** The part file of a partition. */
  Path partFile(int stage, int partition) {
    return dir.resolve("parts").resolve("s" + stage + "-p" + partition + ".rows");
  }

  /** Records a partition whose part file is in place. */
  synchronized void add(Committed partition) {
    parts.removeIf(c -> c.stage() == partition.stage() && c.partition() == partition.partition());
    parts.add(partition);
    save();
  }

  /** Records that this process now holds the run (a resume). */
  synchronized void takeOver() {
    holder = TargetLock.holder();
    save();
  }

  /** Records that the final files are being assembled from the parts. */
  synchronized void startAssembly() {
    assembling = true;
    save();
  }

  private void save() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    sb.append("holder\t").append(holder).append('\n');
    sb.append("found\t").append(foundAbsent ? "absent" : "empty").append('\n');
    sb.append("state\t").append(assembling ? "assembling" : "writing").append('\n');
    fingerprint
        .parts()
        .forEach(
            (k, v) -> sb.append("fingerprint\t").append(k).append('\t').append(v).append('\n'));
    for (Committed c : parts) {
      sb.append("part\t").append(c.stage()).append('\t').append(c.partition());
      new java.util.TreeMap<>(c.rows())
          .forEach((t, n) -> sb.append('\t').append(t).append('\t').append(n));
      sb.append('\n');
    }
    Path file = dir.resolve(FILE);
    Path tmp = dir.resolve(FILE + ".tmp");
    try {
      writeDurably(tmp, sb.toString().getBytes(StandardCharsets.UTF_8));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(dir);
    } catch (IOException e) {
      throw new SynthException("cannot write the run record " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes a file and forces it to disk before returning. */
  static void writeDurably(Path file, byte[] bytes) throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    }
  }

  /**
   * Forces a folder's entries (a rename) to disk where the platform allows opening a folder;
   * elsewhere the rename is as durable as the file system makes it.
   */
  static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a folder as a channel
    }
  }
}
