package com.postwarden.policies.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    private GatewayConfig parse(String yaml) throws ConfigException {
        return loader.parse("test.yaml", Path.of("test.yaml"), yaml);
    }

    @Test
    void readsTheDocumentedExample() throws Exception {
        GatewayConfig config = parse("""
                smtp:
                  listen: 127.0.0.1:10025
                  hostname: gateway.example.com
                  nextHop: 127.0.0.1:10026
                  trustedNetworks: [127.0.0.0/8, "::1/128"]
                  relayDomains: [example.com]
                  maxMessageSize: 50MB
                  maxRecipients: 1000
                dataDir: ./var
                """);
        SmtpSettings smtp = config.smtp();
        assertThat(smtp.listen()).isEqualTo(new HostPort("127.0.0.1", 10025));
        assertThat(smtp.hostname()).isEqualTo("gateway.example.com");
        assertThat(smtp.nextHop()).isEqualTo(new HostPort("127.0.0.1", 10026));
        assertThat(smtp.relayDomains()).containsExactly("example.com");
        assertThat(smtp.maxMessageSize().bytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(smtp.maxRecipients()).isEqualTo(1000);
        assertThat(config.dataDir()).isEqualTo(Path.of("./var"));
        assertThat(config.spoolDir()).isEqualTo(Path.of("./var/spool"));
    }

    @Test
    void readsTheScanSection() throws Exception {
        GatewayConfig config = parse("""
                scan:
                  enabled: false
                  database: /var/lib/postwarden/signatures
                  reloadInterval: 5m
                  unscannable: tempfail
                  limits:
                    maxDepth: 8
                    maxEntries: 500
                    maxTotalSize: 200MB
                    maxEntrySize: 20MB
                    maxRatio: 200
                    maxScanTime: 30s
                  cache:
                    entries: 0
                    expiry: 10m
                """);
        ScanSettings scan = config.scan();
        assertThat(scan.enabled()).isFalse();
        assertThat(scan.database()).contains(Path.of("/var/lib/postwarden/signatures"));
        assertThat(scan.reloadInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(scan.unscannable()).isEqualTo(ScanSettings.UnscannableAction.TEMPFAIL);
        assertThat(scan.limits()).isEqualTo(new ScanLimitSettings(8, 500, DataSize.ofMegabytes(200),
                DataSize.ofMegabytes(20), 200, Duration.ofSeconds(30)));
        assertThat(scan.cacheEntries()).isZero();
        assertThat(scan.cacheExpiry()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void scanningIsOnByDefaultWithClamAvLikeLimits() throws Exception {
        ScanSettings scan = parse("").scan();
        assertThat(scan.enabled()).isTrue();
        assertThat(scan.database()).isEmpty();
        assertThat(scan.unscannable()).isEqualTo(ScanSettings.UnscannableAction.PASS);
        assertThat(scan.limits().maxDepth()).isEqualTo(16);
        assertThat(scan.limits().maxEntrySize()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(scan.limits().maxScanTime()).isEqualTo(Duration.ofSeconds(120));
        assertThat(scan.heuristics()).isEmpty();
        assertThat(scan.external()).isEmpty();
    }

    @Test
    void readsHeuristicLevelsAndExternalEngines() throws Exception {
        ScanSettings scan = parse("""
                scan:
                  heuristics:
                    Heuristic.Macro.AutoOpen: suspicious
                    Heuristic.Executable.PE: off
                  external:
                    - type: clamd
                      socket: /run/clamav/clamd.ctl
                      mode: optional
                    - name: eset
                      type: icap
                      url: icap://127.0.0.1:1344/avscan
                      timeout: 10s
                      maxSize: 20MB
                      connections: 4
                """).scan();
        assertThat(scan.heuristics()).containsExactly(
                java.util.Map.entry("Heuristic.Macro.AutoOpen", HeuristicLevel.SUSPICIOUS),
                java.util.Map.entry("Heuristic.Executable.PE", HeuristicLevel.OFF));
        assertThat(scan.external()).hasSize(2);
        ExternalEngineSettings clamd = scan.external().get(0);
        assertThat(clamd.name()).isEqualTo("clamd");
        assertThat(clamd.type()).isEqualTo(ExternalEngineSettings.Type.CLAMD);
        assertThat(clamd.socket()).contains(Path.of("/run/clamav/clamd.ctl"));
        assertThat(clamd.mode()).isEqualTo(ExternalEngineSettings.Mode.OPTIONAL);
        assertThat(clamd.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(clamd.maxSize()).as("clamd's own default StreamMaxLength").isEqualTo(DataSize.ofMegabytes(25));
        ExternalEngineSettings icap = scan.external().get(1);
        assertThat(icap.name()).isEqualTo("eset");
        assertThat(icap.url()).contains(java.net.URI.create("icap://127.0.0.1:1344/avscan"));
        assertThat(icap.mode()).as("an engine is required unless said otherwise")
                .isEqualTo(ExternalEngineSettings.Mode.REQUIRED);
        assertThat(icap.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(icap.maxSize()).isEqualTo(DataSize.ofMegabytes(20));
        assertThat(icap.connections()).isEqualTo(4);
    }

    @Test
    void anIcapEngineIsNamedAfterItsHostAndSendsAtMostFiveMegabytesByDefault() throws Exception {
        ExternalEngineSettings icap = parse("scan:\n  external:\n    - type: icap\n      url: icap://av.local/avscan\n")
                .scan().external().get(0);
        assertThat(icap.name()).isEqualTo("icap:av.local");
        assertThat(icap.maxSize()).as("c-icap virus_scan's default MaxObjectSize").isEqualTo(DataSize.ofMegabytes(5));
    }

    @Test
    void readsTheSpamSection() throws Exception {
        SpamSettings spam = parse("""
                spam:
                  required: 6.5
                  subjectTag: "***SPAM*** "
                  rules: [/etc/postwarden/rules.d, local.cf]
                  bayes:
                    minLearned: 50
                    autolearn: true
                  dns:
                    servers: [127.0.0.1:5353]
                    timeout: 2s
                    authservId: mx.example.com
                    ipLists: [zen.spamhaus.org]
                """).spam();
        assertThat(spam.enabled()).isTrue();
        assertThat(spam.required()).isEqualTo(6.5);
        assertThat(spam.subjectTag()).isEqualTo("***SPAM*** ");
        assertThat(spam.ruleFiles()).containsExactly(Path.of("/etc/postwarden/rules.d"), Path.of("local.cf"));
        assertThat(spam.bayes().minLearned()).isEqualTo(50);
        assertThat(spam.bayes().autolearn()).isTrue();
        assertThat(spam.dns().enabled()).isTrue();
        assertThat(spam.dns().servers()).containsExactly(new HostPort("127.0.0.1", 5353));
        assertThat(spam.dns().authservId()).contains("mx.example.com");
        assertThat(spam.dns().ipLists()).containsExactly("zen.spamhaus.org");
    }

    @Test
    void spamScoringIsOnByDefaultWithoutNetworkChecksOrAutolearn() throws Exception {
        SpamSettings spam = parse("").spam();
        assertThat(spam.enabled()).isTrue();
        assertThat(spam.required()).isEqualTo(5.0);
        assertThat(spam.subjectTag()).isEqualTo("[SPAM] ");
        assertThat(spam.maxSize()).isEqualTo(DataSize.ofKilobytes(512));
        assertThat(spam.bayes().enabled()).isTrue();
        assertThat(spam.bayes().minLearned()).isEqualTo(200);
        assertThat(spam.bayes().autolearn()).isFalse();
        assertThat(spam.dns().enabled()).isFalse();
    }

    @Test
    void anEmptyFileGivesSafeDefaults() throws Exception {
        GatewayConfig config = parse("");
        assertThat(config.smtp().listen().host()).isEqualTo("127.0.0.1");
        assertThat(config.smtp().relayDomains()).isEmpty();
        assertThat(config.smtp().trustedNetworks().contains(java.net.InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(config.smtp().trustedNetworks().contains(java.net.InetAddress.getByName("192.0.2.1"))).isFalse();
        assertThat(config.outbound().tls()).isEqualTo(TlsMode.OPPORTUNISTIC);
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad size            | 'smtp:\n  maxMessageSize: 50XB\n'            | 2 | smtp.maxMessageSize    | not a size
            unknown key         | 'smtp:\n  listen: 127.0.0.1:25\n  maxSize: 5\n' | 3 | smtp.maxSize       | unknown key
            bad network         | 'smtp:\n  trustedNetworks: [10.0.0.0/33]\n'  | 2 | smtp.trustedNetworks  | prefix length
            bad port            | 'smtp:\n  listen: 127.0.0.1:http\n'          | 2 | smtp.listen           | port is not a number
            recipients range    | 'smtp:\n  maxRecipients: 0\n'                | 2 | smtp.maxRecipients    | outside the allowed range
            bad duration        | 'shutdownTimeout: soon\n'                    | 1 | shutdownTimeout       | not a duration
            bad tls mode        | 'smtp:\n  outbound:\n    tls: maybe\n'       | 3 | smtp.outbound.tls     | not one of off, opportunistic, required
            bad domain          | 'smtp:\n  relayDomains: [\"exa mple.com\"]\n' | 2 | smtp.relayDomains    | not a domain name
            key set twice       | 'smtp:\n  listen: 127.0.0.1:1\n  listen: 127.0.0.1:2\n' | 3 | smtp.listen | set twice
            list expected       | 'smtp:\n  relayDomains: example.com\n'       | 2 | smtp.relayDomains     | expected a list
            half a certificate  | 'smtp:\n  tls:\n    certificate: /etc/hostname\n' | 2 | smtp.tls.key    | both certificate and key
            scan switch         | 'scan:\n  enabled: perhaps\n'             | 2 | scan.enabled          | not true or false
            scan depth          | 'scan:\n  limits:\n    maxDepth: 0\n'     | 3 | scan.limits.maxDepth  | outside the allowed range
            unscannable action  | 'scan:\n  unscannable: bounce\n'          | 2 | scan.unscannable      | not one of pass, tempfail
            scan cache key      | 'scan:\n  cache:\n    size: 5\n'          | 3 | scan.cache.size       | unknown key
            heuristic name      | 'scan:\n  heuristics:\n    Macro.AutoOpen: off\n' | 3 | scan.heuristics.Macro.AutoOpen | start with 'Heuristic.'
            heuristic level     | 'scan:\n  heuristics:\n    Heuristic.PDF.Launch: block\n' | 3 | scan.heuristics.Heuristic.PDF.Launch | not one of off, suspicious, malicious
            engine type         | 'scan:\n  external:\n    - type: sophos\n' | 3 | scan.external[0].type | not one of clamd, icap
            engine type missing | 'scan:\n  external:\n    - tcp: 127.0.0.1:3310\n' | 3 | scan.external[0].type | missing
            clamd address       | 'scan:\n  external:\n    - type: clamd\n' | 3 | scan.external[0].tcp | exactly one of tcp
            clamd both          | 'scan:\n  external:\n    - type: clamd\n      tcp: 127.0.0.1:3310\n      socket: /run/c\n' | 4 | scan.external[0].tcp | exactly one of tcp
            icap url            | 'scan:\n  external:\n    - type: icap\n      url: http://127.0.0.1/avscan\n' | 4 | scan.external[0].url | not an ICAP service URL
            icap without url    | 'scan:\n  external:\n    - type: icap\n      tcp: 127.0.0.1:1344\n' | 3 | scan.external[0].url | needs url
            engine mode         | 'scan:\n  external:\n    - type: clamd\n      tcp: 127.0.0.1:3310\n      mode: maybe\n' | 5 | scan.external[0].mode | not one of required, optional
            engine names        | 'scan:\n  external:\n    - type: clamd\n      tcp: 127.0.0.1:3310\n    - type: clamd\n      socket: /run/c\n' | 5 | scan.external[1].name | already named 'clamd'
            spam threshold      | 'spam:\n  required: lots\n' | 2 | spam.required | not a score
            spam tag            | 'spam:\n  subjectTag: "a\\tb"\n' | 2 | spam.subjectTag | control characters
            autolearn order     | 'spam:\n  bayes:\n    autolearnSpam: 3\n    autolearnHam: 4\n' | 4 | spam.bayes.autolearnHam | must be below
            dns list zone       | 'spam:\n  dns:\n    ipLists: ["not a zone"]\n' | 3 | spam.dns.ipLists | not a DNS zone
            engines not a list  | 'scan:\n  external:\n    type: clamd\n' | 2 | scan.external | expected a list of sections
            """)
    void aBrokenValueIsReportedWithItsLineAndKey(String name, String yaml, int line, String key, String text) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.key()).as("key").isEqualTo(key);
                    assertThat(e.getMessage()).startsWith("test.yaml:" + line + ": " + key + ": ").contains(text);
                });
    }

    @Test
    void invalidYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> parse("smtp:\n  listen: [unclosed\n  hostname: x\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.getMessage()).contains("not valid YAML");
                    assertThat(e.line()).isPositive();
                });
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> loader.load(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": the file does not exist");
    }

    @Test
    void aCertificateFileMustExist(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        String yaml = "smtp:\n  tls:\n    certificate: " + dir.resolve("missing.pem") + "\n    key: " + key + "\n";
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("smtp.tls.certificate");
                    assertThat(e.line()).isEqualTo(3);
                });
    }

    @Test
    void aBillionLaughsDocumentIsRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*")
                    .append(p).append(",*").append(p).append("]\n");
        }
        assertThatThrownBy(() -> parse(yaml.toString())).isInstanceOf(ConfigException.class);
    }
}
