package dev.amlsh.script;

import java.util.Map;

/**
 * How a script runs: {@code --what-if} (check and print, change nothing), {@code -x} (trace
 * each command to stderr), per-command timing ({@code AMLSH_SCRIPT_TIMING=1}), and the
 * environment {@code ${env:NAME}} reads.
 *
 * <pre>{@code
 * new ScriptOptions(true, false, false, System.getenv());
 * }</pre>
 */
public record ScriptOptions(boolean whatIf, boolean trace, boolean timing, Map<String, String> env) {
    public ScriptOptions {
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** A plain run with this environment; timing when AMLSH_SCRIPT_TIMING is 1. */
    public static ScriptOptions of(Map<String, String> env) {
        return new ScriptOptions(false, false, "1".equals(env.get(ScriptRunner.TIMING_ENV)), env);
    }
}
