package dev.amlsh.shell;

import dev.amlsh.complete.LineCompleter;
import dev.amlsh.complete.Span;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line as it is typed: known commands bold, options cyan, values plain, comments
 * faint, and words that are not commands or options of the command here in red. No colour at
 * all with {@code NO_COLOR}.
 *
 * <pre>{@code
 * LineReaderBuilder.builder().highlighter(new LineHighlighter(completer, color));
 * }</pre>
 */
final class LineHighlighter implements Highlighter {
    private final LineCompleter completer;
    private final boolean color;

    LineHighlighter(LineCompleter completer, boolean color) {
        this.completer = completer;
        this.color = color;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        if (!color || buffer.isBlank()) {
            // nothing to colour: the first prompt is drawn without waiting for the command tree
            return new AttributedString(buffer);
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        int at = 0;
        for (Span s : completer.spans(buffer)) {
            out.append(buffer.substring(at, s.start()));
            out.styled(style(s.kind()), buffer.substring(s.start(), s.end()));
            at = s.end();
        }
        out.append(buffer.substring(at));
        return out.toAttributedString();
    }

    static AttributedStyle style(Span.Kind kind) {
        return switch (kind) {
            case COMMAND -> AttributedStyle.BOLD;
            case OPTION -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            case VALUE -> AttributedStyle.DEFAULT;
            case COMMENT -> AttributedStyle.DEFAULT.faint();
            case ERROR -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
        };
    }
}
