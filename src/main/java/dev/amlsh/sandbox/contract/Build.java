package dev.amlsh.sandbox.contract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version and build of this amlsh: a client and a running sandbox compare build IDs, and a
 * newer client replaces an older background sandbox.
 *
 * <pre>{@code
 * if (Build.newer(Build.id(), running.buildId())) { replace(running); }
 * }</pre>
 */
public final class Build {
    private static final String UNKNOWN = "0";
    private static volatile String id;

    private Build() {
    }

    /** The build time as {@code yyyyMMddHHmmss} (stamped by the build), or "0" when it is not known. */
    public static String id() {
        String known = id;
        if (known == null) {
            Properties p = new Properties();
            try (InputStream in = Build.class.getResourceAsStream("build.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException ignored) {
                // no stamp: unknown build
            }
            String stamp = p.getProperty("build", UNKNOWN).trim();
            known = stamp.matches("\\d{8,}") ? stamp : UNKNOWN;
            id = known;
        }
        return known;
    }

    public static String version() {
        String v = Build.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    /** True when build {@code a} is newer than build {@code b} (IDs of the same length compare as text). */
    public static boolean newer(String a, String b) {
        if (a == null || b == null || a.length() != b.length()) {
            return a != null && (b == null || a.length() > b.length());
        }
        return a.compareTo(b) > 0;
    }
}
