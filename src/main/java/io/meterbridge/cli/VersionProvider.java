package io.meterbridge.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the JAR manifest ({@code Implementation-Version}), or "development build". */
final class VersionProvider implements IVersionProvider {

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"meterbridge " + version(), "Java " + System.getProperty("java.version")};
    }
}
