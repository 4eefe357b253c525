package dev.amlsh.session;

import java.io.IOException;
import java.nio.file.Path;

/** One-line descriptions of failures of the home's own files. */
final class LocalFiles {
    private LocalFiles() {
    }

    static String cannotSave(Path file, IOException e) {
        String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return "cannot save " + file + ": " + why;
    }
}
