package com.postwarden.e2e;

import java.io.IOException;

/** Starting a test peer so that a failed start never leaves it running. */
final class Startup {
    private Startup() {
    }

    /** What starts the resource and returns it. */
    interface Start<T> {
        T start() throws IOException, InterruptedException;
    }

    /** Runs {@code start}; if it fails, closes {@code resource} and rethrows, keeping a close failure as suppressed. */
    static <T extends AutoCloseable> T orClose(T resource, Start<T> start) throws IOException, InterruptedException {
        try {
            return start.start();
        } catch (IOException | RuntimeException | InterruptedException e) {
            try {
                resource.close();
            } catch (Exception closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }
}
