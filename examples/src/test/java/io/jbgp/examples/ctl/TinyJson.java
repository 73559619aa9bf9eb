package io.jbgp.examples.ctl;

import io.jbgp.rib.origin.JsonText;
import java.util.Map;

/**
 * Parses our own bgpctl JSON output in tests with the library's strict RFC 8259 reader
 * ({@link JsonText}): objects become insertion-ordered maps, arrays lists, numbers {@code Long}s,
 * and anything malformed (including raw control characters in strings) throws
 * {@link IllegalArgumentException}.
 */
final class TinyJson {
    private TinyJson() {
    }

    static Object parse(String text) {
        return JsonText.parse(text);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String text) {
        return (Map<String, Object>) parse(text);
    }
}
