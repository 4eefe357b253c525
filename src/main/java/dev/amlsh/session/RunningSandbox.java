package dev.amlsh.session;

import dev.amlsh.sandbox.contract.ServiceRecord;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A running sandbox service as found through its record, and the record file's time when read
 * (a rewritten record means another service).
 *
 * <pre>{@code
 * RunningSandbox local = launcher.ensureRunning();
 * long pid = local.record().pid();
 * }</pre>
 */
public record RunningSandbox(ServiceRecord record, FileTime readAt) implements LocalCloud {
    @Override
    public URI endpoint() {
        return record.endpoint();
    }

    @Override
    public Path certificate() {
        return record.certificate();
    }

    @Override
    public String tenantId() {
        return record.tenantId();
    }

    @Override
    public URI identityEndpoint() {
        return record.identityEndpoint();
    }

    @Override
    public String identityHeader() {
        return record.identityHeader();
    }
}
