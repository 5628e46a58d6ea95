package com.postwarden.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Start-up failures of {@code postwarden serve} as docs/operations.md lists them: exit status 2 for a
 * configuration that cannot be used, with one message naming file, line and key and nothing started; exit
 * status 3 when the listen address is taken.
 */
@Timeout(120)
class GatewayStartupIT {

    private static final Duration EXIT = Duration.ofSeconds(30);

    @Test
    void aBrokenConfigurationExits2NamingFileLineAndKeyAndNeverBindsThePort() throws Exception {
        try (GatewayProcess gateway = GatewayProcess.builder()
                .nextHop(LocalPorts.freePort())
                .smtpLine("maxMessageSize: 50XB")
                .build()) {
            int line = gateway.configLineOf("maxMessageSize: 50XB");

            gateway.launch();
            boolean listened = false;
            while (gateway.isAlive()) {
                listened |= LocalPorts.isListening(gateway.port());
                Thread.sleep(5);
            }
            int status = gateway.waitFor(EXIT);

            assertThat(status).as("exit status" + gateway.diagnostics()).isEqualTo(2);
            assertThat(gateway.stderr().strip()).isEqualTo("postwarden: configuration error: " + gateway.configFile()
                    + ":" + line + ": smtp.maxMessageSize: '50XB' is not a size (write e.g. 512, 64KB, 50MB or 2GB)");
            assertThat(listened).as("the port was seen listening").isFalse();
            assertThat(gateway.logLines("SMTP listener on")).as("the listener never started").isEmpty();
            assertThat(Files.exists(gateway.dataDirectory())).as("data directory created").isFalse();
        }
    }

    @Test
    void aBrokenConfigurationIsReportedBeforeAnyBindEvenWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                GatewayProcess gateway = GatewayProcess.builder()
                        .listenPort(taken.getLocalPort())
                        .nextHop(LocalPorts.freePort())
                        .topLevelLine("shutdownTimeout2: 5s")
                        .build()) {
            int line = gateway.configLineOf("shutdownTimeout2");

            int status = gateway.launch().waitFor(EXIT);

            assertThat(status).as("exit status: the configuration, not the address" + gateway.diagnostics())
                    .isEqualTo(2);
            assertThat(gateway.stderr()).contains(gateway.configFile() + ":" + line + ": shutdownTimeout2: ");
        }
    }

    @Test
    void aListenAddressInUseExits3AndNamesTheProblem() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                GatewayProcess gateway = GatewayProcess.builder()
                        .listenPort(taken.getLocalPort())
                        .nextHop(LocalPorts.freePort())
                        .build()) {
            int status = gateway.launch().waitFor(EXIT);

            assertThat(status).as("exit status" + gateway.diagnostics()).isEqualTo(3);
            assertThat(gateway.stderr()).startsWith("postwarden: cannot start: ");
        }
    }
}
