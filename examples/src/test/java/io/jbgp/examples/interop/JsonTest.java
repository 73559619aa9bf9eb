package io.jbgp.examples.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesFrrShapedOutput() {
        Object root = Json.parse("{\n \"127.0.0.1\":{\"remoteAs\":65501,\"bgpState\":\"Established\","
                + "\"neighborCapabilities\":{\"4byteAs\":\"advertisedAndReceived\"},"
                + "\"x\":[1,2.5,true,false,null],\"esc\":\"a\\/b\\\"c\\u0041\"}}");
        assertEquals(65501L, Json.at(root, "127.0.0.1", "remoteAs"));
        assertEquals("Established", Json.at(root, "127.0.0.1", "bgpState"));
        assertEquals("advertisedAndReceived", Json.at(root, "127.0.0.1", "neighborCapabilities", "4byteAs"));
        assertEquals(2.5, Json.at(root, "127.0.0.1", "x", 1));
        assertEquals(Boolean.TRUE, Json.at(root, "127.0.0.1", "x", 2));
        assertEquals("a/b\"cA", Json.at(root, "127.0.0.1", "esc"));
        assertNull(Json.at(root, "127.0.0.1", "missing", "deeper"));
        assertEquals(List.of(), Json.parse("[]"));
        assertEquals(Map.of(), Json.parse(" { } "));
    }

    @Test
    void rejectsMalformedInput() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,2"));
    }
}
