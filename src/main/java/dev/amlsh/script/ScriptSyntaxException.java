package dev.amlsh.script;

import dev.amlsh.core.AmlshException;

/**
 * A script that cannot be parsed: {@code file:line:col: syntax error: what. What to do.}
 * Found before anything runs; exit code 2.
 *
 * <pre>{@code
 * err.println(e.oneLine()); // setup.amlsh:4:1: syntax error: 'if' is not closed. Add a line 'end' after its commands.
 * }</pre>
 */
final class ScriptSyntaxException extends AmlshException {
    private static final long serialVersionUID = 1L;
    private final transient Ast.Pos pos;

    ScriptSyntaxException(Ast.Pos pos, String message, String hint) {
        super(Fault.USAGE, message, hint);
        this.pos = pos;
    }

    Ast.Pos pos() {
        return pos;
    }

    @Override
    public String oneLine() {
        return pos.file() + ":" + pos.line() + ":" + pos.col() + ": syntax error: " + super.oneLine();
    }
}
