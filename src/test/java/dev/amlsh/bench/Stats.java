package dev.amlsh.bench;

import java.util.Arrays;
import java.util.Locale;

/** Nanosecond samples and their percentiles, printed as {@code key.p50=1.23} lines (milliseconds) for scripts/bench. */
record Stats(String key, long[] nanos) {
    static Stats of(String key, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Stats(key, sorted);
    }

    double percentileMillis(double p) {
        int i = (int) Math.ceil(p / 100.0 * nanos.length) - 1;
        return nanos[Math.max(0, Math.min(nanos.length - 1, i))] / 1e6;
    }

    String lines() {
        return String.format(Locale.ROOT, "%s.p50=%.2f%n%s.p99=%.2f%n%s.n=%d%n",
                key, percentileMillis(50), key, percentileMillis(99), key, nanos.length);
    }
}
