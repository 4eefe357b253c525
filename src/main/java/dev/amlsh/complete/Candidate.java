package dev.amlsh.complete;

/**
 * One completion: the value to insert, what to show for it, a short description, and whether
 * the word is finished (a space follows) or goes on (a resource ID up to its next segment).
 *
 * <pre>{@code
 * new Candidate("/subscriptions/0b1f.../", "0b1f...", "Sandbox", false);
 * }</pre>
 */
public record Candidate(String value, String display, String description, boolean complete) {
    public static Candidate of(String value) {
        return new Candidate(value, value, null, true);
    }

    public static Candidate of(String value, String description) {
        return new Candidate(value, value, description, true);
    }
}
