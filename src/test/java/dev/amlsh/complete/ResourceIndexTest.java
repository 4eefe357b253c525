package dev.amlsh.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index alone: ranges by group and type, staleness, and changes that a late listing must not undo. */
class ResourceIndexTest {
    static final String SUB = "0b1f6471-1bf0-4dda-aec3-111122223333";
    static final String SA = "Microsoft.Storage/storageAccounts";

    static IndexedResource sa(String group, String name) {
        return new IndexedResource(SUB, group, SA, name);
    }

    static List<String> names(java.util.Collection<IndexedResource> rs) {
        return rs.stream().map(IndexedResource::name).toList();
    }

    @Test
    void aDeleteDuringARefreshIsNotUndoneByTheOlderListing() {
        ResourceIndex index = new ResourceIndex(Duration.ofMinutes(1), Clock.systemUTC());
        index.replace(SUB, new IndexSource.Inventory(List.of("rg"), List.of(), List.of(sa("rg", "a"), sa("rg", "b"))), 0);
        long listingStarts = index.sequence();
        index.remove(sa("rg", "a"));
        index.put(sa("rg", "c"));
        // The listing was taken before the delete and the create: it still has "a" and lacks "c".
        index.replace(SUB, new IndexSource.Inventory(List.of("rg"), List.of(), List.of(sa("rg", "a"), sa("rg", "b"))), listingStarts);
        assertEquals(List.of("b", "c"), names(index.inGroup(SUB, "RG", SA)));
        index.replace(SUB, new IndexSource.Inventory(List.of("rg"), List.of(), List.of(sa("rg", "a"))), index.sequence());
        assertEquals(List.of("a"), names(index.inGroup(SUB, "rg", null)), "a later listing is the truth");
    }

    @Test
    void groupDeleteDropsEverythingUnderItAndNothingElse() {
        ResourceIndex index = new ResourceIndex(Duration.ofMinutes(1), Clock.systemUTC());
        index.replace(SUB, new IndexSource.Inventory(List.of("rg", "rg2", "rg-x"), List.of(),
                List.of(sa("rg", "a"), sa("rg2", "b"), sa("rg-x", "c"))), 0);
        index.removeGroup(SUB, "RG");
        assertEquals(List.of("rg-x", "rg2"), index.groups(SUB));
        assertEquals(List.of("c", "b"), names(index.ofType(SUB, SA)), "in ID order: rg-x before rg2");
    }

    @Test
    void readsOfMissingStaleOrDirtyDataAskForARefreshAndStillAnswer() {
        Instant[] now = {Instant.parse("2025-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        ResourceIndex index = new ResourceIndex(Duration.ofSeconds(60), clock);
        List<String> asked = new ArrayList<>();
        index.onStale(asked::add);
        assertEquals(List.of(), index.groups(SUB));
        assertEquals(List.of(SUB), asked, "missing");
        index.replace(SUB, new IndexSource.Inventory(List.of("rg"), List.of(), List.of()), 0);
        index.groups(SUB);
        assertEquals(1, asked.size(), "fresh: no refresh");
        now[0] = now[0].plusSeconds(61);
        assertEquals(List.of("rg"), index.groups(SUB), "stale data is still answered");
        assertEquals(2, asked.size(), "stale");
        index.replace(SUB, new IndexSource.Inventory(List.of("rg"), List.of(), List.of()), 0);
        index.invalidate(SUB);
        index.groups(SUB);
        assertEquals(3, asked.size(), "dirty");
    }

    @Test
    void cacheRoundTripKeepsGroupsResourcesUsersAndAge() throws Exception {
        ResourceIndex index = new ResourceIndex(Duration.ofMinutes(1), Clock.systemUTC());
        index.replace(SUB, new IndexSource.Inventory(List.of("rg"), List.of("eastus"), List.of(sa("rg", "a"))), 0);
        index.users(List.of("alice@sandbox.amlsh"));
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("amlsh-cache").resolve("cache/index.json");
        IndexCache.save(file, index);
        ResourceIndex loaded = new ResourceIndex(Duration.ofMinutes(1), Clock.systemUTC());
        assertTrue(IndexCache.load(file, loaded));
        assertTrue(loaded.isFresh(SUB));
        assertEquals(List.of("a"), names(loaded.inGroup(SUB, "rg", SA)));
        assertEquals(List.of("eastus"), loaded.locations(SUB));
        assertEquals(List.of("alice@sandbox.amlsh"), loaded.users());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)));
    }
}
