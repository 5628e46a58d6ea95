package com.postwarden.smtp.transaction;

import java.util.Optional;

/**
 * The original client of a message as told by Postfix's XFORWARD command (NAME, ADDR, PORT, PROTO, HELO,
 * SOURCE); values Postfix marks {@code [UNAVAILABLE]} or {@code [TEMPUNAVAIL]} are absent.
 */
public record ForwardedClient(Optional<String> name, Optional<String> address, Optional<String> port,
                              Optional<String> protocol, Optional<String> helo, Optional<String> source) {

    public static final ForwardedClient NONE = new ForwardedClient(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return this.equals(NONE);
    }
}
