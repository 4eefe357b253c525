package dev.amlsh.sandbox.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaultSpecTest {

    @Test
    void specsParseToRulesAndFormatBack() {
        FaultRule r = FaultSpec.parse("503, path=*/resourceGroups/*, times=2");
        assertEquals(FaultRule.Effect.STATUS, r.effect());
        assertEquals(503, r.status());
        assertEquals(-1, r.retryAfter());
        assertEquals("503,path=*/resourceGroups/*,times=2", FaultSpec.format(r));
        FaultRule throttle = FaultSpec.parse("status=429,method=get|put,rate=0.5");
        assertEquals(1, throttle.retryAfter(), "429 sends Retry-After: 1 unless told");
        assertEquals("GET|PUT", throttle.method());
        assertEquals(FaultRule.Effect.DELAY, FaultSpec.parse("delay=250").effect());
        assertEquals(250, FaultSpec.parse("drop,delay=250").delayMs());
        for (String spec : List.of("429,retry-after=3,method=GET,every=2,times=5", "lro-fail,method=DELETE,times=1", "token-fail",
                "drop,op=*/write,rate=0.25", "lro-cancel,path=/subscriptions*")) {
            assertEquals(spec, FaultSpec.format(FaultSpec.parse(spec)), spec);
        }
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertEquals("unknown fault setting 'colour'; use status, retry-after, delay, drop, lro-fail, lro-cancel, token-fail, method,"
                + " path, op, rate, every, times", assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("503,colour=red")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("200")).getMessage().contains("from 400 to 599"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("path=*")).getMessage().startsWith("a fault needs an effect"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("503,drop")).getMessage().startsWith("a fault has one effect"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("503,rate=2")).getMessage().startsWith("rate must be"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("503,rate=0.5,every=2")).getMessage().contains("not both"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("token-fail,method=GET")).getMessage().contains("token endpoint"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("drop,retry-after=1")).getMessage().contains("goes with a status"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("503,method=G E T")).getMessage().contains("method"));
        assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(" "));
    }

    @Test
    void rulesMatchMethodPathGlobAndOperationName() {
        String group = "/subscriptions/s1/resourceGroups/rg1";
        String op = OperationNames.of("PUT", List.of("subscriptions", "s1", "resourceGroups", "rg1"));
        assertEquals("Microsoft.Resources/subscriptions/resourceGroups/write", op);
        assertEquals("Microsoft.Storage/storageAccounts/listKeys/action", OperationNames.of("POST",
                List.of("subscriptions", "s", "resourceGroups", "g", "providers", "Microsoft.Storage", "storageAccounts", "sa", "listKeys")));
        assertEquals("Microsoft.Storage/register/action",
                OperationNames.of("POST", List.of("subscriptions", "s", "providers", "Microsoft.Storage", "register")));
        FaultRule byPath = FaultSpec.parse("503,path=*/RESOURCEGROUPS/*");
        assertTrue(byPath.matches("GET", group, op, false));
        assertFalse(byPath.matches("GET", "/subscriptions/s1", op, false));
        assertFalse(byPath.matches("POST", "/adfs/oauth2/token", null, true), "only token-fail touches the token endpoint");
        FaultRule byOp = FaultSpec.parse("drop,op=*/resourceGroups/write,method=PUT|PATCH");
        assertTrue(byOp.matches("PUT", group, op, false));
        assertFalse(byOp.matches("DELETE", group, "Microsoft.Resources/subscriptions/resourceGroups/delete", false));
        assertTrue(FaultSpec.parse("token-fail").matches("POST", "/adfs/oauth2/token", null, true));
        assertFalse(FaultSpec.parse("token-fail").matches("GET", group, op, false));
    }
}
