package com.postwarden.e2e;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Renders main.cf and master.cf of a private instance.
 *
 * <p>Shape of the content-filter set-up (as in amavisd-new's README.postfix): mail received on
 * the smtpd port is queued and handed to the {@code smtp-filter} transport, which speaks SMTP
 * (with XFORWARD) to the filter; the filter sends the mail back to the re-injection smtpd, which
 * has no content filter and relays to {@code relayhost}.
 */
record PostfixConfig(
        Path directory,
        int smtpPort,
        int relayPort,
        OptionalInt filterPort,
        int reinjectPort,
        int filterConcurrency,
        Map<String, String> extraMainCf) {

    static final String HOSTNAME = "mta.postwarden.test";

    Path configDirectory() {
        return directory.resolve("etc");
    }

    Path queueDirectory() {
        return directory.resolve("spool");
    }

    Path maillog() {
        return directory.resolve("maillog");
    }

    String mainCf() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("compatibility_level", "3.6");
        // Everything the instance writes lives under its own directory. command_directory,
        // daemon_directory, meta_directory (for postfix-files) keep the package defaults.
        p.put("queue_directory", queueDirectory().toString());
        p.put("data_directory", directory.resolve("data").toString());
        p.put("maillog_file", maillog().toString());
        p.put("maillog_file_prefixes", directory.toString());
        p.put("myhostname", HOSTNAME);
        p.put("mydomain", "postwarden.test");
        p.put("myorigin", "$myhostname");
        // A pure relay: nothing is local, everything goes to the relay host.
        p.put("mydestination", "");
        p.put("local_recipient_maps", "");
        p.put("alias_maps", "");
        p.put("alias_database", "");
        p.put("relay_domains", "");
        p.put("inet_interfaces", "127.0.0.1");
        p.put("inet_protocols", "ipv4");
        p.put("mynetworks", "127.0.0.0/8");
        p.put("smtpd_relay_restrictions", "permit_mynetworks, reject");
        p.put("smtpd_recipient_restrictions", "permit_mynetworks, reject");
        p.put("relayhost", "[127.0.0.1]:" + relayPort);
        filterPort.ifPresent(port -> p.put("content_filter", "smtp-filter:[127.0.0.1]:" + port));
        // No DNS: tests never need the network.
        p.put("disable_dns_lookups", "yes");
        p.put("smtp_dns_support_level", "disabled");
        p.put("smtp_host_lookup", "native");
        p.put("smtp_tls_security_level", "none");
        p.put("smtpd_tls_security_level", "none");
        // Deferred mail is retried within seconds instead of minutes.
        p.put("queue_run_delay", "5s");
        p.put("minimal_backoff_time", "5s");
        p.put("maximal_backoff_time", "10s");
        p.put("smtp_connect_timeout", "5s");
        p.put("biff", "no");
        p.put("append_dot_mydomain", "no");
        p.putAll(extraMainCf);

        StringBuilder out = new StringBuilder("# private Postfix instance for Postwarden end-to-end tests (generated)\n");
        p.forEach((name, value) -> out.append(name).append(" = ").append(value).append('\n'));
        return out.toString();
    }

    String masterCf() {
        StringBuilder out = new StringBuilder();
        out.append("# service type  private unpriv  chroot  wakeup  maxproc command + args (generated)\n");
        out.append("127.0.0.1:").append(smtpPort).append(" inet n - n - - smtpd\n");
        if (filterPort.isPresent()) {
            out.append("smtp-filter unix - - n - ").append(filterConcurrency).append(" smtp\n")
                    .append("  -o smtp_data_done_timeout=1200s\n")
                    .append("  -o smtp_send_xforward_command=yes\n")
                    .append("  -o disable_dns_lookups=yes\n")
                    .append("  -o smtp_dns_support_level=disabled\n")
                    .append("  -o smtp_tls_security_level=none\n")
                    .append("  -o max_use=20\n");
            out.append("127.0.0.1:").append(reinjectPort).append(" inet n - n - - smtpd\n")
                    .append("  -o content_filter=\n")
                    .append("  -o local_recipient_maps=\n")
                    .append("  -o relay_recipient_maps=\n")
                    .append("  -o smtpd_restriction_classes=\n")
                    .append("  -o smtpd_delay_reject=no\n")
                    .append("  -o smtpd_client_restrictions=permit_mynetworks,reject\n")
                    .append("  -o smtpd_helo_restrictions=\n")
                    .append("  -o smtpd_sender_restrictions=\n")
                    .append("  -o smtpd_relay_restrictions=permit_mynetworks,reject\n")
                    .append("  -o smtpd_recipient_restrictions=permit_mynetworks,reject\n")
                    .append("  -o smtpd_data_restrictions=reject_unauth_pipelining\n")
                    .append("  -o smtpd_end_of_data_restrictions=\n")
                    .append("  -o mynetworks=127.0.0.0/8\n")
                    .append("  -o smtpd_error_sleep_time=0\n")
                    .append("  -o smtpd_soft_error_limit=1001\n")
                    .append("  -o smtpd_hard_error_limit=1000\n")
                    .append("  -o smtpd_client_connection_count_limit=0\n")
                    .append("  -o smtpd_client_connection_rate_limit=0\n")
                    .append("  -o receive_override_options=no_header_body_checks,no_unknown_recipient_checks,no_milters\n")
                    .append("  -o smtpd_authorized_xforward_hosts=127.0.0.0/8\n");
        }
        // Postfix's own services, chroot off. postlog is required by maillog_file.
        out.append("""
                pickup    unix  n       -       n       60      1       pickup
                cleanup   unix  n       -       n       -       0       cleanup
                qmgr      unix  n       -       n       300     1       qmgr
                rewrite   unix  -       -       n       -       -       trivial-rewrite
                bounce    unix  -       -       n       -       0       bounce
                defer     unix  -       -       n       -       0       bounce
                trace     unix  -       -       n       -       0       bounce
                verify    unix  -       -       n       -       1       verify
                flush     unix  n       -       n       1000?   0       flush
                proxymap  unix  -       -       n       -       -       proxymap
                smtp      unix  -       -       n       -       -       smtp
                relay     unix  -       -       n       -       -       smtp
                showq     unix  n       -       n       -       -       showq
                error     unix  -       -       n       -       -       error
                retry     unix  -       -       n       -       -       error
                discard   unix  -       -       n       -       -       discard
                local     unix  -       n       n       -       -       local
                anvil     unix  -       -       n       -       1       anvil
                scache    unix  -       -       n       -       1       scache
                postlog   unix-dgram n  -       n       -       1       postlogd
                """);
        return out.toString();
    }
}
