package io.syndata.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code rate} requests per second sustained, bursts of twice that. Over
 * the limit a request answers 429 with how long to wait.
 */
final class RateLimiter {
  private final double rate;
  private final double burst;
  private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

  RateLimiter(double rate) {
    this.rate = rate;
    this.burst = Math.max(1, rate * 2);
  }

  /** Takes a token of the key's bucket; throws 429 when there is none. */
  void acquire(String key) {
    double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, System.nanoTime()});
    synchronized (b) {
      double now = System.nanoTime();
      b[0] = Math.min(burst, b[0] + (now - b[1]) / 1e9 * rate);
      b[1] = now;
      if (b[0] < 1) {
        long wait = (long) Math.ceil((1 - b[0]) / rate);
        throw new ApiError(
            429,
            "rate_limited",
            "this key may make "
                + rate
                + " requests per second (bursts of "
                + (long) burst
                + "); retry in "
                + Math.max(1, wait)
                + " s");
      }
      b[0] -= 1;
    }
  }
}
