package dev.amlsh.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the runtime jars for the launcher's class-data-sharing archive, without the jar
 * signatures. The JVM leaves classes of signed jars out of a CDS archive (the Azure SDK's jars
 * are signed, so most of the start-up would stay uncached), and JDK 17's dynamic archiving
 * crashes on lambdas of those left-out classes. Signatures on the class path protect nothing
 * without a security manager; Maven already checked the jars' checksums when it fetched them.
 *
 * <pre>{@code
 * java -cp target/amlsh.jar dev.amlsh.app.UnsignedJars target/lib target/cds/lib
 * }</pre>
 */
public final class UnsignedJars {
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+");

    private UnsignedJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: UnsignedJars FROM_DIR TO_DIR");
            System.exit(2);
        }
        Path to = Files.createDirectories(Path.of(args[1]));
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                copy(jar, to.resolve(jar.getFileName().toString()));
            }
        }
    }

    static boolean isSignature(String entryName) {
        return SIGNATURE.matcher(entryName.toUpperCase(Locale.ROOT)).matches();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile())) {
            if (zip.stream().noneMatch(e -> isSignature(e.getName()))) {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            try (OutputStream file = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(file)) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    if (isSignature(entry.getName())) {
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }
}
