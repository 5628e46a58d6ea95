package com.postwarden.smtp.relay;

import com.postwarden.smtp.tls.PemTls;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The TLS set-ups of the relay client.
 * <ul>
 *   <li>opportunistic (RFC 7435): encrypt without authenticating; any certificate is accepted, since the
 *       alternative is plain text;</li>
 *   <li>verified: the chain must lead to a CA of the configured PEM file, or of the JDK's trust store, and the
 *       certificate must name the next hop (RFC 6125 matching of the host name or IP address as configured) —
 *       without the name check any certificate a public CA issued to anyone would pass.</li>
 * </ul>
 */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLSocketFactory opportunistic() {
        return context(new TrustManager[] {new AcceptAnyCertificate()}).getSocketFactory();
    }

    static SSLParameters opportunisticParameters() {
        return new SSLParameters();
    }

    /**
     * @param trustedCertificates PEM file of trusted CA certificates; the JDK's trust store when empty
     * @throws IllegalArgumentException if the file holds no certificate or cannot be parsed
     * @throws UncheckedIOException     if the file cannot be read
     */
    static SSLSocketFactory verified(Optional<Path> trustedCertificates) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustedCertificates.isPresent() ? trustStore(trustedCertificates.get()) : null);
            return context(factory.getTrustManagers()).getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the trusted certificates "
                    + trustedCertificates.map(Path::toString).orElse("of the JDK") + ": " + e.getMessage(), e);
        }
    }

    static SSLParameters verifiedParameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }

    private static KeyStore trustStore(Path pem) throws GeneralSecurityException {
        List<Certificate> certificates;
        try {
            certificates = PemTls.certificates(pem);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("trusted-" + index++, certificate);
        }
        return store;
    }

    private static SSLContext context(TrustManager[] trustManagers) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
    }

    /** Extended, so that the JDK does not wrap it with checks of its own. */
    private static final class AcceptAnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
