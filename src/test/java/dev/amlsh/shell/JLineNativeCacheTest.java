package dev.amlsh.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.jline.nativ.OSInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** JLine's native library kept in amlsh's cache: made once, repaired when damaged, never an error. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class JLineNativeCacheTest {
    @TempDir
    Path cache;

    @AfterEach
    void forget() {
        System.clearProperty(JLineNativeCache.PATH_PROPERTY);
    }

    @Test
    void theLibraryIsUnpackedIntoAPrivateCacheAndADamagedCopyIsReplaced() throws IOException {
        byte[] library = jarCopy();
        Assumptions.assumeTrue(library != null, "JLine has no native library for this platform");
        cache = cache.resolve("home").resolve("cache");   // a fresh home: the cache folder is made here
        Path copy = cache.resolve("jline-native").resolve(OSInfo.getNativeLibFolderPathForCurrentOS())
                .resolve(System.mapLibraryName("jlinenative"));

        assertTrue(JLineNativeCache.use(cache));
        assertArrayEquals(library, Files.readAllBytes(copy));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        assertEquals(cache.resolve("jline-native").toString(), System.getProperty(JLineNativeCache.PATH_PROPERTY));

        System.clearProperty(JLineNativeCache.PATH_PROPERTY);
        Files.delete(copy);   // not written over: this JVM has the library mapped
        Files.write(copy, new byte[library.length]);
        assertTrue(JLineNativeCache.use(cache));
        assertArrayEquals(library, Files.readAllBytes(copy));
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesJLineToItsOwnUnpacking() throws IOException {
        Path notAFolder = Files.writeString(cache.resolve("file"), "x");
        assertFalse(JLineNativeCache.use(notAFolder));
        assertNull(System.getProperty(JLineNativeCache.PATH_PROPERTY));
        assertFalse(JLineNativeCache.use(null));
    }

    private static byte[] jarCopy() throws IOException {
        String resource = "/org/jline/nativ/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + System.mapLibraryName("jlinenative");
        try (InputStream in = OSInfo.class.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
