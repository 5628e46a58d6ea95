package com.postwarden.server;

import com.postwarden.policies.config.ConfigException;
import com.postwarden.policies.config.ConfigLoader;
import com.postwarden.policies.config.GatewayConfig;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import com.postwarden.cli.ConfigOption;
import picocli.CommandLine.Mixin;

/**
 * {@code postwarden serve}: runs the gateway until SIGTERM or SIGINT (drain, then exit 0); SIGHUP reloads the
 * configuration. A configuration that does not load stops it before anything listens (exit 2).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the gateway in the foreground.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    static final int EXIT_CONFIG = 2;
    static final int EXIT_START = 3;

    @Mixin
    ConfigOption config;

    @Override
    public Integer call() {
        ConfigLoader loader = new ConfigLoader();
        GatewayConfig initial;
        try {
            initial = loader.load(config.file());
        } catch (ConfigException e) {
            System.err.println("postwarden: configuration error: " + e.getMessage());
            return EXIT_CONFIG;
        }
        Gateway gateway;
        try {
            gateway = new Gateway(initial);
        } catch (IOException e) {
            System.err.println("postwarden: cannot start: " + e.getMessage());
            return EXIT_START;
        } catch (IllegalArgumentException e) {
            System.err.println("postwarden: configuration error: " + config.file() + ": " + e.getMessage());
            return EXIT_CONFIG;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // handlers first: a signal that arrives while the listener starts is not lost
        Signals.on("TERM", stopped::countDown);
        Signals.on("INT", stopped::countDown);
        Signals.on("HUP", () -> reload(loader, gateway));
        try {
            gateway.start();
        } catch (IOException | RuntimeException e) {
            System.err.println("postwarden: cannot start: " + e.getMessage());
            gateway.stop();
            return EXIT_START;
        }
        LOG.info("postwarden {} started with {}", Version.current(), config.file());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopping: no new mail accepted, waiting up to {} for messages in flight",
                gateway.config().shutdownTimeout());
        boolean clean = gateway.stop();
        LOG.info(clean ? "stopped" : "stopped; messages cut off at shutdown were answered 451 or not at all");
        return 0;
    }

    private void reload(ConfigLoader loader, Gateway gateway) {
        try {
            gateway.reload(loader.load(config.file()));
        } catch (ConfigException e) {
            LOG.error("reload refused, the running configuration stays: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("reload failed, the running configuration stays: {}", e.getMessage(), e);
        }
    }
}
