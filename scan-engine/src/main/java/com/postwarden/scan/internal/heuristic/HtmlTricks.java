package com.postwarden.scan.internal.heuristic;

import com.postwarden.scan.HeuristicSettings.Level;
import com.postwarden.scan.internal.content.Content;
import com.postwarden.scan.internal.filetype.FileType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML made to deliver a file or to collect a password, read from the first {@link #MAX_HTML} bytes of an HTML
 * object (an attachment, a mail body, an HTML file):
 * <ul>
 *   <li>{@value #SMUGGLING}: a script that builds a file in the browser: it decodes embedded data (an
 *       {@code atob} call or a base64 run of at least {@link #MIN_BASE64} characters), makes a {@code Blob} of it
 *       and hands it to the user ({@code createObjectURL}, a {@code download} attribute, or Internet Explorer's
 *       {@code msSaveOrOpenBlob}). The file never crosses the gateway as an attachment.</li>
 *   <li>{@value #CREDENTIAL_FORM}: a form with a password input posting to an absolute http(s) address: an
 *       attached login page that sends what is typed to someone else's server. A form posting to a relative
 *       address (a page saved from a site) does not count.</li>
 * </ul>
 */
final class HtmlTricks implements Heuristic {
    static final String SMUGGLING = "Heuristic.HTML.Smuggling";
    static final String CREDENTIAL_FORM = "Heuristic.HTML.CredentialForm";
    static final int MAX_HTML = 4 << 20;
    static final int MIN_BASE64 = 256;

    private static final Pattern DECODE = Pattern.compile("\\batob\\s*\\(");
    private static final Pattern BLOB = Pattern.compile("\\bblob\\s*\\(|mssaveoropenblob|mssaveblob");
    private static final Pattern HAND_OVER = Pattern.compile(
            "createobjecturl|mssaveoropenblob|mssaveblob|\\bdownload\\s*=|setattribute\\s*\\(\\s*['\"]download['\"]");
    private static final Pattern ACTION = Pattern.compile("\\baction\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern PASSWORD_TYPE = Pattern.compile("\\btype\\s*=\\s*[\"']?password\\b");
    /** Longest tag looked into; real tags are far shorter. */
    private static final int MAX_TAG = 8192;

    @Override
    public Set<String> names() {
        return Set.of(SMUGGLING, CREDENTIAL_FORM);
    }

    @Override
    public Level defaultLevel(String name) {
        return name.equals(SMUGGLING) ? Level.MALICIOUS : Level.SUSPICIOUS;
    }

    @Override
    public List<String> examine(ScannedObject object) {
        if (object.type() != FileType.HTML) {
            return List.of();
        }
        String html = lowerCaseText(object.content());
        List<String> found = new ArrayList<>(0);
        if (smuggling(html)) {
            found.add(SMUGGLING);
        }
        if (credentialForm(html)) {
            found.add(CREDENTIAL_FORM);
        }
        return found;
    }

    static boolean smuggling(String html) {
        if (!html.contains("<script")) {
            return false;
        }
        boolean decodes = DECODE.matcher(html).find() || hasBase64Run(html);
        return decodes && BLOB.matcher(html).find() && HAND_OVER.matcher(html).find();
    }

    /** Whether a run of at least {@link #MIN_BASE64} base64 characters occurs; one pass, no backtracking. */
    static boolean hasBase64Run(String html) {
        int run = 0;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            boolean base64 = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
            run = base64 ? run + 1 : 0;
            if (run >= MIN_BASE64) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a form with an absolute http(s) action holds a password input before the next form starts or it
     * ends. Forms and tags are found with plain searches, each part of the text read a bounded number of times,
     * so hostile markup (thousands of unclosed tags) costs no more than ordinary markup.
     */
    static boolean credentialForm(String html) {
        int at = html.indexOf("<form");
        int tagEnd = -1;
        int close = -1;
        while (at >= 0) {
            int next = html.indexOf("<form", at + 5);
            if (tagEnd < at) {
                tagEnd = html.indexOf('>', at);
                if (tagEnd < 0) {
                    return false;
                }
            }
            int limit = next < 0 ? html.length() : next;
            if (tagEnd < limit && tagEnd - at <= MAX_TAG && absoluteAction(html.substring(at + 5, tagEnd))) {
                if (close < tagEnd) {
                    close = html.indexOf("</form", tagEnd);
                    close = close < 0 ? html.length() : close;
                }
                int bodyEnd = Math.min(close, limit);
                if (hasPasswordInput(html, tagEnd + 1, bodyEnd)) {
                    return true;
                }
            }
            at = next;
        }
        return false;
    }

    private static boolean absoluteAction(String attributes) {
        Matcher action = ACTION.matcher(attributes);
        return action.find() && absoluteWeb(firstNonNull(action.group(1), action.group(2), action.group(3)));
    }

    private static boolean hasPasswordInput(String html, int from, int to) {
        for (int at = html.indexOf("<input", from); at >= 0 && at < to; at = html.indexOf("<input", at + 6)) {
            int end = at + 6;
            int last = Math.min(html.length(), at + MAX_TAG);
            while (end < last && html.charAt(end) != '>') {
                end++;
            }
            if (PASSWORD_TYPE.matcher(html.substring(at + 6, end)).find()) {
                return true;
            }
        }
        return false;
    }

    private static boolean absoluteWeb(String url) {
        String trimmed = url.strip();
        return trimmed.startsWith("http://") || trimmed.startsWith("https://") || trimmed.startsWith("//");
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    private static String lowerCaseText(Content content) {
        byte[] head = content.prefix(MAX_HTML);
        return new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
