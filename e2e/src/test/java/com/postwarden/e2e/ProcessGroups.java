package com.postwarden.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes of one process group, read from /proc. The Postfix master becomes a session and
 * process-group leader, and every daemon it spawns stays in its group, so the group is the
 * complete set of processes that belong to one private instance.
 */
final class ProcessGroups {

    private static final Path PROC = Path.of("/proc");

    private ProcessGroups() {}

    /** PIDs of live (not zombie) processes whose process group is {@code pgid}. */
    static List<Long> liveMembers(long pgid) {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                String stat = readStat(entry.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                // Format: pid (comm) state ppid pgrp ... ; comm may contain spaces and ')'.
                String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                String state = rest[0];
                long group = Long.parseLong(rest[2]);
                if (group == pgid && !state.equals("Z") && !state.equals("X")) {
                    members.add(Long.parseLong(entry.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list processes in /proc", e);
        }
        return members;
    }

    /**
     * Waits up to {@code grace} for the group to exit on its own, then kills what is left with
     * SIGKILL and waits again briefly. Returns the PIDs that had to be killed.
     */
    static List<Long> awaitExitOrKill(long pgid, Duration grace) throws InterruptedException {
        if (awaitEmpty(pgid, grace)) {
            return List.of();
        }
        List<Long> leftovers = liveMembers(pgid);
        for (long pid : leftovers) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (!awaitEmpty(pgid, Duration.ofSeconds(5))) {
            throw new IllegalStateException("processes of group " + pgid + " survived SIGKILL: "
                    + liveMembers(pgid));
        }
        return leftovers;
    }

    private static boolean awaitEmpty(long pgid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!liveMembers(pgid).isEmpty()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private static String readStat(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException e) {
            return null; // the process exited while we were looking (ENOENT or ESRCH)
        }
    }
}
