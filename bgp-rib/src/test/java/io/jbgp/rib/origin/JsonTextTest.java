package io.jbgp.rib.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void rawControlCharacterInAStringIsRejected() {
        // RFC 8259 §7: a tab or newline inside a string must be escaped
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonText.parse("{\"a\":\"x\ty\"}"));
        assertEquals(true, e.getMessage().contains("raw control character"), e.getMessage());
    }

    @Test
    void escapedControlCharactersAndNestingParse() {
        assertEquals(Map.of("a", "x\ty", "n", List.of(1L, 2.5, true)),
                JsonText.parse("{\"a\":\"x\\ty\",\"n\":[1,2.5,true]}"));
    }
}
