package com.postwarden.spam.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads SpamAssassin's rule file syntax (the common subset, see {@link RuleSet}) into {@link RuleDefinitions}.
 * Hand-written: no Java library reads {@code .cf} files. A line it cannot honour is counted by reason and skipped,
 * never fatal. Conditions: {@code ifplugin P} holds for the plugins whose tests this engine provides itself
 * ({@link #AVAILABLE_PLUGINS}); {@code if} evaluates {@code version} (this engine reads the rules of
 * SpamAssassin {@value #VERSION}), {@code perl_version}, {@code plugin(P)}, {@code can(...)} and {@code has(...)}
 * (always false: no SpamAssassin feature flag is claimed), with {@code ! && || ( )} and comparisons;
 * {@code else} is supported. Not thread-safe; one per load.
 */
final class CfParser {
    static final double VERSION = 4.000000;
    static final int MAX_INCLUDE_DEPTH = 10;
    static final Set<String> AVAILABLE_PLUGINS = Set.of("Mail::SpamAssassin::Plugin::HeaderEval",
            "Mail::SpamAssassin::Plugin::BodyEval", "Mail::SpamAssassin::Plugin::MIMEEval",
            "Mail::SpamAssassin::Plugin::HTMLEval", "Mail::SpamAssassin::Plugin::Check",
            "Mail::SpamAssassin::Plugin::URIDetail");
    /** Flags that change how a rule is run or scored here, or that only matter to SpamAssassin's tooling. */
    private static final Set<String> KNOWN_TFLAGS = Set.of("multiple", "nice", "learn", "net", "noautolearn");
    private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HEADER_TEST =
            Pattern.compile("(\\S+?)\\s*(=~|!~)\\s*(.+?)(?:\\s+\\[if-unset:\\s*(.*)\\])?");
    private static final Pattern EVAL = Pattern.compile("eval:\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)\\s*");
    private static final Pattern CONDITION_CALL = Pattern.compile("(plugin|can|has)\\s*\\(\\s*([^)]*?)\\s*\\)");

    private final RuleDefinitions definitions;

    CfParser(RuleDefinitions definitions) {
        this.definitions = definitions;
    }

    /** Reads a file, or every {@code *.cf} file of a directory in name order. */
    void parsePath(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(path)) {
                files = listing.filter(p -> p.getFileName().toString().endsWith(".cf")).sorted().toList();
            }
            for (Path file : files) {
                parseFile(file, 0);
            }
        } else {
            parseFile(path, 0);
        }
    }

    private void parseFile(Path file, int depth) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        parseText(file.toString(), text, file.toAbsolutePath().getParent(), depth);
    }

    /** Reads rule file text; {@code include} paths are relative to {@code directory} (null: includes fail). */
    void parseText(String source, String text, Path directory, int depth) {
        Deque<boolean[]> conditions = new ArrayDeque<>(); // {enclosing active, this branch holds}
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            int space = firstSpace(line);
            String directive = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
            String rest = space < 0 ? "" : line.substring(space + 1).strip();
            boolean active = conditions.isEmpty() || conditions.peek()[0] && conditions.peek()[1];
            try {
                switch (directive) {
                    case "ifplugin":
                        conditions.push(new boolean[] {active, AVAILABLE_PLUGINS.contains(rest)});
                        break;
                    case "if":
                        conditions.push(new boolean[] {active, active && condition(rest)});
                        break;
                    case "else":
                        if (conditions.isEmpty()) {
                            throw new UnsupportedRuleException("else without if", line);
                        }
                        conditions.peek()[1] = !conditions.peek()[1];
                        break;
                    case "endif":
                        if (conditions.isEmpty()) {
                            throw new UnsupportedRuleException("endif without if", line);
                        }
                        conditions.pop();
                        break;
                    default:
                        if (!active) {
                            definitions.skippedByCondition++;
                        } else {
                            directive(directive, rest, directory, depth);
                        }
                }
            } catch (UnsupportedRuleException e) {
                definitions.unsupported(source, i + 1, e);
            }
        }
        if (!conditions.isEmpty()) {
            definitions.unsupported(source, lines.length,
                    new UnsupportedRuleException("if without endif", conditions.size() + " open at end of file"));
        }
    }

    private void directive(String directive, String rest, Path directory, int depth) throws UnsupportedRuleException {
        switch (directive) {
            case "header":
            case "body":
            case "rawbody":
            case "uri":
            case "full":
            case "meta":
                rule(RuleKind.valueOf(directive.toUpperCase(Locale.ROOT)), rest);
                break;
            case "score":
                score(rest);
                break;
            case "describe":
                definitions.descriptions.put(ruleName(rest), afterName(rest));
                break;
            case "tflags":
                tflags(rest);
                break;
            case "include":
                include(rest, directory, depth);
                break;
            case "lang":
                throw new UnsupportedRuleException("lang (translations are not used)", rest);
            case "loadplugin":
            case "tryplugin":
                throw new UnsupportedRuleException("plugin loading", rest);
            default:
                throw new UnsupportedRuleException("directive " + directive, rest);
        }
    }

    private void rule(RuleKind kind, String rest) throws UnsupportedRuleException {
        String name = ruleName(rest);
        String value = afterName(rest);
        definitions.rules.remove(name);
        if (value.isEmpty()) {
            throw new UnsupportedRuleException("rule without a test", name);
        }
        definitions.rules.put(name, compile(kind, name, value));
    }

    private Rule compile(RuleKind kind, String name, String value) throws UnsupportedRuleException {
        if (value.startsWith("eval:")) {
            return eval(kind, name, value);
        }
        switch (kind) {
            case META:
                return new Rule.Meta(name, value, MetaExpression.names(value));
            case HEADER:
                return header(name, value);
            default:
                return new Rule.TextMatch(name, kind, PerlRegex.compile(value));
        }
    }

    private static Rule header(String name, String value) throws UnsupportedRuleException {
        if (value.startsWith("exists:")) {
            return new Rule.HeaderExists(name, HeaderSelector.parse(value.substring("exists:".length()).strip()));
        }
        Matcher test = HEADER_TEST.matcher(value);
        if (!test.matches()) {
            throw new UnsupportedRuleException("malformed header rule", value);
        }
        HeaderSelector selector = HeaderSelector.parse(test.group(1));
        return new Rule.HeaderMatch(name, selector, PerlRegex.compile(test.group(3)), test.group(2).equals("!~"),
                test.group(4));
    }

    private static Rule eval(RuleKind kind, String name, String value) throws UnsupportedRuleException {
        Matcher call = EVAL.matcher(value);
        if (!call.matches()) {
            throw new UnsupportedRuleException("malformed eval", value);
        }
        String function = call.group(1);
        if (!BuiltinChecks.NAMES.contains(function)) {
            throw new UnsupportedRuleException("eval function not built in", function);
        }
        List<String> args = new ArrayList<>();
        for (String arg : call.group(2).split(",")) {
            String trimmed = arg.strip();
            if (trimmed.length() >= 2 && (trimmed.startsWith("'") || trimmed.startsWith("\""))) {
                trimmed = trimmed.substring(1, trimmed.length() - 1);
            }
            if (!trimmed.isEmpty()) {
                args.add(trimmed);
            }
        }
        return new Rule.Eval(name, kind, function, args);
    }

    /** {@code score NAME s0 [s1 s2 s3]}: the first, SpamAssassin's score set 0 (no Bayes, no network tests). */
    private void score(String rest) throws UnsupportedRuleException {
        String name = ruleName(rest);
        String[] values = afterName(rest).split("\\s+");
        try {
            if (values.length != 1 && values.length != 4) {
                throw new NumberFormatException();
            }
            definitions.scores.put(name, Double.parseDouble(values[0].replace("(", "").replace(")", "")));
        } catch (NumberFormatException e) {
            throw new UnsupportedRuleException("malformed score", rest);
        }
    }

    private void tflags(String rest) throws UnsupportedRuleException {
        String name = ruleName(rest);
        Set<String> flags = new HashSet<>();
        for (String flag : afterName(rest).split("\\s+")) {
            if (flag.startsWith("maxhits=")) {
                try {
                    definitions.maxHits.put(name, Integer.parseInt(flag.substring("maxhits=".length())));
                } catch (NumberFormatException e) {
                    throw new UnsupportedRuleException("malformed tflags", rest);
                }
            } else if (!flag.isEmpty()) {
                flags.add(flag);
            }
        }
        definitions.flags.put(name, Set.copyOf(flags));
        Set<String> ignored = new HashSet<>(flags);
        ignored.removeAll(KNOWN_TFLAGS);
        if (!ignored.isEmpty()) {
            throw new UnsupportedRuleException("tflags ignored", name + " " + ignored);
        }
    }

    private void include(String file, Path directory, int depth) throws UnsupportedRuleException {
        if (directory == null || depth >= MAX_INCLUDE_DEPTH) {
            throw new UnsupportedRuleException("include not possible here", file);
        }
        Path included = directory.resolve(file);
        try {
            parseFile(included, depth + 1);
        } catch (IOException e) {
            throw new UnsupportedRuleException("include not readable", included.toString());
        }
    }

    private static boolean condition(String expression) {
        Matcher call = CONDITION_CALL.matcher(expression);
        StringBuilder replaced = new StringBuilder();
        while (call.find()) {
            boolean holds = call.group(1).equals("plugin") && AVAILABLE_PLUGINS.contains(call.group(2));
            call.appendReplacement(replaced, holds ? "1" : "0");
        }
        call.appendTail(replaced);
        try {
            MetaExpression.Node node = MetaExpression.parse(replaced.toString(),
                    n -> n.equals("version") ? 0 : n.equals("perl_version") ? 1 : -1);
            return node.value(new double[] {VERSION, 5.036}) != 0;
        } catch (UnsupportedRuleException e) {
            return false;
        }
    }

    private static String ruleName(String rest) throws UnsupportedRuleException {
        int space = firstSpace(rest);
        String name = space < 0 ? rest : rest.substring(0, space);
        if (!RULE_NAME.matcher(name).matches()) {
            throw new UnsupportedRuleException("malformed rule name", name);
        }
        return name;
    }

    private static String afterName(String rest) {
        int space = firstSpace(rest);
        return space < 0 ? "" : rest.substring(space + 1).strip();
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** SpamAssassin's comment rule: {@code #} starts a comment unless escaped as {@code \#}. */
    private static String stripComment(String line) {
        int hash = -1;
        for (int i = line.indexOf('#'); i >= 0; i = line.indexOf('#', i + 1)) {
            if (i == 0 || line.charAt(i - 1) != '\\') {
                hash = i;
                break;
            }
        }
        String code = hash < 0 ? line : line.substring(0, hash);
        return code.replace("\\#", "#").strip();
    }
}
