package dev.amlsh.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsignedJarsTest {
    @TempDir
    Path dir;

    private Path jar(String name, String... entries) throws IOException {
        Path jar = Files.createDirectories(dir.resolve("lib")).resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String e : entries) {
                out.putNextEntry(new ZipEntry(e));
                out.write(e.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> names(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void signedJarsLoseOnlyTheirSignaturesAndOthersAreCopiedAsTheyAre() throws IOException {
        jar("signed.jar", "META-INF/MANIFEST.MF", "META-INF/AZURE.SF", "META-INF/AZURE.RSA", "com/azure/Core.class",
                "META-INF/services/x.Provider");
        Path plain = jar("plain.jar", "META-INF/MANIFEST.MF", "picocli/CommandLine.class");

        UnsignedJars.main(new String[] {dir.resolve("lib").toString(), dir.resolve("cds").toString()});

        assertEquals(List.of("META-INF/MANIFEST.MF", "com/azure/Core.class", "META-INF/services/x.Provider"),
                names(dir.resolve("cds/signed.jar")));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(plain), Files.readAllBytes(dir.resolve("cds/plain.jar"))));
    }
}
