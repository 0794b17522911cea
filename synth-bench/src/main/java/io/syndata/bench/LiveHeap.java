package io.syndata.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The largest heap still in use right after a garbage collection during a run: what the run holds,
 * without the garbage that peak pool usage also counts.
 */
final class LiveHeap {
  private final AtomicLong peak = new AtomicLong();
  private final List<Runnable> removers = new ArrayList<>();

  private LiveHeap() {}

  static LiveHeap start() {
    LiveHeap live = new LiveHeap();
    NotificationListener listener =
        (notification, handback) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
              notification.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long used =
              info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                  .mapToLong(MemoryUsage::getUsed)
                  .sum();
          live.peak.accumulateAndGet(used, Math::max);
        };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      NotificationEmitter emitter = (NotificationEmitter) gc;
      emitter.addNotificationListener(listener, null, null);
      live.removers.add(
          () -> {
            try {
              emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
              // already gone
            }
          });
    }
    return live;
  }

  /** Stops listening and returns the peak in MiB. */
  double stop() {
    removers.forEach(Runnable::run);
    return peak.get() / 1048576.0;
  }
}
