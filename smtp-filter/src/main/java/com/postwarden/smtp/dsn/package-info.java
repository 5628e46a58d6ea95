/**
 * Delivery status notifications (RFC 3464): {@link com.postwarden.smtp.dsn.DeliveryStatusNotifications} makes the
 * bounce for recipients the next hop refused; it is sent with the null sender through the relay client.
 */
package com.postwarden.smtp.dsn;
