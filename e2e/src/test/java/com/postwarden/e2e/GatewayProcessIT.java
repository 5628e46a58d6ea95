package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checks of the {@link GatewayProcess} harness itself against the real distribution. */
@Timeout(120)
class GatewayProcessIT {

    @Test
    void closeKillsTheRunningProcessFreesItsPortAndDeletesItsDirectory() throws Exception {
        long pid;
        int port;
        Path directory;
        try (SmtpSink nextHop = SmtpSink.started();
                GatewayProcess gateway = GatewayProcess.builder().nextHop(nextHop.port()).start()) {
            pid = gateway.pid();
            port = gateway.port();
            directory = gateway.directory();
            assertThat(LocalPorts.isListening(port)).isTrue();
            assertThat(SmtpDialogue.open(port).greeting().text()).startsWith("220 " + GatewayProcess.DEFAULT_HOSTNAME);
        }
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process %s", pid).isEqualTo(Optional.empty());
        assertThat(LocalPorts.isListening(port)).isFalse();
        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void restartRunsANewProcessOnTheSamePortWithTheSameConfigurationAndKeepsTheLog() throws Exception {
        try (SmtpSink nextHop = SmtpSink.started();
                GatewayProcess gateway = GatewayProcess.builder().nextHop(nextHop.port()).start()) {
            long first = gateway.pid();
            gateway.sigterm();
            assertThat(gateway.waitFor(Duration.ofSeconds(30))).isZero();

            gateway.restart();

            assertThat(gateway.pid()).isNotEqualTo(first);
            assertThat(LocalPorts.isListening(gateway.port())).isTrue();
            assertThat(gateway.logLines(" started with " + gateway.configFile())).hasSize(2);
            assertThat(gateway.logSinceLaunch()).containsOnlyOnce(" started with ");
            MailInjector.to(gateway.port()).send(TestMail.builder().build());
            assertThat(nextHop.awaitMessages(1, Duration.ofSeconds(30))).hasSize(1);
        }
    }
}
