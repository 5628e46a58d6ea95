package com.postwarden.server;

import picocli.CommandLine;

/** The version recorded in the jar manifest at build time. */
final class Version implements CommandLine.IVersionProvider {
    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"postwarden " + current()};
    }
}
