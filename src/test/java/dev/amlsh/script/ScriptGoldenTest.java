package dev.amlsh.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.amlsh.command.CommandIo;
import dev.amlsh.command.LineTokenizer;
import dev.amlsh.testing.ShellHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden scripts: each {@code src/test/resources/scripts/NAME.amlsh} runs against a fresh
 * signed-in sandbox and must print {@code NAME.out} on stdout and {@code NAME.err} on stderr
 * (temporary paths and GUIDs replaced by placeholders) and exit with {@code NAME.code}.
 * Optional: {@code NAME.args} (the command line, SCRIPT standing for the file) and
 * {@code NAME.setup} (shell lines run first). Every {@code scripts/examples/*.amlsh} runs too,
 * in name order in one sandbox, and must exit 0 (or its {@code .code}) and print its
 * {@code .out} when it has one. Run with {@code -Dgolden.update=true} to rewrite the expected
 * files from what the scripts print (then review the diff).
 */
class ScriptGoldenTest {
    static final Path CASES = Path.of("src/test/resources/scripts");
    static final Path EXAMPLES = Path.of("scripts/examples");
    static final Map<String, String> ENV = Map.of("AMLSH_GOLDEN_OWNER", "alice@sandbox.amlsh", "AMLSH_GOLDEN_EMPTY", "");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static ShellHarness sh;

    record Result(int code, String out, String err) {
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".amlsh"))
                    .map(n -> n.substring(0, n.length() - ".amlsh".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void golden(String name) throws IOException {
        reset();
        Path setup = CASES.resolve(name + ".setup");
        if (Files.exists(setup)) {
            for (String line : Files.readAllLines(setup)) {
                sh.ok(line);
            }
        }
        Path script = CASES.resolve(name + ".amlsh").toAbsolutePath();
        Path argsFile = CASES.resolve(name + ".args");
        List<String> argv = new ArrayList<>();
        for (String word : Files.exists(argsFile) ? LineTokenizer.split(Files.readString(argsFile).strip()) : List.of("SCRIPT")) {
            argv.add(word.equals("SCRIPT") ? script.toString() : word);
        }
        Result r = run(sh, argv);
        check(CASES.resolve(name + ".out"), normalize(r.out(), sh), true);
        check(CASES.resolve(name + ".err"), normalize(r.err(), sh), true);
        check(CASES.resolve(name + ".code"), r.code() + "\n", true);
    }

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            scripts = files.filter(p -> p.toString().endsWith(".amlsh")).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < scripts.size(); i++) {
            Path script = scripts.get(i);
            boolean first = i == 0;
            String base = script.getFileName().toString().replaceFirst("\\.amlsh$", "");
            tests.add(DynamicTest.dynamicTest(base, () -> {
                if (first) {
                    reset();
                }
                Result r = run(sh, List.of(script.toAbsolutePath().toString()));
                Path code = EXAMPLES.resolve(base + ".code");
                assertEquals(Files.exists(code) ? Files.readString(code).strip() : "0", String.valueOf(r.code()), r.err());
                check(EXAMPLES.resolve(base + ".out"), normalize(r.out(), sh), false);
            }));
        }
        return tests.stream();
    }

    /** One sandbox for all (starting one per script costs seconds): each case starts from no groups and no defaults. */
    @BeforeAll
    static void start() {
        sh = ShellHarness.signedIn();
    }

    @AfterAll
    static void stop() {
        sh.close();
    }

    static void reset() {
        for (String group : sh.ok("group list --query \"[].name\" -o tsv").lines().toList()) {
            sh.ok("group delete -n " + group + " --yes");
        }
        sh.ok("account set -s Sandbox");
        sh.ok("use --none");
        sh.ok("configure --defaults location= -o none");
    }

    static Result run(ShellHarness sh, List<String> argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            sh.dispatcher().scriptHost(ScriptRunner.host(sh.dispatcher(), ENV));
            code = ScriptRunner.main(argv, sh.dispatcher(), CommandIo.plain(o, e), ENV);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String normalize(String text, ShellHarness sh) {
        return text.replace(sh.home().toString(), "<HOME>")
                .replace(CASES.toAbsolutePath().toString(), "<DIR>")
                .replaceAll("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "<GUID>");
    }

    /** Compares with the expected file; a missing optional file is not checked. */
    static void check(Path expected, String actual, boolean required) throws IOException {
        if (UPDATE && (required || Files.exists(expected))) {
            Files.writeString(expected, actual);
            return;
        }
        if (!required && !Files.exists(expected)) {
            return;
        }
        assertEquals(Files.exists(expected) ? Files.readString(expected) : "(missing " + expected + ")", actual, expected.toString());
    }
}
