package io.pantrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine the load ran on, so that a figure can be read with what else was competing for it. */
final class Machine {

    private Machine() {
    }

    /** The 1-minute load average, to show when other processes were competing for the cores. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The report's last line; the load generator and the server share the cores. */
    static String describe(String loadBefore) {
        return String.format(Locale.ROOT, "machine     %d cpus shared with the load generator; load average %s before, %s after",
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
    }
}
