package dev.amlsh.script;

import dev.amlsh.core.AmlshException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and parses script files once each, and, before a script runs, every script it sources
 * by a literal path (relative to its folder), so their syntax errors too stop the run before
 * anything happens.
 *
 * <pre>{@code
 * Ast.Script s = loader.load(Path.of("setup.amlsh").toAbsolutePath(), "setup.amlsh");
 * loader.preload(s);
 * }</pre>
 */
final class ScriptLoader {
    private final Function<String, AmlshException> unknownCommand;
    private final Map<Path, Ast.Script> parsed = new HashMap<>();

    ScriptLoader(Function<String, AmlshException> unknownCommand) {
        this.unknownCommand = unknownCommand;
    }

    /** The parsed script at path (absolute), shown in messages as display. */
    Ast.Script load(Path path, String display) {
        Ast.Script known = parsed.get(path);
        if (known != null) {
            return known;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw AmlshException.usage("Script " + display + " does not exist", "Check the path (relative to " + path.getParent() + ").");
        } catch (IOException e) {
            throw AmlshException.usage("Script " + display + " cannot be read: " + e.getMessage(), "Check the file's permissions.");
        }
        return parse(path, display, lines);
    }

    Ast.Script parse(Path path, String display, List<String> lines) {
        Ast.Script script = ScriptParser.parse(display, path.getParent(), lines, unknownCommand);
        parsed.put(path, script);
        preload(script.dir(), script.body());
        return script;
    }

    private void preload(Path dir, List<Ast.Stmt> body) {
        for (Ast.Stmt s : body) {
            if (s instanceof Ast.Source src && src.file().literal() != null) {
                Path target = dir.resolve(src.file().literal()).normalize();
                if (!parsed.containsKey(target) && Files.isRegularFile(target)) {
                    load(target, src.file().literal());
                }
            } else if (s instanceof Ast.If f) {
                preload(dir, f.then());
                preload(dir, f.otherwise());
            } else if (s instanceof Ast.For f) {
                preload(dir, f.body());
            }
        }
    }
}
