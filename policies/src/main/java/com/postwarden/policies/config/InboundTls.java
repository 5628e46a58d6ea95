package com.postwarden.policies.config;

import java.nio.file.Path;

/**
 * Certificate and key offered with STARTTLS on the listener.
 *
 * @param certificate PEM file with the certificate chain, leaf first
 * @param privateKey  PEM file with the unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY})
 */
public record InboundTls(Path certificate, Path privateKey) {
}
