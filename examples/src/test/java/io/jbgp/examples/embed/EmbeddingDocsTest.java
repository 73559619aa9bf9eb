package io.jbgp.examples.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The embedding code shown to readers stays in step with code that is compiled and run: README's
 * block is bgp-netty/EMBEDDING.md's (which {@code EmbeddingApiTest} runs), and the block of
 * examples/EMBEDDING.md is {@link EmbeddedSpeaker}'s source, line for line and in order.
 */
class EmbeddingDocsTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static List<String> javaBlocks(Path file) throws IOException {
        Matcher m = JAVA_BLOCK.matcher(Files.readString(file));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void readmeShowsTheEmbeddingThatEmbeddingApiTestRuns() throws IOException {
        Path readme = Path.of("../README.md");
        Path embedding = Path.of("../bgp-netty/EMBEDDING.md");
        assumeTrue(Files.exists(readme) && Files.exists(embedding), "run from the examples module");
        assertEquals(javaBlocks(embedding).get(0), javaBlocks(readme).get(0),
                "README's embedding block differs from bgp-netty/EMBEDDING.md's");
    }

    @Test
    void examplesEmbeddingDocumentQuotesEmbeddedSpeaker() throws IOException {
        String source = Files.readString(Path.of("src/main/java/io/jbgp/examples/embed/EmbeddedSpeaker.java"));
        List<String> sourceLines = source.lines().toList();
        int at = 0;
        for (String line : javaBlocks(Path.of("EMBEDDING.md")).get(0).lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            int found = sourceLines.subList(at, sourceLines.size()).indexOf(line);
            assertTrue(found >= 0, "examples/EMBEDDING.md line not in EmbeddedSpeaker.java (in order): " + line);
            at += found + 1;
        }
    }
}
