package com.postwarden.policies.config;

/** How the relay client uses STARTTLS towards the next hop. */
public enum TlsMode {
    /** Never start TLS. */
    OFF,
    /** Start TLS when the next hop offers it, without verifying its certificate (RFC 7435). */
    OPPORTUNISTIC,
    /** Refuse to send unless TLS starts and the next hop's certificate verifies. */
    REQUIRED
}
