package com.postwarden.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * POSIX signal handling for the daemon. {@code sun.misc.Signal} (module jdk.unsupported) is the only way the JDK
 * offers to catch SIGHUP, and to turn SIGTERM into a drain that exits 0 instead of the JVM's default 143.
 */
final class Signals {
    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /** Runs {@code action} on its own thread each time the signal arrives. */
    static void on(String name, Runnable action) {
        try {
            Signal.handle(new Signal(name), signal -> new Thread(action, "signal-" + name).start());
        } catch (IllegalArgumentException e) {
            LOG.warn("signal {} cannot be handled on this platform: {}", name, e.getMessage());
        }
    }
}
