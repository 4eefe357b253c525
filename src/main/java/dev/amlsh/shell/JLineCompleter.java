package dev.amlsh.shell;

import dev.amlsh.complete.Completion;
import dev.amlsh.complete.LineCompleter;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * JLine's side of completion: hands the line and cursor to {@link LineCompleter} and gives JLine
 * every candidate, which it matches against the typed word.
 *
 * <pre>{@code
 * LineReaderBuilder.builder().completer(new JLineCompleter(completer));
 * }</pre>
 */
final class JLineCompleter implements Completer {
    private final LineCompleter completer;

    JLineCompleter(LineCompleter completer) {
        this.completer = completer;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Completion c = completer.complete(line.line(), line.cursor());
        for (dev.amlsh.complete.Candidate k : c.candidates()) {
            candidates.add(new Candidate(k.value(), k.display(), null, k.description(), null, null, k.complete()));
        }
    }
}
