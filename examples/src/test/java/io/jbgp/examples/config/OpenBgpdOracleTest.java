package io.jbgp.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenBGPD's own parser as the oracle: what the writer prints (without the jbgp-only leak
 * guard) and the example configs must be accepted by {@code bgpd -n}. Skipped when OpenBGPD is
 * not installed.
 */
class OpenBgpdOracleTest {
    private static final Path BGPD = Path.of("/usr/sbin/bgpd");

    @TempDir
    Path dir;

    /** {@code bgpd -n -f file}: "0" when accepted, else the exit status and bgpd's complaint. */
    static String bgpdCheck(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(BGPD.toString(), "-n", "-f", file.toString())
                .redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timeout";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? "0" : p.exitValue() + " " + out.strip();
    }

    @Test
    void renderedConfigsAreAcceptedByOpenBgpd() {
        assumeTrue(Files.isExecutable(BGPD), "OpenBGPD not installed at " + BGPD);
        int[] n = {0};
        qt().withFixedSeed(42L).withExamples(100).withShrinkCycles(20)
                .forAll(new ConfigGenerators(true).configs())
                .checkAssert(c -> {
                    String text = BgpdConfigWriter.renderWithSecrets(c);
                    try {
                        Path f = dir.resolve("gen" + n[0]++ + ".conf");
                        Files.writeString(f, text);
                        assertEquals("0", bgpdCheck(f), text);
                    } catch (IOException | InterruptedException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void exampleConfigsAreAcceptedByOpenBgpd() throws Exception {
        assumeTrue(Files.isExecutable(BGPD), "OpenBGPD not installed at " + BGPD);
        for (String name : new String[] {"site-a.conf", "site-b.conf"}) {
            assertEquals("0", bgpdCheck(Path.of("conf", name)), name);
        }
    }
}
