package dev.amlsh.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.function.Consumer;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * JLine's file history with two guards: secrets typed on a line are masked before the line is
 * kept ({@link SecretMask}), and a history file that cannot be read (bad bytes, no permission) is
 * set aside as {@code history.corrupt} with a one-line warning instead of a logged stack trace. The
 * file stays 0600 after JLine rewrites it.
 *
 * <pre>{@code
 * LineReaderBuilder.builder().history(new MaskingHistory(System.err::println)) ...
 * }</pre>
 */
final class MaskingHistory extends DefaultHistory {
    private final Consumer<String> warnings;
    private LineReader reader;

    MaskingHistory(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    @Override
    public void add(Instant time, String line) {
        super.add(time, SecretMask.mask(line));
    }

    @Override
    public void load() throws IOException {
        try {
            super.load();
        } catch (IOException | RuntimeException unreadable) {
            Path file = file();
            String where = file == null ? "the history" : file.toString();
            if (file != null && Files.exists(file)) {
                Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
                try {
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                    where = file + " (moved to " + aside + ")";
                } catch (IOException ignored) {
                    // Left where it is; the shell still works, only the old entries are missing.
                }
            }
            warnings.accept("WARNING: cannot read " + where + "; starting with an empty history.");
        }
    }

    @Override
    public void save() throws IOException {
        try {
            super.save();
            Path file = file();
            if (file != null && Files.exists(file)) {
                // JLine rewrites the file when it trims it; keep it private whatever the umask.
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the profile folder's own protection applies
                }
            }
        } catch (IOException e) {
            warnings.accept("WARNING: cannot save the history: " + e.getMessage());
        }
    }

    @Override
    public void attach(LineReader lineReader) {
        this.reader = lineReader;
        super.attach(lineReader);
    }

    private Path file() {
        Object value = reader == null ? null : reader.getVariable(LineReader.HISTORY_FILE);
        return value instanceof Path p ? p : value == null ? null : Path.of(value.toString());
    }
}
