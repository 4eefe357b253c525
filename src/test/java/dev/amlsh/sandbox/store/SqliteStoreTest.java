package dev.amlsh.sandbox.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    private static final String RG = "/subscriptions/S1/resourceGroups/RG1";

    private static JsonObject doc(String v) {
        JsonObject o = new JsonObject();
        o.addProperty("v", v);
        return o;
    }

    @Test
    void idsAreCaseInsensitiveAndKeepTheLastWrittenCasing() {
        try (SqliteStore store = SqliteStore.open(null)) {
            store.put(RG + "/providers/Microsoft.Storage/storageAccounts/SA1", doc("1"));
            store.put(RG.toLowerCase() + "/providers/microsoft.storage/storageaccounts/Sa1", doc("2"));
            StoredResource r = store.get(RG.toUpperCase() + "/PROVIDERS/MICROSOFT.STORAGE/STORAGEACCOUNTS/SA1").orElseThrow();
            assertEquals("Sa1", r.name());
            assertEquals("2", r.json().get("v").getAsString());
            assertEquals("microsoft.storage/storageaccounts", r.type());
            assertEquals("s1", r.subscriptionId());
            assertEquals("rg1", r.resourceGroup());
            assertTrue(r.id().endsWith("/storageaccounts/Sa1"));
        }
    }

    @Test
    void listsFilterBySubscriptionGroupAndTypeInKeyOrder() {
        try (SqliteStore store = SqliteStore.open(null)) {
            store.put(RG, doc("g"));
            store.put(RG + "/providers/Microsoft.Storage/storageAccounts/b", doc("b"));
            store.put(RG + "/providers/Microsoft.Storage/storageAccounts/a", doc("a"));
            store.put(RG + "/providers/Microsoft.KeyVault/vaults/v", doc("v"));
            store.put("/subscriptions/S1/resourceGroups/RG2/providers/Microsoft.Storage/storageAccounts/c", doc("c"));
            store.put("/subscriptions/S2/resourceGroups/RG1/providers/Microsoft.Storage/storageAccounts/d", doc("d"));
            List<StoredResource> inGroup = store.list(ResourceFilter.group("s1", "rg1"), null, 100);
            assertEquals(List.of("v", "a", "b"), inGroup.stream().map(StoredResource::name).toList());
            String sa = "Microsoft.Storage/storageAccounts";
            assertEquals(3, store.list(ResourceFilter.subscription("S1").ofType(sa), null, 100).size());
            assertEquals(4, store.list(ResourceFilter.type(sa), null, 100).size());
            List<StoredResource> first = store.list(ResourceFilter.type(sa), null, 2);
            List<StoredResource> rest = store.list(ResourceFilter.type(sa), first.get(1).key(), 100);
            assertEquals(2, rest.size());
            assertEquals(1, store.list(ResourceFilter.subscription("s1").ofType("Microsoft.Resources/resourceGroups"), null, 10).size());
        }
    }

    @Test
    void deleteUnderCascadesWithoutTouchingSiblingsWithTheSamePrefix() {
        try (SqliteStore store = SqliteStore.open(null)) {
            store.put(RG, doc("g"));
            store.put(RG + "/providers/Microsoft.Storage/storageAccounts/a", doc("a"));
            store.put(RG + "0/providers/Microsoft.Storage/storageAccounts/b", doc("b"));
            store.put(RG + "_x", doc("g2"));
            assertEquals(1, store.listUnder(RG).size());
            assertEquals(2, store.deleteUnder(RG.toLowerCase()));
            assertTrue(store.get(RG + "0/providers/Microsoft.Storage/storageAccounts/b").isPresent());
            assertTrue(store.get(RG + "_x").isPresent());
            assertTrue(store.delete(RG + "_X"));
            assertFalse(store.delete(RG + "_X"));
        }
    }

    @Test
    void keyValuesAndRolledBackTransactions() {
        try (SqliteStore store = SqliteStore.open(null)) {
            store.putValue("space", "a/1", "x");
            store.putValue("space", "a/2", "y");
            store.putValue("space", "b/1", "z");
            store.putValue("other", "a/3", "w");
            assertEquals(List.of("a/1", "a/2"), store.listValues("space", "a/").stream().map(KeyValue::key).toList());
            assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
                store.putValue("space", "a/1", "changed");
                store.put(RG, doc("g"));
                throw new IllegalStateException("abort");
            }));
            assertEquals("x", store.getValue("space", "a/1").orElseThrow());
            assertFalse(store.get(RG).isPresent());
            store.wipe();
            assertTrue(store.listValues("space", "").isEmpty());
        }
    }

    @Test
    void twoConnectionsOnOneFileSeeEachOtherAndNeverReportLocked(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("sandbox.db");
        try (SqliteStore a = SqliteStore.open(db); SqliteStore b = SqliteStore.open(db)) {
            a.put(RG, doc("from a"));
            assertEquals("from a", b.get(RG).orElseThrow().json().get("v").getAsString());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (SqliteStore s : List.of(a, b)) {
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            s.inTransaction(() -> {
                                int n = Integer.parseInt(s.getValue("counter", "n").orElse("0"));
                                s.putValue("counter", "n", Integer.toString(n + 1));
                                return null;
                            });
                        }
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals("200", a.getValue("counter", "n").orElseThrow(), "read-modify-write in transactions never loses an update");
        }
    }
}
