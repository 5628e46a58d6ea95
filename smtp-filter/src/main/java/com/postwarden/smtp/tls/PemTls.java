package com.postwarden.smtp.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds TLS contexts from the PEM files admins already have (Let's Encrypt, Debian's ssl-cert):
 * a certificate chain and an unencrypted PKCS#8 key. Problems are reported as {@link IOException}s whose
 * message names the file and what is wrong with it.
 */
public final class PemTls {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemTls() {
    }

    /** A server context offering the chain in {@code certificateFile} with the key in {@code keyFile}. */
    public static SSLContext serverContext(Path certificateFile, Path keyFile) throws IOException {
        List<Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("server", key, password, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException(keyFile + ": the key does not go with the certificate in " + certificateFile
                    + " (" + e.getMessage() + ")", e);
        }
    }

    /** Every certificate in a PEM file, in order. */
    public static List<Certificate> certificates(Path file) throws IOException {
        List<Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(file, "CERTIFICATE")) {
                certificates.add(factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not a valid X.509 certificate (" + e.getMessage() + ")", e);
        }
        if (certificates.isEmpty()) {
            throw new IOException(file + ": no '-----BEGIN CERTIFICATE-----' block found");
        }
        return certificates;
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        List<byte[]> keys = blocks(file, "PRIVATE KEY");
        if (keys.isEmpty()) {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            String hint = text.contains("BEGIN RSA PRIVATE KEY") || text.contains("BEGIN EC PRIVATE KEY")
                    ? " (convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8)"
                    : text.contains("ENCRYPTED PRIVATE KEY") ? " (the key must not be encrypted)" : "";
            throw new IOException(file + ": no unencrypted PKCS#8 '-----BEGIN PRIVATE KEY-----' block found" + hint);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(keys.get(0));
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // the PEM label does not say the algorithm; the first factory that accepts the key wins
            }
        }
        throw new IOException(file + ": the private key is of an unsupported type");
    }

    private static List<byte[]> blocks(Path file, String label) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<byte[]> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(label)) {
                try {
                    blocks.add(Base64.getMimeDecoder().decode(m.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ": a " + label + " block is not valid base64", e);
                }
            }
        }
        return blocks;
    }
}
