package dev.amlsh.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.resourcemanager.resources.models.ResourceGroup;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The real Azure SDK for Java against the sandbox: the "//" paths, paging, LRO polling and error bodies. */
class AzureSdkTest {
    private static Sandbox sandbox;
    private static ResourceManager.Authenticated arm;

    @BeforeAll
    static void start() throws Exception {
        // The SDK polls every 30 s unless told otherwise (Retry-After 0 means "use the default"), as the client side will.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(d -> Duration.ofMillis(20));
        sandbox = Sandbox.start(new SandboxOptions(null, 0, Duration.ZERO));
        SandboxHttp http = new SandboxHttp(sandbox);
        String endpoint = sandbox.endpoint().toString();
        AzureEnvironment env = new AzureEnvironment(Map.of("resourceManagerEndpointUrl", endpoint,
                "activeDirectoryEndpointUrl", endpoint + "adfs/", "managementEndpointUrl", endpoint));
        TokenCredential credential = request -> Mono.fromCallable(() -> new AccessToken(http.token(), OffsetDateTime.now().plusHours(1)));
        com.azure.core.http.HttpClient client = new JdkHttpClientBuilder(HttpClient.newBuilder()
                .sslContext(SandboxHttp.sslContext(sandbox.certificatePem()))).build();
        arm = ResourceManager.configure().withHttpClient(client)
                .authenticate(credential, new AzureProfile(SandboxSeed.TENANT_ID, SandboxSeed.SUBSCRIPTION_ID, env));
    }

    @AfterAll
    static void stop() {
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(d -> d);
        sandbox.close();
    }

    @Test
    void subscriptionsTenantsAndProvidersDeserialize() {
        assertEquals(2, arm.subscriptions().list().stream().count());
        assertEquals("Sandbox", arm.subscriptions().getById(SandboxSeed.SUBSCRIPTION_ID).displayName());
        assertEquals(1, arm.tenants().list().stream().count());
        ResourceManager rm = arm.withSubscription(SandboxSeed.UNREGISTERED_SUBSCRIPTION_ID);
        assertEquals("NotRegistered", rm.providers().getByName("Microsoft.MachineLearningServices").registrationState());
    }

    @Test
    void groupLifecycleThroughTheSdk() {
        ResourceManager rm = arm.withSubscription(SandboxSeed.SUBSCRIPTION_ID);
        ResourceGroup g = rm.resourceGroups().define("sdk-rg").withRegion("eastus").withTag("team", "ml").create();
        assertEquals("sdk-rg", g.name());
        assertEquals("ml", rm.resourceGroups().getByName("SDK-RG").tags().get("team"));
        assertTrue(rm.resourceGroups().contain("sdk-rg"));
        for (int i = 0; i < 102; i++) {
            rm.resourceGroups().define("sdk-page-" + i).withRegion("westus").create();
        }
        assertTrue(rm.resourceGroups().list().stream().count() >= 103, "paging follows nextLink");
        rm.resourceGroups().deleteByName("sdk-rg");
        assertFalse(rm.resourceGroups().contain("sdk-rg"));
        ManagementException e = org.junit.jupiter.api.Assertions.assertThrows(ManagementException.class,
                () -> rm.resourceGroups().getByName("sdk-rg"));
        assertEquals("ResourceGroupNotFound", e.getValue().getCode());
    }
}
