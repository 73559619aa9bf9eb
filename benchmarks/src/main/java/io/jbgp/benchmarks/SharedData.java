package io.jbgp.benchmarks;

import io.jbgp.core.mrt.OctetWiseInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Finds and opens the MRT files of the shared data folder ({@code shared/data/mrt}, described by
 * its README). The folder comes from the {@code jbgp.shared.data} system property, else from the
 * usual places relative to the working directory (the project root or a module).
 */
public final class SharedData {
    /** The system property naming the shared data folder. */
    public static final String PROPERTY = "jbgp.shared.data";

    private SharedData() {
    }

    /** The path of a file of {@code mrt/}, or {@code null} when the folder or file is absent. */
    public static Path findMrt(String name) {
        String dir = System.getProperty(PROPERTY);
        List<String> candidates = dir != null && !dir.isBlank() ? List.of(dir)
                : List.of("../shared/data", "../../shared/data", "shared/data");
        for (String c : candidates) {
            Path p = Path.of(c, "mrt", name);
            if (Files.isReadable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The path of a file of {@code mrt/}; fails with a message saying how to point at it. */
    public static Path mrt(String name) {
        Path p = findMrt(name);
        if (p == null) {
            throw new IllegalStateException("shared MRT file " + name + " not found: run with -D" + PROPERTY
                    + "=/path/to/shared/data (the folder holding mrt/)");
        }
        return p;
    }

    /** The decompressed contents of a .gz or .bz2 file. */
    public static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        String name = file.getFileName().toString();
        if (name.endsWith(".bz2")) {
            return new OctetWiseInputStream(new BZip2CompressorInputStream(raw));
        }
        if (name.endsWith(".gz")) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        return raw;
    }

}
