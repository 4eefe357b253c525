package dev.amlsh.sandbox.provider;

import dev.amlsh.sandbox.arm.ArmRequest;
import dev.amlsh.sandbox.arm.ArmResponse;
import dev.amlsh.sandbox.store.StoredResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The handlers by namespace, initialised once with the shared context.
 *
 * <pre>{@code
 * ProviderRegistry registry = new ProviderRegistry(ProviderHandlers.builtIn(), ctx);
 * registry.find("microsoft.storage").ifPresent(h -> h.handle(req, registry.context()));
 * }</pre>
 */
public final class ProviderRegistry {
    private final Map<String, ProviderHandler> handlers = new LinkedHashMap<>();
    private final ProviderContext context;

    /** Later handlers of the same namespace replace earlier ones (tests use this to stand in for one). */
    public ProviderRegistry(List<ProviderHandler> all, ProviderContext context) {
        this.context = context;
        for (ProviderHandler h : all) {
            handlers.put(h.namespace().toLowerCase(Locale.ROOT), h);
        }
        handlers.values().forEach(h -> h.init(context));
    }

    public ProviderContext context() {
        return context;
    }

    public Optional<ProviderHandler> find(String namespace) {
        return Optional.ofNullable(handlers.get(namespace.toLowerCase(Locale.ROOT)));
    }

    public ArmResponse dispatch(ProviderHandler handler, ArmRequest request) {
        return handler.handle(request, context);
    }

    /** Lets every handler see its resources of a group about to be deleted. */
    public void beforeGroupDelete(List<StoredResource> resources) {
        for (ProviderHandler h : handlers.values()) {
            String prefix = h.namespace().toLowerCase(Locale.ROOT) + "/";
            List<StoredResource> mine = new ArrayList<>();
            for (StoredResource r : resources) {
                if (r.type().startsWith(prefix)) {
                    mine.add(r);
                }
            }
            if (!mine.isEmpty()) {
                h.onGroupDelete(mine, context);
            }
        }
    }
}
