package dev.amlsh.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The shell's system terminal, opened without a subprocess on the way to the prompt. Left to
 * itself, JLine 3.30 asks every provider whether the streams are terminals (the exec provider runs
 * {@code test -t 1}) and runs {@code infocmp -x $TERM} for the terminal's capabilities, each a
 * fork and exec. Here the native (JNI) provider is named, and the capabilities are read from the
 * terminfo database ({@link Terminfo}) or, for a type it lacks, taken from JLine's built-in ones
 * (JLine's own fallback, without the stack trace it logs when {@code infocmp} fails). When the
 * native provider cannot load (no writable temporary folder for its library, an unusual platform),
 * JLine's other providers are tried as before.
 *
 * <pre>{@code
 * try (Terminal terminal = SystemTerminal.open(System.getenv(), home.cache())) { ... }
 * }</pre>
 */
final class SystemTerminal {
    private SystemTerminal() {
    }

    /** Opens the terminal; JLine's native library is kept unpacked under {@code cache} (null: unpacked by JLine). */
    static Terminal open(Map<String, String> env, Path cache) throws IOException {
        String type = TerminalBuilder.builder().system(true).computeType();
        seedCapabilities(type, env);
        if (type != null && type.startsWith(Terminal.TYPE_DUMB)) {
            return TerminalBuilder.builder().system(true).build();   // JLine's dumb terminal, as it has always been chosen
        }
        if (!nativeAccessQuiet()) {
            // Java 22+ without --enable-native-access: JNI and FFM would print four warning lines
            return TerminalBuilder.builder().system(true).jni(false).ffm(false).build();
        }
        if (JLineNativeCache.use(cache) || nativeLibraryCanLoad()) {
            try {
                return TerminalBuilder.builder().system(true).provider("jni").dumb(false).build();
            } catch (IOException | RuntimeException | LinkageError unavailable) {
                // the other providers below
            }
        }
        // JLine's own choice without the native provider: ffm on Java 22+, exec, else a dumb terminal
        return TerminalBuilder.builder().system(true).jni(false).build();
    }

    /**
     * Gives JLine the capabilities of {@code type} so that it does not run {@code infocmp} for them:
     * the terminfo database's entry; for a type the database lacks, JLine's built-in description
     * (infocmp, reading the same database, would fail, and JLine would log a stack trace before
     * taking it). A machine without a database in the usual folders (a hashed one, say) is left to
     * infocmp, asked quietly.
     */
    static void seedCapabilities(String type, Map<String, String> env) {
        if (type == null || InfoCmp.getLoadedInfoCmp(type) != null) {
            return;
        }
        try {
            String caps = Terminfo.source(type, env).orElse(null);
            if (caps == null && !Terminfo.hasDatabase(env)) {
                caps = quietInfocmp(type);
            }
            if (caps == null) {
                caps = InfoCmp.getDefaultInfoCmp(type) != null ? InfoCmp.getDefaultInfoCmp(type) : InfoCmp.getDefaultInfoCmp("ansi");
            }
            if (caps != null) {
                InfoCmp.setLoadedInfoCmp(type, caps);
            }
        } catch (RuntimeException | ExceptionInInitializerError unreadable) {
            // JLine asks infocmp, as it would have
        }
    }

    private static String quietInfocmp(String type) {
        try {
            return InfoCmp.getInfoCmp(type);   // infocmp, else JLine's built-in; an exception when neither
        } catch (IOException | InterruptedException | RuntimeException unknown) {
            if (unknown instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    /**
     * False on Java 22 and newer when native access is not enabled for amlsh and JLine (the
     * classpath's unnamed module): loading JLine's library or calling the FFM API would print the
     * runtime's warning then. Windows has no other system terminal, so it is not spared there.
     */
    static boolean nativeAccessQuiet() {
        if (Runtime.version().feature() < 22 || System.getProperty("os.name", "").startsWith("Windows")) {
            return true;
        }
        try {
            Object enabled = Module.class.getMethod("isNativeAccessEnabled").invoke(SystemTerminal.class.getModule());
            return Boolean.TRUE.equals(enabled);
        } catch (ReflectiveOperationException | RuntimeException unknown) {
            return true;
        }
    }

    /**
     * False when the folder JLine extracts its native library to is not a writable folder: the
     * loader would log a warning (two lines) before the shell fell back to another provider.
     */
    private static boolean nativeLibraryCanLoad() {
        String dir = System.getProperty("jline.tmpdir", System.getProperty("java.io.tmpdir"));
        if (System.getProperty("library.jline.path") != null) {
            return true;
        }
        try {
            Path tmp = Path.of(dir);
            return Files.isDirectory(tmp) && Files.isWritable(tmp);
        } catch (RuntimeException invalid) {
            return false;
        }
    }
}
