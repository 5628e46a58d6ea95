package com.postwarden.scan;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.heuristic.ArchiveEvents;
import com.postwarden.scan.internal.heuristic.Heuristic;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heuristics of one engine with their configured levels, turning detection names into verdicts: malicious
 * ones into {@link Verdict.Infected}, suspicious ones into {@link Verdict.Suspicious}; detections that are off are
 * dropped, and a heuristic whose detections are all off is not run at all. Immutable, thread-safe.
 */
final class HeuristicChecks {
    private static final Logger LOG = LoggerFactory.getLogger(HeuristicChecks.class);

    private final HeuristicSettings settings;
    private final List<Heuristic> active;

    HeuristicChecks(HeuristicSettings settings, List<Heuristic> heuristics) {
        this.settings = settings;
        List<Heuristic> on = new ArrayList<>();
        for (Heuristic heuristic : heuristics) {
            if (heuristic.names().stream().anyMatch(name -> settings.level(name) != Level.OFF)) {
                on.add(heuristic);
            }
        }
        this.active = List.copyOf(on);
    }

    /** Whether any heuristic over single objects runs. */
    boolean examinesObjects() {
        return !active.isEmpty();
    }

    /** The verdicts of every active heuristic on {@code object}, in heuristic order. */
    List<Verdict> examine(ScannedObject object) {
        List<Verdict> verdicts = new ArrayList<>(0);
        for (Heuristic heuristic : active) {
            List<String> names;
            try {
                names = heuristic.examine(object);
            } catch (RuntimeException e) {
                // a heuristic must not throw; if one does, the object is no less scanned by the others
                LOG.warn("heuristic {} failed on {}", heuristic.getClass().getSimpleName(), object.path(), e);
                continue;
            }
            for (String name : names) {
                verdict(name, object.path()).ifPresent(verdicts::add);
            }
        }
        return verdicts;
    }

    /** The verdict for an encrypted entry at {@code path}, if its name makes it one. */
    Optional<Verdict> encryptedEntry(ContainerPath path) {
        List<String> names = path.names();
        return ArchiveEvents.encryptedExecutable(names.get(names.size() - 1))
                ? verdict(ArchiveEvents.ENCRYPTED_EXECUTABLE, path) : Optional.empty();
    }

    /** The verdict for an entry at {@code path} that expanded past the ratio limit. */
    Optional<Verdict> ratioExceeded(ContainerPath path) {
        return verdict(ArchiveEvents.BOMB, path);
    }

    /** The verdict for an object of {@code type} at the recursion limit, inside {@code containers}. */
    Optional<Verdict> recursionLimit(FileType type, List<FileType> containers, ContainerPath path) {
        return ArchiveEvents.recursionBomb(type, containers) ? verdict(ArchiveEvents.BOMB, path) : Optional.empty();
    }

    private Optional<Verdict> verdict(String name, ContainerPath path) {
        Level level = settings.levels().getOrDefault(name, Level.OFF);
        if (level == Level.MALICIOUS) {
            return Optional.of(new Verdict.Infected(name, path));
        }
        return level == Level.SUSPICIOUS ? Optional.of(new Verdict.Suspicious(name, path)) : Optional.empty();
    }
}
