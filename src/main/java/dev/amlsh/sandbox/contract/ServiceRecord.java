package dev.amlsh.sandbox.contract;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;

/**
 * The discovery record of a running sandbox service: the file {@value ServiceFiles#RECORD} in its
 * home, written atomically once the service listens and removed when it stops. Every client of
 * the home (shells, scripts, one-shot commands) finds the service through it.
 *
 * <pre>{@code
 * Optional<ServiceRecord> running = ServiceRecord.read(sandboxHome.resolve(ServiceFiles.RECORD));
 * URI arm = running.orElseThrow().endpoint();
 * }</pre>
 *
 * @param endpoint           the ARM endpoint, with a trailing slash
 * @param pid                the process that serves it
 * @param processStart       when that process started (epoch milliseconds; 0 when unknown), to tell a reused PID
 * @param version            amlsh version of the service
 * @param buildId            build of the service (see {@link Build#id()}); a newer client replaces an older background service
 * @param startedAt          when the service started listening
 * @param mode               {@link #BACKGROUND} (started on demand) or {@link #FOREGROUND} ({@code amlsh sandbox serve})
 * @param certificate        the PEM of the server certificate, for clients to trust
 * @param tenantId           the sandbox tenant
 * @param identityHeader     the {@code IDENTITY_HEADER} of its managed-identity endpoint (as public as the seeded secrets)
 * @param idleTimeoutSeconds how long it waits without requests before it stops (0 = never)
 */
public record ServiceRecord(URI endpoint, long pid, long processStart, String version, String buildId, Instant startedAt,
                            String mode, Path certificate, String tenantId, String identityHeader, long idleTimeoutSeconds) {
    public static final String BACKGROUND = "background";
    public static final String FOREGROUND = "foreground";

    /** The managed-identity token endpoint ({@code IDENTITY_ENDPOINT}). */
    public URI identityEndpoint() {
        return endpoint.resolve("adfs/msi/token");
    }

    public boolean background() {
        return BACKGROUND.equals(mode);
    }

    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("endpoint", endpoint.toString());
        o.addProperty("pid", pid);
        o.addProperty("processStart", processStart);
        o.addProperty("version", version);
        o.addProperty("buildId", buildId);
        o.addProperty("startedAt", startedAt.toString());
        o.addProperty("mode", mode);
        o.addProperty("certificate", certificate.toString());
        o.addProperty("tenantId", tenantId);
        o.addProperty("identityHeader", identityHeader);
        o.addProperty("idleTimeoutSeconds", idleTimeoutSeconds);
        return o.toString();
    }

    /** Parses a record; a damaged or partial one is empty (the service is then treated as not running). */
    public static Optional<ServiceRecord> parse(String text) {
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            return Optional.of(new ServiceRecord(URI.create(o.get("endpoint").getAsString()), o.get("pid").getAsLong(),
                    o.get("processStart").getAsLong(), o.get("version").getAsString(), o.get("buildId").getAsString(),
                    Instant.parse(o.get("startedAt").getAsString()), o.get("mode").getAsString(),
                    Path.of(o.get("certificate").getAsString()), o.get("tenantId").getAsString(),
                    o.get("identityHeader").getAsString(), o.get("idleTimeoutSeconds").getAsLong()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The record in {@code file}, or empty when there is none (or it cannot be read). */
    public static Optional<ServiceRecord> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the record so a reader sees the old file, the new one or none, never half of one; mode 0600. */
    public void write(Path file) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName() + "-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, toJson());
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Same service: the same process started at the same time (a record rewritten by a successor differs). */
    public boolean sameServiceAs(ServiceRecord other) {
        return other != null && pid == other.pid && startedAt.equals(other.startedAt);
    }
}
