package com.postwarden.smtp.transaction;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Who handed a message over: the directly connected peer and, when a trusted upstream MTA sent Postfix's
 * XFORWARD, the original client it received the message from.
 *
 * @param address   the connected peer's address
 * @param helo      the name the peer gave in HELO/EHLO, empty before it did
 * @param esmtp     whether the peer said EHLO (ESMTP) rather than HELO
 * @param tls       whether the session runs over TLS
 * @param forwarded what XFORWARD said about the original client, when sent by a trusted peer
 */
public record ClientInfo(InetAddress address, String helo, boolean esmtp, boolean tls,
                         Optional<ForwardedClient> forwarded) {

    /** The address of the client that first submitted the message: XFORWARD's when known, else the peer's. */
    public String originalAddress() {
        return forwarded.flatMap(ForwardedClient::address).orElse(address.getHostAddress());
    }

    /** The HELO name of the original client when known, else the peer's. */
    public String originalHelo() {
        return forwarded.flatMap(ForwardedClient::helo).orElse(helo);
    }
}
