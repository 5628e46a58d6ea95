package com.postwarden.smtp.testing;

import javax.net.ssl.SSLContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a {@link ScriptedSmtpServer} behaves. Immutable; made with {@link #builder()}. By default the server is a
 * well-behaved ESMTP server that announces PIPELINING, SIZE, 8BITMIME and ENHANCEDSTATUSCODES and accepts every
 * message.
 *
 * @param hostname            the name in the greeting and EHLO reply
 * @param pipelining          announce PIPELINING
 * @param eightBitMime        announce 8BITMIME
 * @param enhancedStatusCodes announce ENHANCEDSTATUSCODES
 * @param sizeLimit           announce SIZE with this limit (0: SIZE without a limit); empty: no SIZE
 * @param startTls            announce and perform STARTTLS with this server context
 * @param greeting            instead of {@code 220}; empty: the normal greeting
 * @param commands            by command word ({@code MAIL}, {@code RCPT}, {@code DATA}, {@code RSET} ...): instead of
 *                            the normal reply
 * @param recipients          by lower-case address: instead of the normal reply to RCPT TO
 * @param dataEnd             instead of {@code 250} after the message data
 * @param closeAfterMessages  close the connection, without a word, after this many messages on it (0: never)
 * @param stallDuringData     after {@code 354}, stop reading until the server is closed
 * @param recordLimit         bytes recorded per message and per session
 * @param receiveBufferSize   the TCP receive buffer of accepted connections (0: the system's, which grows);
 *                            a small one bounds the bytes a client can have in flight
 */
public record SmtpScript(String hostname, boolean pipelining, boolean eightBitMime, boolean enhancedStatusCodes,
                         OptionalLong sizeLimit, Optional<SSLContext> startTls, Optional<Response> greeting,
                         Map<String, Response> commands, Map<String, Response> recipients,
                         Optional<Response> dataEnd, int closeAfterMessages, boolean stallDuringData,
                         int recordLimit, int receiveBufferSize) {

    public SmtpScript {
        commands = Map.copyOf(commands);
        recipients = Map.copyOf(recipients);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The response scripted for a command word, if any. */
    public Optional<Response> command(String verb) {
        return Optional.ofNullable(commands.get(verb.toUpperCase(Locale.ROOT)));
    }

    /** The response scripted for a recipient address, if any. */
    public Optional<Response> recipient(String address) {
        return Optional.ofNullable(recipients.get(address.toLowerCase(Locale.ROOT)));
    }

    /** Builds a {@link SmtpScript}; each method returns the builder. Not thread-safe. */
    public static final class Builder {
        private String hostname = "scripted.test";
        private boolean pipelining = true;
        private boolean eightBitMime = true;
        private boolean enhancedStatusCodes = true;
        private OptionalLong sizeLimit = OptionalLong.of(0);
        private SSLContext startTls;
        private Response greeting;
        private final Map<String, Response> commands = new HashMap<>();
        private final Map<String, Response> recipients = new HashMap<>();
        private Response dataEnd;
        private int closeAfterMessages;
        private boolean stallDuringData;
        private int recordLimit = 8 * 1024 * 1024;
        private int receiveBufferSize;

        private Builder() {
        }

        public Builder hostname(String value) {
            hostname = value;
            return this;
        }

        public Builder withoutPipelining() {
            pipelining = false;
            return this;
        }

        public Builder withoutEightBitMime() {
            eightBitMime = false;
            return this;
        }

        public Builder withoutEnhancedStatusCodes() {
            enhancedStatusCodes = false;
            return this;
        }

        /** Announces SIZE with this limit in bytes (0: no limit stated). */
        public Builder sizeLimit(long bytes) {
            sizeLimit = OptionalLong.of(bytes);
            return this;
        }

        public Builder withoutSize() {
            sizeLimit = OptionalLong.empty();
            return this;
        }

        /** Announces STARTTLS and performs it with this context, e.g. {@link TestCertificates#serverSslContext()}. */
        public Builder startTls(SSLContext context) {
            startTls = context;
            return this;
        }

        public Builder greeting(Response response) {
            greeting = response;
            return this;
        }

        /** Answers every command with this word ({@code MAIL}, {@code RCPT}, {@code DATA}...) so. */
        public Builder on(String verb, Response response) {
            commands.put(verb.toUpperCase(Locale.ROOT), response);
            return this;
        }

        /** Answers RCPT TO for this address so, e.g. {@code Response.reply(550, "5.1.1", "no such user")}. */
        public Builder onRecipient(String address, Response response) {
            recipients.put(address.toLowerCase(Locale.ROOT), response);
            return this;
        }

        /** Answers the end of message data so. */
        public Builder onDataEnd(Response response) {
            dataEnd = response;
            return this;
        }

        public Builder closeAfterMessages(int count) {
            closeAfterMessages = count;
            return this;
        }

        public Builder stallDuringData() {
            stallDuringData = true;
            return this;
        }

        public Builder recordLimit(int bytes) {
            recordLimit = bytes;
            return this;
        }

        public Builder receiveBufferSize(int bytes) {
            receiveBufferSize = bytes;
            return this;
        }

        public SmtpScript build() {
            return new SmtpScript(hostname, pipelining, eightBitMime, enhancedStatusCodes, sizeLimit,
                    Optional.ofNullable(startTls), Optional.ofNullable(greeting), commands, recipients,
                    Optional.ofNullable(dataEnd), closeAfterMessages, stallDuringData, recordLimit,
                    receiveBufferSize);
        }

        /** Builds the script and starts a server with it on 127.0.0.1 and a free port. */
        public ScriptedSmtpServer start() {
            return ScriptedSmtpServer.start(build());
        }
    }
}
