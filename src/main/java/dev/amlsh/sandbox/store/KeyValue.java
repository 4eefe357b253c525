package dev.amlsh.sandbox.store;

/**
 * One entry of the store's key-value table (registration state, soft-deleted records, operations...).
 *
 * <pre>{@code
 * for (KeyValue kv : store.listValues("keyvault.deleted", sub + "/")) { ... }
 * }</pre>
 *
 * @param space the table a provider chose, e.g. {@code lro.operation}
 * @param key   key inside the space
 * @param value the value (usually JSON)
 */
public record KeyValue(String space, String key, String value) {
}
