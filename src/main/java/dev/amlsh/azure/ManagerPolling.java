package dev.amlsh.azure;

import com.azure.resourcemanager.resources.fluentcore.arm.Manager;
import com.azure.resourcemanager.resources.fluentcore.model.HasServiceClient;
import java.lang.reflect.Field;
import java.time.Duration;

/**
 * The fluent SDK managers' poll interval, set on one manager only. The managers keep it in their
 * service client (30 s, used when the service sends no {@code Retry-After}) and offer no setter;
 * the only public knob is a JVM-wide delay provider, which would make every connection of the
 * process poll as the sandbox does. So the sandbox's managers get theirs set here, and a
 * manager of any other cloud keeps the SDK's.
 *
 * <pre>{@code
 * StorageManager storage = ManagerPolling.every(Duration.ofMillis(25), StorageManager.authenticate(pipeline, profile));
 * }</pre>
 */
final class ManagerPolling {
    private ManagerPolling() {
    }

    /** Sets the poll interval of {@code manager}'s service clients (its own, and its resource manager's). */
    static <T> T every(Duration interval, T manager) {
        if (manager instanceof HasServiceClient<?> fluent) {
            set(fluent.serviceClient(), interval);
        }
        if (manager instanceof Manager<?> arm && arm.resourceManager() != null && arm.resourceManager() != manager) {
            set(arm.resourceManager().serviceClient(), interval);
        }
        return manager;
    }

    private static void set(Object client, Duration interval) {
        for (Class<?> c = client == null ? null : client.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("defaultPollInterval");
                f.setAccessible(true);
                f.set(client, interval);
                return;
            } catch (NoSuchFieldException notHere) {
                // Look in the superclass.
            } catch (ReflectiveOperationException | RuntimeException e) {
                // An SDK that keeps the interval elsewhere: its operations poll at its own pace.
                return;
            }
        }
    }
}
