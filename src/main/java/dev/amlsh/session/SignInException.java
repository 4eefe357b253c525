package dev.amlsh.session;

/**
 * Signing in failed or the sign-in expired; the message says what to do (usually {@code login}).
 *
 * <pre>{@code
 * throw new SignInException("not signed in: run 'login'");
 * }</pre>
 */
public class SignInException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SignInException(String message) {
        super(message);
    }
}
