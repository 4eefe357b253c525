package dev.amlsh.v2;

import dev.amlsh.testing.ShellHarness;
import org.junit.jupiter.api.Test;

class ScratchV2Test {
    @Test
    void scratch() throws Exception {
        try (ShellHarness sh = ShellHarness.signedIn()) {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/tmp/v2/lines.txt"))) {
                System.out.println("$ " + line);
                System.out.println(sh.run(line));
            }
        }
    }
}
