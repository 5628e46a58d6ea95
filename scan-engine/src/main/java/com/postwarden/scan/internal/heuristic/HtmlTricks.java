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

    private static final Pattern BASE64_RUN = Pattern.compile("[a-z0-9+/]{" + MIN_BASE64 + ",}");
    private static final Pattern DECODE = Pattern.compile("\\batob\\s*\\(");
    private static final Pattern BLOB = Pattern.compile("\\bblob\\s*\\(|mssaveoropenblob|mssaveblob");
    private static final Pattern HAND_OVER = Pattern.compile(
            "createobjecturl|mssaveoropenblob|mssaveblob|\\bdownload\\s*=|setattribute\\s*\\(\\s*['\"]download['\"]");
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>");
    private static final Pattern ACTION = Pattern.compile("\\baction\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern PASSWORD_INPUT = Pattern.compile(
            "<input\\b[^>]*\\btype\\s*=\\s*[\"']?password\\b");

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
        boolean decodes = DECODE.matcher(html).find() || BASE64_RUN.matcher(html).find();
        return decodes && BLOB.matcher(html).find() && HAND_OVER.matcher(html).find();
    }

    static boolean credentialForm(String html) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            Matcher action = ACTION.matcher(form.group(1));
            if (!action.find() || !absoluteWeb(firstNonNull(action.group(1), action.group(2), action.group(3)))) {
                continue;
            }
            int end = html.indexOf("</form", form.end());
            String body = html.substring(form.end(), end < 0 ? html.length() : end);
            if (PASSWORD_INPUT.matcher(body).find()) {
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
