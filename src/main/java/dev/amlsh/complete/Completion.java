package dev.amlsh.complete;

import java.util.List;
import java.util.Locale;

/**
 * What Tab offers at the cursor: the word being completed (where it starts, what is typed so
 * far) and every candidate in scope, unfiltered (the shell matches them against the word).
 *
 * <pre>{@code
 * Completion c = completer.complete("group show -g r", 15);
 * c.matching(); // the candidates that start with "r", ignoring case
 * }</pre>
 */
public record Completion(int wordStart, String word, List<Candidate> candidates) {
    public Completion {
        candidates = List.copyOf(candidates);
    }

    /** The candidates that start with the typed word, ignoring case (for one-shot {@code --complete}). */
    public List<Candidate> matching() {
        String w = word.toLowerCase(Locale.ROOT);
        return candidates.stream().filter(c -> c.value().toLowerCase(Locale.ROOT).startsWith(w)).toList();
    }
}
