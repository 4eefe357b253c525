package dev.amlsh.script;

import java.nio.file.Path;
import java.util.List;

/**
 * The parsed form of a script: statements with the file, line and column they came from. A
 * whole script is parsed into this before any of it runs.
 *
 * <pre>{@code
 * Ast.Script s = ScriptParser.parse("setup.amlsh", dir, lines, known);
 * for (Ast.Stmt st : s.body()) System.out.println(st.pos().at());
 * }</pre>
 */
final class Ast {
    private Ast() {
    }

    /** Where something is written: the file as the user named it, 1-based line and column. */
    record Pos(String file, int line, int col) {
        String at() {
            return file + ":" + line;
        }
    }

    /** A word as written; expanded only when its statement runs. */
    record Word(List<Piece> pieces, Pos pos) {
        /** The text when the word has no references, else null. */
        String literal() {
            StringBuilder s = new StringBuilder();
            for (Piece p : pieces) {
                if (!(p instanceof Text t)) {
                    return null;
                }
                s.append(t.text());
            }
            return s.toString();
        }

        /** True when the word is one unquoted reference, the only kind a for list splits. */
        boolean splits() {
            return pieces.size() == 1 && (pieces.get(0) instanceof Var v && !v.quoted()
                    || pieces.get(0) instanceof Sub s && !s.quoted());
        }
    }

    sealed interface Piece permits Text, Var, Sub {
    }

    record Text(String text, boolean quoted) implements Piece {
    }

    /** {@code $name}, {@code ${name:-fallback}}, {@code $1}, {@code $#}, {@code ${env:NAME}}. */
    record Var(String name, String fallback, boolean quoted, Pos pos) implements Piece {
        String written() {
            return fallback == null && !name.contains(":") ? "$" + name
                    : "${" + name + (fallback == null ? "" : ":-" + fallback) + "}";
        }
    }

    /** {@code $(command)}: the command's words, parsed with the script. */
    record Sub(List<Word> command, String source, boolean quoted, Pos pos) implements Piece {
    }

    sealed interface Stmt permits Run, Assign, If, For, Exit, Source, Echo, SetOption {
        Pos pos();
    }

    record Run(Pos pos, List<Word> words) implements Stmt {
    }

    record Assign(Pos pos, String name, Word value) implements Stmt {
    }

    record If(Pos pos, Cond cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
    }

    sealed interface Cond permits Succeeds, Compare {
    }

    /** True when the command exits 0 (false on 1 or 3; a usage error stops the script). */
    record Succeeds(List<Word> command, boolean negate) implements Cond {
    }

    record Compare(Word left, boolean equal, Word right) implements Cond {
    }

    record For(Pos pos, String variable, List<Word> items, List<Stmt> body) implements Stmt {
    }

    /** {@code exit [N]}; code is null for 0. */
    record Exit(Pos pos, Word code) implements Stmt {
    }

    record Source(Pos pos, Word file, List<Word> args) implements Stmt {
    }

    /** {@code echo} (to stderr) or {@code print} (to stdout). */
    record Echo(Pos pos, List<Word> words, boolean stdout) implements Stmt {
    }

    record SetOption(Pos pos, String option, boolean on) implements Stmt {
    }

    record Script(String name, Path dir, List<Stmt> body) {
    }
}
