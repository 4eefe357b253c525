package dev.amlsh.app;

/** Entry point of amlsh: picks the mode (shell, script, one command, sandbox) and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(0);
    }
}
