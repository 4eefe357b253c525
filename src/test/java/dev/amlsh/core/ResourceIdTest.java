package dev.amlsh.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourceIdTest {
    @Test
    void parsesAndPrintsIds() {
        ResourceId id = ResourceId.parse("//subscriptions/s1/resourcegroups/rg1/providers/Microsoft.Storage/storageAccounts/sa1/",
                "--storage-account");
        assertEquals("s1", id.subscriptionId());
        assertEquals("rg1", id.resourceGroup());
        assertTrue(id.isType("microsoft.storage/storageaccounts"));
        assertEquals("/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/sa1", id.id());
        assertTrue(id.sameAs(ResourceId.of("S1", "RG1", "Microsoft.Storage/storageAccounts", "SA1")));
    }

    @Test
    void aBadIdSaysWhatAGoodOneLooksLike() {
        AmlshException e = assertThrows(AmlshException.class, () -> ResourceId.parse("mysa", "--storage-account"));
        assertEquals(AmlshException.Fault.USAGE, e.fault());
        assertTrue(e.oneLine().startsWith("--storage-account: 'mysa' is not a resource ID."), e.oneLine());
        assertTrue(e.oneLine().contains("/subscriptions/<subscription-id>/resourceGroups/rg1/providers/"));
    }
}
