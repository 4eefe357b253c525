package dev.amlsh.azure;

import dev.amlsh.core.AmlshException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Failures of this machine's files (the home, config.json, the sandbox's keys and store) told
 * apart from network failures: both arrive as {@link IOException}s, but only one is fixed by
 * checking the network. Names the file and what is wrong with it.
 *
 * <pre>{@code
 * AmlshException local = LocalFileErrors.find(error);   // null when no local file is at fault
 * }</pre>
 */
final class LocalFileErrors {
    static final String HINT = "Fix the file or its folder (owner, permissions, free space), or point AMLSH_HOME at another folder.";

    private LocalFileErrors() {
    }

    static AmlshException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getFile() != null) {
                // a failed move names the temporary file first; the file the user knows is its target
                String file = fs.getOtherFile() != null ? fs.getOtherFile() : fs.getFile();
                String problem = problem(fs, Path.of(file));
                return new AmlshException(AmlshException.Fault.SERVICE, "Cannot use " + file + ": " + problem + ".",
                        problem.startsWith("damaged") ? "Delete it (amlsh makes a new one) and run the command again." : HINT, error);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (damagedKeystore(t)) {
                String where = firstMessageNamingAFile(error);
                return new AmlshException(AmlshException.Fault.SERVICE,
                        "A key store of amlsh is damaged" + (where == null ? "" : " (" + where + ")") + ": " + t.getMessage() + ".",
                        "Delete the damaged file (or the home's sandbox/certs folder) and run the command again; a new one is made.", error);
            }
        }
        return null;
    }

    private static String problem(FileSystemException fs, Path file) {
        String reason = fs.getReason() == null ? "" : fs.getReason().toLowerCase(Locale.ROOT);
        if (fs instanceof AccessDeniedException || reason.contains("permission denied")) {
            return "permission denied";
        }
        if (reason.contains("read-only file system")) {
            return "the file system is read-only";
        }
        if (reason.contains("no space left")) {
            return "the disk is full";
        }
        if (fs instanceof NotDirectoryException || reason.contains("not a directory")) {
            return "a file stands where a folder is needed";
        }
        if (fs instanceof FileAlreadyExistsException && !Files.isDirectory(file)) {
            return "it is a file, not a folder";
        }
        if (fs instanceof DirectoryNotEmptyException || reason.contains("is a directory") || Files.isDirectory(file)) {
            return "it is a folder, not a file";
        }
        if (fs instanceof NoSuchFileException) {
            return "it does not exist";
        }
        return fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
    }

    private static boolean damagedKeystore(Throwable t) {
        if (t instanceof java.security.UnrecoverableKeyException || t instanceof java.security.KeyStoreException) {
            return true;
        }
        String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return t instanceof IOException && (m.contains("keystore password was incorrect") || m.contains("derinputstream"));
    }

    private static String firstMessageNamingAFile(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                java.util.regex.Matcher path = java.util.regex.Pattern.compile("(/[^\\s:]+)").matcher(m);
                if (path.find()) {
                    return path.group(1);
                }
            }
        }
        return null;
    }
}
