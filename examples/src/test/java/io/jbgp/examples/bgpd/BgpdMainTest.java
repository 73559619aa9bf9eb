package io.jbgp.examples.bgpd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bgpd -n}: a good file exits 0, a bad one prints FILE:LINE: message and exits 1. */
class BgpdMainTest {
    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        return BgpdMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void checkOnlyAcceptsTheWriteUpsSiteConfigs() {
        for (String site : new String[] {"site-a.conf", "site-b.conf"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, run(out, err, "-n", "-f", "conf/" + site), err::toString);
            assertEquals("configuration OK\n", err.toString(StandardCharsets.UTF_8)); // stderr, as OpenBGPD
            assertEquals("", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void checkOnlyReportsTheFileAndLineOfAnError() throws Exception {
        Path f = dir.resolve("bad.conf");
        Files.writeString(f, "AS 65501\nrouter-id 10.1.0.1\nholdtime 2\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, run(out, err, "-n", "-f", f.toString()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(true, e.startsWith(f + ":3: "), e);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(new ByteArrayOutputStream(), err, "-n"));
        assertEquals(2, run(new ByteArrayOutputStream(), err, "-x", "-f", "a"));
        assertEquals(1, run(new ByteArrayOutputStream(), err, "-n", "-f", dir.resolve("missing.conf").toString()));
    }
}
