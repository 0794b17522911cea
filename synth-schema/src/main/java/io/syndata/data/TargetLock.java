package io.syndata.data;

import io.syndata.schema.SynthException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A run's hold on its target, taken by {@link Target#begin} and released by commit or abort, so
 * that a second run into the same target fails at once instead of mixing its rows with the first's.
 *
 * <p>A lock file is locked through the operating system ({@link FileChannel#tryLock()}), which
 * releases it when the process dies: a killed run never leaves a lock that blocks the next. While
 * held, the file holds the holder's process id, host and start time for the message the next run
 * prints; it stays, empty, after release. Targets that only this process can see (in-memory
 * databases) are locked in process; database servers lock on the server (the connectors do that and
 * wrap the release here).
 */
public final class TargetLock implements AutoCloseable {
  private static final Map<String, String> IN_PROCESS = new ConcurrentHashMap<>();
  private static final TargetLock NONE = new TargetLock(() -> {});

  /** Releases the lock; failures are the releaser's to swallow. */
  @FunctionalInterface
  public interface Release {
    void release() throws Exception;
  }

  private final Release release;
  private boolean released;

  private TargetLock(Release release) {
    this.release = release;
  }

  /** No lock: nothing to release. */
  public static TargetLock none() {
    return NONE;
  }

  /** A lock held elsewhere (a database session), released by {@code release}. */
  public static TargetLock held(Release release) {
    return new TargetLock(release);
  }

  /** This process and host, for lock files and messages: {@code pid 1234 on host since ...}. */
  public static String holder() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "this host";
    }
    return "pid "
        + ProcessHandle.current().pid()
        + " on "
        + host
        + " since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * The failure of a run that finds its target locked.
   *
   * @param target the target as messages name it
   * @param holder who holds it, when known (empty otherwise)
   */
  public static SynthException inUse(String target, String holder) {
    return new SynthException(
        "target "
            + target
            + " is in use by another run"
            + (holder.isBlank() ? "" : " (" + holder + ")")
            + ": wait for it to finish or stop it, or choose another target");
  }

  /**
   * Locks a target that only this process can reach, by a key that names it.
   *
   * @throws SynthException when another target of this process holds it
   */
  public static TargetLock inProcess(String key, String target) {
    String other = IN_PROCESS.putIfAbsent(key, holder());
    if (other != null) {
      throw inUse(target, other + ", in this process");
    }
    return new TargetLock(() -> IN_PROCESS.remove(key));
  }

  /**
   * Locks a target through a lock file, created when absent. The file is kept after release:
   * deleting it would let a run that opened it just before lock a file no longer at the path, while
   * a third run locks a new one.
   *
   * @throws SynthException naming the holder when another process, or another target of this one,
   *     holds it
   */
  public static TargetLock file(Path lockFile, String target) {
    Path key = lockFile.toAbsolutePath().normalize();
    // Checked before the file is opened: closing any descriptor of a file releases the process's
    // locks on it, so a second target of this process must not even open it.
    String other = IN_PROCESS.putIfAbsent("file:" + key, holder());
    if (other != null) {
      throw inUse(target, other + ", in this process");
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(target, firstLine(channel));
      }
      byte[] me = (holder() + "\n").getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me), 0);
      channel.force(false);
      FileChannel held = channel;
      return new TargetLock(
          () -> {
            try {
              held.truncate(0);
              lock.release();
              held.close();
            } finally {
              IN_PROCESS.remove("file:" + key);
            }
          });
    } catch (IOException | RuntimeException e) {
      IN_PROCESS.remove("file:" + key);
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // the failure below says enough
        }
      }
      if (e instanceof SynthException se) {
        throw se;
      }
      throw new SynthException("cannot lock " + key + " for " + target + ": " + e.getMessage(), e);
    }
  }

  private static String firstLine(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(512);
    channel.read(buffer, 0);
    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    return end < 0 ? text.strip() : text.substring(0, end).strip();
  }

  /** Releases the lock; once, and never throwing. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      release.release();
    } catch (Exception e) {
      // A lock that cannot be released is released by the process's end or the session's close.
    }
  }
}
