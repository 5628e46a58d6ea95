package com.postwarden.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.postwarden.scan.DemoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String stderr) {
    }

    private Run serve(Path config) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Postwarden.commandLine().execute("serve", "--config", config.toString());
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aBrokenConfigurationStopsStartWithItsLineAndKey() throws Exception {
        Path config = Files.writeString(dir.resolve("postwarden.yaml"),
                "smtp:\n  listen: 127.0.0.1:0\n  maxMessageSize: lots\ndataDir: " + dir.resolve("var") + "\n");
        Run run = serve(config);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains(config + ":3: smtp.maxMessageSize: 'lots' is not a size");
        assertThat(dir.resolve("var")).as("nothing half-started").doesNotExist();
    }

    @Test
    void anUnknownHeuristicStopsStartWithTheKnownNames() throws Exception {
        Path config = Files.writeString(dir.resolve("postwarden.yaml"), "smtp:\n  listen: 127.0.0.1:0\ndataDir: "
                + dir.resolve("var") + "\nscan:\n  heuristics:\n    Heuristic.Macro.AutoOpn: off\n");
        Run run = serve(config);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("configuration error", "scan.heuristics.Heuristic.Macro.AutoOpn",
                "Heuristic.Macro.AutoOpen");
    }

    @Test
    void aMissingConfigurationFileIsNamed() {
        Run run = serve(dir.resolve("absent.yaml"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("absent.yaml: the file does not exist");
    }

    @Test
    void aMissingSignatureDatabaseStopsStartAndIsNamed() throws Exception {
        Path config = Files.writeString(dir.resolve("postwarden.yaml"), "smtp:\n  listen: 127.0.0.1:0\ndataDir: "
                + dir.resolve("var") + "\nscan:\n  database: " + dir.resolve("no-signatures") + "\n");
        Run run = serve(config);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.stderr()).contains("cannot load the signature database").contains("no-signatures");
        assertThat(dir.resolve("var")).as("nothing half-started").doesNotExist();
    }

    @Test
    void anAddressInUseIsReportedAndNothingKeepsRunning() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            Path signatures = dir.resolve("signatures");
            DemoDatabase.write(signatures);
            Path config = Files.writeString(dir.resolve("postwarden.yaml"), "smtp:\n  listen: 127.0.0.1:"
                    + taken.getLocalPort() + "\ndataDir: " + dir.resolve("var") + "\nscan:\n  database: "
                    + signatures + "\n");
            Run run = serve(config);
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.stderr()).contains("cannot start");
        }
    }
}
