package com.postwarden.scan.internal.heuristic.office;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the VBA source of one file does that matters for mail: the procedures Office runs by itself (entry points)
 * and the calls that reach outside the document (suspicious calls), both collected over all modules, since an
 * entry point in {@code ThisDocument} commonly calls a payload in {@code Module1}.
 *
 * <p>Entry points are procedure declarations ({@code Sub AutoOpen}, {@code Private Sub Document_Open()}), not mere
 * mentions. The names follow olevba's lists: the fixed names Word, Excel and Publisher call, and ActiveX event
 * handlers that fire without the reader's action ({@code InkPicture1_Painted}, {@code Frame1_Layout},
 * {@code UserForm_Initialize}); {@code _Click} and {@code _Change} handlers need the reader and are left out.
 *
 * <p>Suspicious calls are identifiers of code (so a {@code MsgBox "Run it"} text is no {@code Run} call),
 * {@code Declare ... Lib} statements, and string literals naming a program or a COM class that runs, downloads or
 * writes files ({@code "WScript.Shell"}, {@code "powershell -enc ..."}).
 */
record MacroFacts(Set<String> entryPoints, Set<String> suspiciousCalls) {
    static final Set<String> ENTRY_POINTS = Set.of("autoexec", "autoopen", "documentopen", "autoexit", "autoclose",
            "document_close", "documentbeforeclose", "documentchange", "autonew", "document_new", "newdocument",
            "document_open", "document_beforeclose", "auto_open", "workbook_open", "workbook_activate", "auto_close",
            "workbook_close", "workbook_beforeclose", "worksheet_calculate");
    static final Set<String> ENTRY_POINT_EVENTS = Set.of("painted", "painting", "gotfocus", "lostfocus",
            "mousehover", "resize", "beforenavigate2", "beforescriptexecute", "documentcomplete", "downloadbegin",
            "downloadcomplete", "filedownload", "navigatecomplete2", "navigateerror", "progresschange",
            "propertychange", "setsecurelockicon", "statustextchange", "titlechange", "mousemove", "mouseenter",
            "mouseleave", "layout", "onconnecting", "contentcontrolonenter", "initialize", "activate");
    static final Set<String> SUSPICIOUS_IDENTIFIERS = Set.of("shell", "shellexecute", "shellexecutea",
            "shellexecutew", "createobject", "getobject", "urldownloadtofile", "urldownloadtofilea",
            "urldownloadtofilew", "wscript", "powershell", "run", "exec", "environ", "callbyname", "macscript",
            "executeexcel4macro", "createtextfile", "savetofile", "createprocess", "createprocessa",
            "virtualalloc", "rtlmovememory", "createthread");
    static final Set<String> SUSPICIOUS_TEXT = Set.of("wscript.shell", "shell.application", "powershell", "cmd.exe",
            "cmd /c", "mshta", "xmlhttp", "winhttp", "adodb.stream", "scripting.filesystemobject", "certutil",
            "regsvr32", "rundll32", "bitsadmin", "schtasks", "wmic");

    MacroFacts {
        entryPoints = Set.copyOf(entryPoints);
        suspiciousCalls = Set.copyOf(suspiciousCalls);
    }

    /** The facts of all {@code sources} together. */
    static MacroFacts of(Iterable<String> sources) {
        Collector collector = new Collector();
        for (String source : sources) {
            VbaLexer.scan(source, collector);
        }
        return new MacroFacts(collector.entryPoints, collector.suspicious);
    }

    boolean autoExecutes() {
        return !entryPoints.isEmpty();
    }

    boolean reachesOut() {
        return !suspiciousCalls.isEmpty();
    }

    static boolean isEntryPoint(String procedure) {
        String name = procedure.toLowerCase(Locale.ROOT);
        if (ENTRY_POINTS.contains(name)) {
            return true;
        }
        int underscore = name.lastIndexOf('_');
        return underscore > 0 && ENTRY_POINT_EVENTS.contains(name.substring(underscore + 1));
    }

    /** Gathers facts from the lexer's statements. */
    private static final class Collector implements VbaLexer.Listener {
        private final Set<String> entryPoints = new TreeSet<>();
        private final Set<String> suspicious = new TreeSet<>();

        @Override
        public void procedure(String name) {
            if (isEntryPoint(name)) {
                entryPoints.add(name);
            }
        }

        @Override
        public void identifier(String name, boolean afterDeclare) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (SUSPICIOUS_IDENTIFIERS.contains(lower)) {
                suspicious.add(name);
            } else if (afterDeclare && "lib".equals(lower)) {
                suspicious.add("Declare Lib");
            }
        }

        @Override
        public void text(String literal) {
            String lower = literal.toLowerCase(Locale.ROOT);
            for (String word : SUSPICIOUS_TEXT) {
                if (lower.contains(word)) {
                    suspicious.add('"' + word + '"');
                }
            }
        }
    }
}
