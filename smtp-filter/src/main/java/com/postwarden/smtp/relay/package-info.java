/**
 * The SMTP client that relays accepted mail to the next hop: {@link com.postwarden.smtp.relay.RelayClient} and
 * its request and result values. Everything else in the package is internal.
 */
package com.postwarden.smtp.relay;
