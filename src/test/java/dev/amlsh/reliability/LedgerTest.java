package dev.amlsh.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amlsh.sandbox.store.StoredResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reliability run's audit rules, on made-up stores. */
class LedgerTest {
    private static StoredResource group(String name) {
        return new StoredResource("k", "/subscriptions/s/resourceGroups/" + name, "s", null, Ledger.GROUP, name, "{}");
    }

    private static StoredResource storage(String group, String name) {
        return new StoredResource("k", "/subscriptions/s/resourceGroups/" + group + "/providers/Microsoft.Storage/storageAccounts/" + name,
                "s", group, Ledger.STORAGE, name, "{}");
    }

    @Test
    void reportedCreatedButMissingIsLostAndPresentButReportedDeletedIsUnreported() {
        Ledger ledger = new Ledger();
        ledger.created(Ledger.GROUP, "rel-g1");
        ledger.created(Ledger.GROUP, "REL-G2");
        ledger.deleted(Ledger.GROUP, "rel-g2");
        Ledger.Audit audit = ledger.audit(List.of(group("REL-G2")));
        assertEquals(List.of(Ledger.GROUP + "/rel-g1"), audit.lost());
        assertEquals(List.of(Ledger.GROUP + "/rel-g2"), audit.unreported());
        assertEquals(List.of(), audit.duplicated());
    }

    @Test
    void anUnknownOutcomeAcceptsBothAndAGroupDeleteTakesItsAccounts() {
        Ledger ledger = new Ledger();
        ledger.created(Ledger.GROUP, "rel-g1");
        ledger.inGroup("relsa1", "rel-g1");
        ledger.created(Ledger.STORAGE, "relsa1");
        ledger.unknown(Ledger.STORAGE, "relsa2");
        assertEquals(new Ledger.Audit(List.of(), List.of(), List.of()),
                ledger.audit(List.of(group("rel-g1"), storage("rel-g1", "relsa1"), storage("rel-g1", "relsa2"))));
        ledger.deleted(Ledger.GROUP, "REL-G1");
        assertEquals(Ledger.State.ABSENT, ledger.state(Ledger.STORAGE, "relsa1"));
        assertEquals(List.of(Ledger.STORAGE + "/relsa1"), ledger.audit(List.of(storage("rel-g1", "relsa1"))).unreported());
    }

    @Test
    void oneNameHeldTwiceIsDuplicated() {
        Ledger ledger = new Ledger();
        ledger.created(Ledger.STORAGE, "relsa1");
        Ledger.Audit audit = ledger.audit(List.of(storage("rel-g1", "relsa1"), storage("rel-g2", "RELSA1")));
        assertEquals(List.of(Ledger.STORAGE + "/relsa1 x2"), audit.duplicated());
    }
}
