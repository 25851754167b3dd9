package io.ae4j.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code ae --version} prints: the version the build wrote into ae.jar's manifest
 * (Implementation-Version). Run from compiled classes, as tests and IDEs do, there is no manifest
 * to read, and the version says so.
 */
final class AeVersion implements IVersionProvider {

    /** Printed in place of a version when ae does not run from its jar. */
    static final String UNPACKAGED = "(unpackaged: the version is known only in ae.jar)";

    @Override
    public String[] getVersion() {
        return new String[] {line(AeVersion.class.getPackage().getImplementationVersion())};
    }

    /** The line {@code ae --version} prints for the manifest's version, or for none if null. */
    static String line(String implementationVersion) {
        return "ae4j " + (implementationVersion != null ? implementationVersion : UNPACKAGED);
    }
}
