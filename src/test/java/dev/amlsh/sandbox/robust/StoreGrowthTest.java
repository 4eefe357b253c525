package dev.amlsh.sandbox.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amlsh.sandbox.SandboxHttp;
import dev.amlsh.sandbox.SandboxSeed;
import dev.amlsh.sandbox.store.Retention;
import dev.amlsh.testing.ShellHarness;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The store keeps operation records and refresh tokens for as long as Azure does, not for ever. */
@Timeout(120)
class StoreGrowthTest {
    private ShellHarness sh;

    @BeforeEach
    void start() {
        System.setProperty(Retention.OPERATIONS_PROPERTY, "2000");
        sh = ShellHarness.signedIn();
    }

    @AfterEach
    void stop() {
        System.clearProperty(Retention.OPERATIONS_PROPERTY);
        sh.close();
        Homes.delete(sh.home());
    }

    private int rows(String space) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sh.home().resolve("sandbox").resolve("sandbox.db"));
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM kv WHERE space = ?")) {
            ps.setString(1, space);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(IntSupplier value, int expected, Duration limit) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (value.getAsInt() != expected && Instant.now().isBefore(end)) {
            Thread.sleep(100);
        }
        assertEquals(expected, value.getAsInt());
    }

    @Test
    void finishedOperationsAreForgottenAfterTheRetentionTime() throws Exception {
        for (int i = 0; i < 6; i++) {
            sh.ok("group create -n churn" + i + " -l eastus -o none");
            sh.ok("group delete -n churn" + i + " --yes");
        }
        assertTrue(rows("lro.operation") >= 1, "a delete is an operation, kept for a while after it ends");
        SandboxHttp http = new SandboxHttp(sh.sandbox());
        String group = "/subscriptions/" + SandboxSeed.SUBSCRIPTION_ID + "/resourceGroups/last";
        http.put(group, "{\"location\":\"eastus\"}");
        String status = http.delete(group).header("Azure-AsyncOperation");
        String path = status.substring(sh.sandbox().endpoint().toString().length());
        assertEquals("Succeeded", http.get(path).json().get("status").getAsString(), "kept while Azure keeps it");
        waitUntil(() -> rows("lro.operation"), 0, Duration.ofSeconds(20));
        assertEquals(0, rows("lro.done"));
        SandboxHttp.Response gone = http.get(path);
        assertEquals(404, gone.status(), gone.body());
        assertEquals("false\n", sh.ok("group exists -n churn3"), "purging records changes no resource");
    }

    @Test
    void refreshTokensExpireAfterNinetyDaysAndAreThenPurged() throws Exception {
        long old = Instant.now().minus(Duration.ofDays(91)).getEpochSecond();
        long recent = Instant.now().minus(Duration.ofDays(89)).getEpochSecond();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sh.home().resolve("sandbox").resolve("sandbox.db"));
             PreparedStatement ps = c.prepareStatement("INSERT INTO kv (space, key, value) VALUES ('identity.refresh', ?, ?)")) {
            ps.setString(1, "planted-old-token");
            ps.setString(2, SandboxSeed.admin().clientId() + "|" + old);
            ps.executeUpdate();
            // a token 89 days old, as a device-code sign-in leaves one: still valid, so it stays
            ps.setString(1, "planted-recent-token");
            ps.setString(2, SandboxSeed.admin().clientId() + "|" + recent + "|" + SandboxSeed.admin().clientId());
            ps.executeUpdate();
        }
        int live = rows("identity.refresh") - 1;
        SandboxHttp http = new SandboxHttp(sh.sandbox());
        SandboxHttp.Response r = http.tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", "planted-old-token",
                "client_id", SandboxSeed.admin().clientId(), "scope", "https://management.azure.com/.default"));
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains("invalid_grant") && r.body().contains("AADSTS700082"), r.body());
        // the store is purged in the background: the 91-day-old token goes, the live ones stay
        waitUntil(() -> rows("identity.refresh"), live, Duration.ofSeconds(20));
        assertEquals(0, sh.run("group list -o none").exitCode(), "the live sign-in still works");
    }
}
