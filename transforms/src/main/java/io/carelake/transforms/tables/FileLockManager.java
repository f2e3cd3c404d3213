package io.carelake.transforms.tables;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.iceberg.LockManager;

/**
 * Serialises the commits of the embedded (Hadoop) catalog across processes. Its commit checks that the
 * next metadata file does not exist and then renames onto it; a local rename replaces an existing file,
 * so two processes committing one version at once could both succeed and one commit would be lost. Here
 * that check-and-rename holds an operating-system lock on {@code metadata/.commit.lock} of the table (and
 * a lock within the JVM, which the operating system's lock does not exclude), so the second committer
 * finds the version taken and Iceberg retries it on the new metadata.
 *
 * <p>The entity Iceberg locks is the path of the metadata file it commits; its folder names the table.
 * The lake's catalog uses it only for a warehouse on a local or mounted filesystem, where such locks work.
 */
public final class FileLockManager implements LockManager {
  private static final long WAIT_SECONDS = 60;
  private static final long POLL_MILLIS = 20;
  private static final String LOCK_FILE = ".commit.lock";
  private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final Map<String, Held> held = new ConcurrentHashMap<>();

  private record Held(ReentrantLock jvmLock, FileChannel channel, FileLock lock) {}

  @Override
  public boolean acquire(String entityId, String ownerId) {
    Path lockFile = lockFileOf(entityId);
    ReentrantLock jvmLock = IN_JVM.computeIfAbsent(lockFile, path -> new ReentrantLock());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    try {
      if (!jvmLock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(lockFile.getParent());
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      // tryLock in a loop rather than lock(): a stuck holder must not stall every committer forever.
      for (FileLock lock = channel.tryLock(); ; lock = channel.tryLock()) {
        if (lock != null) {
          held.put(entityId + "\n" + ownerId, new Held(jvmLock, channel, lock));
          return true;
        }
        if (System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException | RuntimeException e) {
      // Not acquired: Iceberg fails this commit attempt and retries it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(channel);
    jvmLock.unlock();
    return false;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Closing releases any lock; nothing else to do.
      }
    }
  }

  @Override
  public boolean release(String entityId, String ownerId) {
    Held lock = held.remove(entityId + "\n" + ownerId);
    if (lock == null) {
      return false;
    }
    try (FileChannel channel = lock.channel()) {
      lock.lock().release();
      return true;
    } catch (IOException e) {
      return false;
    } finally {
      lock.jvmLock().unlock();
    }
  }

  @Override
  public void initialize(Map<String, String> properties) {}

  @Override
  public void close() {}

  private static Path lockFileOf(String entityId) {
    String path = entityId.startsWith("file:") ? entityId.substring("file:".length()) : entityId;
    return Paths.get(path).toAbsolutePath().getParent().resolve(LOCK_FILE);
  }
}
