package io.jbgp.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

/** {@code parse(render(c)) == c} over generated configs. */
class BgpdConfigProperties {

    @Test
    void parseOfRenderIsIdentity() {
        qt().withFixedSeed(20261128L).withExamples(1000)
                .forAll(new ConfigGenerators(false).configs())
                .checkAssert(c -> {
                    String text = BgpdConfigWriter.renderWithSecrets(c);
                    try {
                        assertEquals(c, BgpdConfigParser.parse("rendered.conf", text), text);
                    } catch (ConfigException e) {
                        throw new AssertionError(e.getMessage() + "\n" + text, e);
                    }
                });
    }

    @Test
    void renderingIsStableUnderReparse() {
        qt().withFixedSeed(7L).withExamples(200)
                .forAll(new ConfigGenerators(false).configs())
                .checkAssert(c -> {
                    String once = BgpdConfigWriter.renderWithSecrets(c);
                    try {
                        assertEquals(once, BgpdConfigWriter.renderWithSecrets(
                                BgpdConfigParser.parse("r.conf", once)));
                    } catch (ConfigException e) {
                        throw new AssertionError(e.getMessage(), e);
                    }
                });
    }

    @Test
    void maskedRenderingNeverContainsAPassword() {
        qt().withFixedSeed(11L).withExamples(300)
                .forAll(new ConfigGenerators(false).configs())
                .checkAssert(c -> {
                    String masked = BgpdConfigWriter.render(c);
                    c.resolvedNeighbors().forEach(n -> n.settings().md5Password().ifPresent(p ->
                            assertFalse(masked.contains("password " + BgpdConfigWriter.quote(
                                    p.value())), masked)));
                });
    }
}
