package dev.amlsh.sandbox.server;

import dev.amlsh.sandbox.contract.SandboxStatus;
import dev.amlsh.sandbox.faults.Faults;

/**
 * What the control endpoints ({@link dev.amlsh.sandbox.contract.ControlApi}) act on: the service
 * that hosts the sandbox.
 *
 * <pre>{@code
 * server.control(service);   // from then on /amlsh-sandbox/... answers for the admin
 * }</pre>
 */
public interface SandboxControl {
    SandboxStatus status();

    /** Wipes all state and seeds it again. */
    void reset();

    Faults faults();

    /** Stops the service soon after the current answer has been sent. */
    void stopSoon();
}
