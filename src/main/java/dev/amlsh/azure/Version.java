package dev.amlsh.azure;

/**
 * The version of amlsh, from the jar's manifest (or "dev" when run from classes).
 *
 * <pre>{@code
 * String v = Version.current();
 * }</pre>
 */
public final class Version {
    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }
}
