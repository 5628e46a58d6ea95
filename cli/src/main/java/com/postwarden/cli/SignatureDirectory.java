package com.postwarden.cli;

import com.postwarden.policies.config.ScanSettings;
import java.nio.file.Path;

/**
 * Where the signature database is: {@code scan.database} when configured, else the demo database shipped in the
 * distribution ({@code share/signatures} under the installation directory the launcher passes as
 * {@code postwarden.home}).
 */
public final class SignatureDirectory {
    private SignatureDirectory() {
    }

    public static Path of(ScanSettings settings) {
        return settings.database().orElseGet(SignatureDirectory::bundled);
    }

    static Path bundled() {
        return Path.of(System.getProperty("postwarden.home", "."), "share", "signatures");
    }
}
