package io.jbgp.core.mrt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The MRT files of the shared data folder ({@code ../shared/data/mrt}, see its README), found
 * through the {@code jbgp.shared.data} system property that surefire sets. Tests using them are
 * skipped, with a message saying why, when the folder is absent.
 */
final class SharedMrtData {
    private SharedMrtData() {}

    /** The path of a file in {@code mrt/}; skips the calling test when it is not there. */
    static Path file(String name) {
        String dir = System.getProperty("jbgp.shared.data");
        assumeTrue(dir != null && !dir.isBlank(),
                "system property jbgp.shared.data is not set: shared MRT data tests skipped");
        Path p = Path.of(dir, "mrt", name);
        assumeTrue(Files.isReadable(p), "shared MRT data file " + p + " is absent: test skipped");
        return p;
    }

    /** The decompressed contents of a .gz or .bz2 file of {@code mrt/}. */
    static InputStream open(String name) throws IOException {
        Path p = file(name);
        InputStream raw = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        if (name.endsWith(".bz2")) {
            return new OctetWiseInputStream(new BZip2CompressorInputStream(raw));
        }
        if (name.endsWith(".gz")) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        return raw;
    }

    /** A reader over a shared file. */
    static MrtReader reader(String name) throws IOException {
        return new MrtReader(open(name));
    }
}
