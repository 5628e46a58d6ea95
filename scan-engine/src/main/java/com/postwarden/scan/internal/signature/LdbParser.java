package com.postwarden.scan.internal.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses {@code .ldb}/{@code .ldu} lines: {@code Name;TargetDescriptionBlock;LogicalExpression;Subsig0;...}.
 * Hex subsignatures may carry an offset ({@code Offset:hex}) and the modifiers {@code ::i}, {@code ::w},
 * {@code ::f}, {@code ::a}; PCRE subsignatures ({@code [Offset:]Trigger/regex/flags}) are translated for
 * java.util.regex. Macro, byte-compare and fuzzy-image subsignatures reject the line with their reason.
 * Stateless.
 */
public final class LdbParser {

    private LdbParser() {
    }

    public static LogicalSignature parse(String line) throws SignatureFormatException {
        String[] fields = line.split(";", -1);
        if (fields.length < 4) {
            throw new SignatureFormatException("malformed line");
        }
        if (fields[0].isEmpty()) {
            throw new SignatureFormatException("signature without a name");
        }
        int subsignatureCount = fields.length - 3;
        if (subsignatureCount > LogicalExpression.MAX_SUBSIGNATURES) {
            throw new SignatureFormatException("more than 64 subsignatures");
        }
        TargetDescription target = TargetDescription.parse(fields[1]);
        LogicalExpression expression = LogicalExpression.parse(fields[2]);
        if (expression.maxIndex() >= subsignatureCount) {
            throw new SignatureFormatException("logical expression names a missing subsignature");
        }
        List<Subsignature> subsignatures = new ArrayList<>(subsignatureCount);
        for (int i = 0; i < subsignatureCount; i++) {
            subsignatures.add(subsignature(fields[i + 3], i, target.target()));
        }
        return new LogicalSignature(fields[0], target, expression, subsignatures, line);
    }

    static Subsignature subsignature(String text, int index, int target) throws SignatureFormatException {
        if (text.isEmpty()) {
            throw new SignatureFormatException("empty subsignature");
        }
        if (text.startsWith("$")) {
            throw new SignatureFormatException("macro subsignature unsupported");
        }
        if (text.startsWith("fuzzy_img#")) {
            throw new SignatureFormatException("fuzzy image hash subsignature unsupported");
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            return pcre(text, slash, index, target);
        }
        if (text.indexOf('#') >= 0) {
            throw new SignatureFormatException("byte-compare subsignature unsupported");
        }
        String modifiers = "";
        int modifierAt = text.indexOf("::");
        if (modifierAt >= 0) {
            modifiers = text.substring(modifierAt + 2);
            text = text.substring(0, modifierAt);
        }
        SignatureOffset offset = SignatureOffset.ANY;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            offset = NdbParser.offset(text.substring(0, colon), target);
            text = text.substring(colon + 1);
        }
        BodyPattern pattern = HexPatternParser.parse(text);
        return new Subsignature.Hex(offset, variants(pattern, modifiers));
    }

    private static List<BodyPattern> variants(BodyPattern pattern, String modifiers) throws SignatureFormatException {
        boolean nocase = false;
        boolean wide = false;
        boolean fullword = false;
        boolean ascii = false;
        for (int i = 0; i < modifiers.length(); i++) {
            switch (modifiers.charAt(i)) {
                case 'i' -> nocase = true;
                case 'w' -> wide = true;
                case 'f' -> fullword = true;
                case 'a' -> ascii = true;
                default -> throw new SignatureFormatException("unknown subsignature modifier");
            }
        }
        BodyPattern base = pattern;
        if (nocase) {
            base = base.withNocase();
        }
        if (fullword) {
            base = base.withFullword();
        }
        if (!wide) {
            return List.of(base);
        }
        return ascii ? List.of(base.widened(), base) : List.of(base.widened());
    }

    private static Subsignature pcre(String text, int slash, int index, int target) throws SignatureFormatException {
        int lastSlash = text.lastIndexOf('/');
        if (lastSlash == slash) {
            throw new SignatureFormatException("malformed PCRE subsignature");
        }
        String prefix = text.substring(0, slash);
        String regex = text.substring(slash + 1, lastSlash);
        String flags = text.substring(lastSlash + 1);
        int modifierAt = flags.indexOf("::");
        if (modifierAt >= 0) {
            String modifiers = flags.substring(modifierAt + 2);
            flags = flags.substring(0, modifierAt);
            for (int i = 0; i < modifiers.length(); i++) {
                switch (modifiers.charAt(i)) {
                    case 'i' -> flags += "i";
                    case 'f' -> regex = "(?:[\\W_]|\\A)(?:" + regex + ")(?:[\\W_]|\\z)";
                    case 'a' -> {
                        // ASCII is how a regex matches anyway
                    }
                    case 'w' -> throw new SignatureFormatException("wide modifier on a PCRE subsignature");
                    default -> throw new SignatureFormatException("unknown subsignature modifier");
                }
            }
        }
        SignatureOffset offset = SignatureOffset.ANY;
        String trigger = prefix;
        int colon = prefix.lastIndexOf(':');
        if (colon >= 0) {
            offset = NdbParser.offset(prefix.substring(0, colon), target);
            trigger = prefix.substring(colon + 1);
        }
        if (trigger.isEmpty()) {
            throw new SignatureFormatException("PCRE subsignature without a trigger");
        }
        LogicalExpression triggerExpression = LogicalExpression.parse(trigger);
        if (triggerExpression.maxIndex() >= index) {
            throw new SignatureFormatException("PCRE trigger names a later subsignature");
        }
        Pattern compiled = PcreTranslator.compile(regex, flags);
        return new Subsignature.Pcre(offset, triggerExpression, compiled, flags.indexOf('g') >= 0,
                flags.indexOf('r') >= 0, flags.indexOf('e') >= 0, flags.indexOf('A') >= 0);
    }
}
