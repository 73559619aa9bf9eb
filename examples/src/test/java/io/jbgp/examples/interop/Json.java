package io.jbgp.examples.interop;

import io.jbgp.rib.origin.JsonText;
import java.util.List;
import java.util.Map;

/**
 * Reads the daemons' status output ({@code vtysh ... json}, {@code bgpctl -j}) with the library's
 * own strict JSON reader ({@link JsonText}): objects become {@code Map<String, Object>}, arrays
 * {@code List<Object>}, numbers {@code Long} or {@code Double}.
 */
final class Json {
    private Json() {
    }

    /** Parses one JSON value; throws {@link IllegalArgumentException} with the offset on bad input. */
    static Object parse(String text) {
        return JsonText.parse(text);
    }

    /** Follows a path of object keys and array indexes; null when any step is missing. */
    static Object at(Object root, Object... path) {
        Object cur = root;
        for (Object step : path) {
            if (step instanceof String k && cur instanceof Map<?, ?> m) {
                cur = m.get(k);
            } else if (step instanceof Integer idx && cur instanceof List<?> l && idx < l.size()) {
                cur = l.get(idx);
            } else {
                return null;
            }
        }
        return cur;
    }
}
