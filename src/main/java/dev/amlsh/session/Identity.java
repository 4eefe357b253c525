package dev.amlsh.session;

/**
 * Who is signed in: a name to show and the kind of principal, as {@code account show} prints
 * them ({@code user} or {@code servicePrincipal}). Never holds a secret.
 *
 * <pre>{@code
 * new Identity("admin@sandbox.amlsh", "user");
 * }</pre>
 */
public record Identity(String name, String type) {
}
