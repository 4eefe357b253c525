package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.amlsh.sandbox.arm.ArmErrors;
import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.provider.ProviderContext;
import dev.amlsh.sandbox.provider.ProviderHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    private static final String SUB = SandboxSeed.SUBSCRIPTION_ID;
    private static final String UNREG = SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID;
    private static final String ML = "Microsoft.MachineLearningServices";
    private static final AtomicReference<ArmRequest> SEEN = new AtomicReference<>();
    private static Sandbox sandbox;
    private static SandboxHttp http;

    /** Stands in for the Storage handler another engineer writes: echoes what it was given. */
    static final class EchoHandler implements ProviderHandler {
        private final String namespace;

        EchoHandler(String namespace) {
            this.namespace = namespace;
        }

        @Override
        public String namespace() {
            return namespace;
        }

        @Override
        public ArmResponse handle(ArmRequest request, ProviderContext ctx) {
            SEEN.set(request);
            if (request.types().equals(List.of("storageAccounts")) && request.isMethod("PUT")) {
                JsonObject doc = request.bodyObject().deepCopy();
                doc.addProperty("id", request.resourceId());
                ctx.store().put(request.resourceId(), doc);
                return ArmResponse.created(doc);
            }
            throw ArmErrors.invalidResourceType(String.join("/", request.types()), namespace, request.apiVersion());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO),
                List.of(new EchoHandler("Microsoft.Storage"), new EchoHandler(ML)));
        http = new SandboxHttp(sandbox);
        http.put("/subscriptions/" + SUB + "/resourcegroups/rg1", "{\"location\":\"eastus\"}");
        http.put("/subscriptions/" + UNREG + "/resourcegroups/rg1", "{\"location\":\"eastus\"}");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void providersListAndGetHaveTheArmShape() {
        JsonArray all = http.get("/subscriptions/" + SUB + "/providers").json().getAsJsonArray("value");
        assertEquals(10, all.size());
        JsonObject ml = http.get("/subscriptions/" + UNREG + "/providers/microsoft.machinelearningservices").json();
        assertEquals("/subscriptions/" + UNREG + "/providers/" + ML, ml.get("id").getAsString());
        assertEquals(ML, ml.get("namespace").getAsString());
        assertEquals("NotRegistered", ml.get("registrationState").getAsString());
        assertEquals("RegistrationRequired", ml.get("registrationPolicy").getAsString());
        JsonObject workspaces = ml.getAsJsonArray("resourceTypes").get(0).getAsJsonObject();
        assertEquals("workspaces", workspaces.get("resourceType").getAsString());
        assertTrue(workspaces.getAsJsonArray("locations").toString().contains("East US"));
        assertTrue(workspaces.getAsJsonArray("apiVersions").toString().contains("2024-04-01"));
        assertEquals("Registered", http.get("/subscriptions/" + SUB + "/providers/" + ML).json().get("registrationState").getAsString());
        assertEquals("InvalidResourceNamespace", http.get("/subscriptions/" + SUB + "/providers/Microsoft.Nope").errorCode());
    }

    @Test
    void unregisteredNamespaceIsMissingSubscriptionRegistrationWithDetails() {
        SandboxHttp.Response r = http.put("/subscriptions/" + UNREG + "/resourceGroups/rg1/providers/" + ML + "/workspaces/ws1",
                "{\"location\":\"eastus\"}");
        assertEquals(409, r.status());
        String message = "The subscription is not registered to use namespace '" + ML
                + "'. See https://aka.ms/rps-not-found for how to register subscriptions.";
        JsonObject error = r.json().getAsJsonObject("error");
        assertEquals("MissingSubscriptionRegistration", error.get("code").getAsString());
        assertEquals(message, error.get("message").getAsString());
        JsonObject detail = error.getAsJsonArray("details").get(0).getAsJsonObject();
        assertEquals("MissingSubscriptionRegistration", detail.get("code").getAsString());
        assertEquals(ML, detail.get("target").getAsString());
        assertEquals(message, detail.get("message").getAsString());
        assertEquals(409, http.get("/subscriptions/" + UNREG + "/providers/" + ML + "/workspaces").status());
    }

    @Test
    void registerAndUnregisterChangeWhatRequestsMayDo() {
        String ns = "/subscriptions/" + UNREG + "/providers/Microsoft.Storage";
        SandboxHttp.Response off = http.post(ns + "/unregister", null);
        assertEquals("Unregistering", off.json().get("registrationState").getAsString());
        assertEquals("NotRegistered", http.get(ns).json().get("registrationState").getAsString());
        String sa = "/subscriptions/" + UNREG + "/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/sa9?api-version=2025-06-01";
        assertEquals("MissingSubscriptionRegistration", http.put(sa, "{\"location\":\"eastus\"}").errorCode());
        assertEquals("Registering", http.post(ns + "/register", null).json().get("registrationState").getAsString());
        assertEquals("Registered", http.get(ns).json().get("registrationState").getAsString());
        assertEquals(201, http.put(sa, "{\"location\":\"eastus\"}").status());
    }

    @Test
    void missingGroupIsReportedBeforeTheHandlerRuns() {
        SEEN.set(null);
        SandboxHttp.Response r = http.put("/subscriptions/" + SUB + "/resourceGroups/ghost/providers/Microsoft.Storage/storageAccounts/sa1",
                "{\"location\":\"eastus\"}");
        assertEquals(404, r.status());
        assertEquals("ResourceGroupNotFound", r.errorCode());
        assertNull(SEEN.get());
    }

    @Test
    void handlerGetsTheParsedRequest() {
        SandboxHttp.Response r = http.post("//subscriptions/" + SUB.toUpperCase() + "/resourcegroups/RG1/providers/microsoft.storage"
                + "/storageAccounts/sa1/listKeys?api-version=2024-01-01&$expand=kerb", "{}");
        assertEquals("InvalidResourceType", r.errorCode());
        ArmRequest seen = SEEN.get();
        assertEquals(SUB, seen.subscriptionId());
        assertEquals("RG1", seen.resourceGroup());
        assertEquals("microsoft.storage", seen.namespace());
        assertEquals(List.of("storageAccounts"), seen.types());
        assertEquals(List.of("sa1"), seen.names());
        assertEquals("listKeys", seen.action());
        assertEquals("sa1", seen.name());
        assertEquals("kerb", seen.queryParam("$expand"));
        assertEquals("2024-01-01", seen.apiVersion());
        assertEquals(SandboxSeed.ADMIN_OBJECT_ID, seen.principal().objectId());
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/RG1/providers/microsoft.storage/storageAccounts/sa1", seen.resourceId());
        assertEquals("/subscriptions/" + SUB + "/resourceGroups/RG1", seen.scope());
        assertNotNull(seen.body());
    }

    @Test
    void unknownNamespacesAndTypesGetArmsErrors() {
        SandboxHttp.Response ns = http.get("/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.Nope/things/x");
        assertEquals("InvalidResourceNamespace", ns.errorCode());
        SandboxHttp.Response type = http.get("/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.Storage/widgets/x");
        assertEquals(400, type.status());
        assertEquals("InvalidResourceType", type.errorCode());
        SandboxHttp.Response unserved = http.get("/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.DocumentDB/databaseAccounts/db1");
        assertEquals("InvalidResourceType", unserved.errorCode());
    }
}
