package io.jbgp.rib.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** The hand-written JSON reader never fails in any way but {@link IllegalArgumentException}. */
class JsonTextProperties {
    /** Fragments of iproute2-like JSON, glued at random: mostly near-valid, often broken. */
    static final List<String> TOKENS = List.of("[", "]", "{", "}", ",", ":", "\"dst\"", "\"default\"", "1", "-2",
            "3.5e1", "true", "false", "null", "\"a\\\"b\"", "\"\\u00e9\"", "\"\\u12\"", " ", "\"", "\\", "-", "e");

    @Test
    void anyTextParsesOrIsRejectedCleanly() {
        Gen<String> glued = lists().of(Generate.pick(TOKENS)).ofSizeBetween(0, 40)
                .map(l -> l.stream().collect(Collectors.joining()));
        qt().withFixedSeed(7606L).withExamples(5000).forAll(glued).checkAssert(JsonTextProperties::parsesOrRejects);
        qt().withFixedSeed(4760L).withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 60))
                .checkAssert(JsonTextProperties::parsesOrRejects);
    }

    static void parsesOrRejects(String text) {
        try {
            Object v = JsonText.parse(text);
            // what parses, parses the same again inside an array
            assertEquals(java.util.Arrays.asList(v), JsonText.parse("[" + text + "]"));
        } catch (IllegalArgumentException expected) {
            // rejected with a message: fine
        }
    }
}
