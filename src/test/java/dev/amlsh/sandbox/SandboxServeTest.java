package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SandboxServeTest {

    @Test
    void servePrintsHowToConnectWithoutTheSecretAndStopsWhenInterrupted() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(SandboxServe.serve(new SandboxOptions(null, 0, Duration.ZERO), out)));
        serving.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (!bytes.toString(StandardCharsets.UTF_8).contains("Press Ctrl-C") && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        serving.interrupt();
        serving.join(10_000);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit.get());
        assertTrue(text.contains("ARM endpoint:    https://127.0.0.1:"), text);
        assertTrue(text.contains("Token endpoint:  https://127.0.0.1:") && text.contains("/adfs/oauth2/token"), text);
        assertTrue(text.contains("Certificate:") && text.contains(SandboxSeed.TENANT_ID) && text.contains(SandboxSeed.ADMIN_CLIENT_ID), text);
        assertFalse(text.contains(SandboxSeed.ADMIN_CLIENT_SECRET), "the secret is printed only when asked");
    }
}
