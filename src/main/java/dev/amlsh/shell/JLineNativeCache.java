package dev.amlsh.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.jline.nativ.OSInfo;

/**
 * JLine's native library kept unpacked in amlsh's private cache folder, so that JLine loads it
 * from there ({@code library.jline.path}) instead of unpacking it into the temporary folder on
 * every start (a write, two reads and a comparison on the way to the prompt). The copy is checked
 * against the one in JLine's jar each time and replaced when it differs (another JLine version),
 * and loaded here first: any failure (no platform library, a read-only or {@code noexec} cache)
 * leaves JLine to its own unpacking, without the warning JLine would log for a failed load.
 *
 * <pre>{@code
 * JLineNativeCache.use(home.cache());
 * }</pre>
 */
final class JLineNativeCache {
    static final String PATH_PROPERTY = "library.jline.path";

    private JLineNativeCache() {
    }

    /** Points JLine at the copy under {@code cache} (made or refreshed first); true when it did. */
    static boolean use(Path cache) {
        if (cache == null || System.getProperty(PATH_PROPERTY) != null) {
            return false;
        }
        try {
            String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("jlinenative");
            byte[] library;
            try (InputStream in = OSInfo.class.getResourceAsStream("/org/jline/nativ/" + folder + "/" + name)) {
                if (in == null) {
                    return false;   // no library for this platform: JLine's other providers
                }
                library = in.readAllBytes();
            }
            Path root = cache.resolve("jline-native");
            Path copy = root.resolve(folder).resolve(name);
            if (!sameContent(copy, library)) {
                createPrivately(copy.getParent());
                Path tmp = Files.createTempFile(copy.getParent(), name, ".tmp");
                try {
                    Files.write(tmp, library);
                    move(tmp, copy);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            System.load(copy.toAbsolutePath().toString());   // a folder that forbids it (noexec): JLine's own unpacking
            System.setProperty(PATH_PROPERTY, root.toString());
            return true;
        } catch (IOException | RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    private static boolean sameContent(Path file, byte[] expected) throws IOException {
        return Files.isRegularFile(file) && Files.size(file) == expected.length
                && Arrays.equals(Files.readAllBytes(file), expected);
    }

    /** Creates {@code dir} and its missing parents 0700, as amlsh's home makes its folders (the cache holds tokens too). */
    private static void createPrivately(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            createPrivately(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            // another amlsh made it meanwhile
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
