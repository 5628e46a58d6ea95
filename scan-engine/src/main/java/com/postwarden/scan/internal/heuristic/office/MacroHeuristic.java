package com.postwarden.scan.internal.heuristic.office;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import com.postwarden.scan.internal.heuristic.Heuristic;
import com.postwarden.scan.internal.heuristic.ScannedObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * VBA macros that run by themselves: {@value #AUTO_OPEN} when an entry point Office calls on its own (see
 * {@link MacroFacts}) comes with a call that reaches outside the document (shell, COM objects, downloads, Win32
 * declarations), {@value #AUTO_EXEC} for an entry point alone. One of the two at most, over all modules of the file.
 *
 * <p>Looks at the VBA projects of an OLE2 file (a Word or Excel 97 document, a bare {@code vbaProject.bin}) and at
 * the {@code vbaProject.bin} parts of an OOXML package ({@code .docm}, {@code .xlsm}, {@code .pptm}), each read
 * whole up to {@link #MAX_PROJECT_BYTES}; a larger project is left to the examination of the part itself, which
 * the engine hands over as an object of its own.
 */
public final class MacroHeuristic implements Heuristic {
    public static final String AUTO_OPEN = "Heuristic.Macro.AutoOpen";
    public static final String AUTO_EXEC = "Heuristic.Macro.AutoExec";
    /** Largest {@code vbaProject.bin} read from an OOXML package; real projects take a few hundred kilobytes. */
    static final int MAX_PROJECT_BYTES = 16 << 20;
    /** {@code vbaProject.bin} parts read per package (Word, Excel and PowerPoint each have one). */
    static final int MAX_PROJECTS = 4;

    @Override
    public Set<String> names() {
        return Set.of(AUTO_OPEN, AUTO_EXEC);
    }

    /** Self-starting code that runs programs or downloads is the classic dropper; self-starting code alone is common in templates. */
    @Override
    public Level defaultLevel(String name) {
        return name.equals(AUTO_OPEN) ? Level.MALICIOUS : Level.SUSPICIOUS;
    }

    @Override
    public List<String> examine(ScannedObject object) {
        List<String> sources = sources(object);
        if (sources.isEmpty()) {
            return List.of();
        }
        MacroFacts facts = MacroFacts.of(sources);
        if (!facts.autoExecutes()) {
            return List.of();
        }
        return List.of(facts.reachesOut() ? AUTO_OPEN : AUTO_EXEC);
    }

    private static List<String> sources(ScannedObject object) {
        if (object.type() == FileType.OLE2) {
            return compoundFileSources(object.content());
        }
        if (object.type() == FileType.ZIP) {
            return packageSources(object.content());
        }
        return List.of();
    }

    private static List<String> compoundFileSources(Content content) {
        Optional<CompoundFile> file = CompoundFile.open(content);
        if (file.isEmpty()) {
            return List.of();
        }
        try (CompoundFile compoundFile = file.get()) {
            return VbaProjects.sources(compoundFile);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static List<String> packageSources(Content content) {
        Optional<OoxmlPackage> opened = OoxmlPackage.open(content);
        if (opened.isEmpty()) {
            return List.of();
        }
        List<String> sources = new ArrayList<>();
        try (OoxmlPackage ooxml = opened.get()) {
            int projects = 0;
            for (String name : ooxml.names()) {
                if (projects < MAX_PROJECTS && name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                    projects++;
                    ooxml.read(name, MAX_PROJECT_BYTES)
                            .ifPresent(bytes -> sources.addAll(compoundFileSources(Content.of(bytes))));
                }
            }
        } catch (IOException | RuntimeException e) {
            // what was read before the damage still counts
        }
        return sources;
    }
}
