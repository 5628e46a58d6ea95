package com.postwarden.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.security.auth.module.UnixSystem;

/**
 * The Postfix binaries of the machine (Debian layout), used only to run private instances.
 * The system instance under /etc/postfix is never read for configuration nor changed.
 */
final class PostfixInstallation {

    static final String SETUP_HINT =
            "run scripts/setup-test-env.sh as root (it installs postfix and swaks from Debian packages "
                    + "without configuring or starting the system instance)";

    private static final PostfixInstallation DEBIAN =
            new PostfixInstallation(Path.of("/usr/sbin"), Path.of("/usr/lib/postfix/sbin"));

    private final Path commandDirectory;
    private final Path daemonDirectory;

    PostfixInstallation(Path commandDirectory, Path daemonDirectory) {
        this.commandDirectory = commandDirectory;
        this.daemonDirectory = daemonDirectory;
    }

    static PostfixInstallation debian() {
        return DEBIAN;
    }

    /**
     * Fails with a message that says how to fix the machine when Postfix is missing or the
     * tests do not run as root (the master refuses to start otherwise, and its daemons must
     * switch to the {@code postfix} user).
     */
    PostfixInstallation verify() {
        for (Path required : new Path[] {postfix(), postqueue(), postconf(), master()}) {
            if (!Files.isExecutable(required)) {
                throw new IllegalStateException("Postfix is not installed: " + required + " is missing; "
                        + SETUP_HINT);
            }
        }
        if (new UnixSystem().getUid() != 0) {
            throw new IllegalStateException("private Postfix instances need root (the master daemon runs as "
                    + "root and its children as the postfix user), but the tests run as '"
                    + System.getProperty("user.name") + "'; run scripts/test.sh as root");
        }
        return this;
    }

    Path postfix() {
        return commandDirectory.resolve("postfix");
    }

    Path postqueue() {
        return commandDirectory.resolve("postqueue");
    }

    Path postconf() {
        return commandDirectory.resolve("postconf");
    }

    Path master() {
        return daemonDirectory.resolve("master");
    }
}
