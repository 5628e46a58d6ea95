package com.postwarden.smtp.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate and its key, made at test time with the JDK's {@code keytool}, so that no key is ever
 * committed. The files are those a gateway is configured with: a PEM certificate, an unencrypted PKCS#8 PEM key
 * ({@code BEGIN PRIVATE KEY}), and the PKCS#12 key store they came from.
 *
 * <pre>{@code
 * @TempDir static Path dir;
 * TestCertificates certificates = TestCertificates.generate(dir);           // CN=localhost, SAN localhost, 127.0.0.1
 * SmtpScript.builder().startTls(certificates.serverSslContext());           // a TLS server
 * new OutboundSettings(TlsMode.REQUIRED, Optional.of(certificates.certificate()), ...); // a client that trusts it
 * }</pre>
 *
 * <p>The key is EC P-256 (fast to make); the certificate is valid for 7 days. The certificate is its own CA, so it
 * is the file to give as trusted certificates.
 *
 * @param certificate PEM certificate
 * @param privateKey  PEM PKCS#8 private key, unencrypted
 * @param keyStore    PKCS#12 key store with both, under alias {@value #ALIAS}
 * @param password    the key store's password
 */
public record TestCertificates(Path certificate, Path privateKey, Path keyStore, String password) {
    public static final String ALIAS = "postwarden-test";
    private static final String PASSWORD = "postwarden-test";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 120;

    public TestCertificates {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
    }

    /** A certificate for {@code localhost} and {@code 127.0.0.1}, written into {@code directory}. */
    public static TestCertificates generate(Path directory) {
        return generate(directory, "localhost", List.of("dns:localhost", "ip:127.0.0.1"));
    }

    /**
     * A certificate with this common name and these subject alternative names in keytool's syntax
     * ({@code dns:mx.example.com}, {@code ip:127.0.0.1}), written into {@code directory} under file names that
     * start with the common name.
     */
    public static TestCertificates generate(Path directory, String commonName, List<String> subjectAltNames) {
        try {
            java.nio.file.Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String base = commonName.replaceAll("[^A-Za-z0-9.-]", "_");
        Path keyStore = directory.resolve(base + ".p12");
        List<String> command = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", ALIAS,
                "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + commonName, "-validity", "7",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"));
        if (!subjectAltNames.isEmpty()) {
            command.addAll(List.of("-ext", "SAN=" + String.join(",", subjectAltNames)));
        }
        run(command);
        TestCertificates certificates = new TestCertificates(directory.resolve(base + "-cert.pem"),
                directory.resolve(base + "-key.pem"), keyStore, PASSWORD);
        certificates.writePemFiles();
        return certificates;
    }

    /** A server-side TLS context presenting this certificate. */
    public SSLContext serverSslContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(loadKeyStore(), password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client-side TLS context that trusts this certificate and nothing else. */
    public SSLContext clientSslContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, x509());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate x509() {
        try {
            return (X509Certificate) loadKeyStore().getCertificate(ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writePemFiles() {
        try {
            KeyStore store = loadKeyStore();
            Key key = store.getKey(ALIAS, password.toCharArray());
            Files.writeString(certificate, pem("CERTIFICATE", store.getCertificate(ALIAS).getEncoded()));
            Files.writeString(privateKey, pem("PRIVATE KEY", key.getEncoded())); // PKCS#8 is Java's encoding
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KeyStore loadKeyStore() throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String keytool() {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        return Files.isExecutable(tool) ? tool.toString() : "keytool";
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
