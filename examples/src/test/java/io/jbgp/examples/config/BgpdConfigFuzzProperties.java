package io.jbgp.examples.config;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever the text, the parser answers with a config or a {@link ConfigException}, never with
 * another exception: a typo must give the operator a line number, not a stack trace.
 */
class BgpdConfigFuzzProperties {

    private static final List<String> VOCABULARY = List.of("AS", "65501", "4294967296", "1.10",
            "router-id", "10.0.0.1", "listen", "on", "port", "0", "65536", "holdtime", "2",
            "connect-retry", "fib-update", "yes", "no", "socket", "\"/x\"", "prefix-set", "ps",
            "{", "}", ",", ";", "\n", "\\\n", "#c\n", "network", "inet", "inet6", "connected",
            "static", "exclude", "include", "interface", "em0", "prefix", "198.51.100.0/24",
            "2001:db8::/32", "10.0.0.0/8", "0.0.0.0/0", "or-longer", "prefixlen", "maxlen", "-",
            "><", ">=", "<", "!=", "=", "8-12", "33", "group", "\"g\"", "neighbor",
            "remote-as", "descr", "\"d\\\"\"", "passive", "local-address", "tcp", "md5sig",
            "password", "key", "ttl-security", "max-prefix", "restart", "announce", "IPv4",
            "IPv6", "unicast", "none", "allow", "deny", "match", "quick", "from", "to", "any",
            "ebgp", "ibgp", "source-as", "transit-as", "peer-as", "community", "65535:65535",
            "NO_EXPORT", "large-community", "1:2:3", "set", "localpref", "med", "metric",
            "prepend-self", "nexthop", "self", "x", "$m", "m", "\"", "\\", "!", "*");

    private static void parseOrConfigError(String text) {
        try {
            BgpdConfigParser.parse("fuzz.conf", text);
        } catch (ConfigException expected) {
            // the only acceptable failure
        }
    }

    @Test
    void vocabularySoupNeverEscapesAsAnotherException() {
        qt().withFixedSeed(31L).withExamples(6_000)
                .forAll(lists().of(integers().between(0, VOCABULARY.size() - 1))
                        .ofSizeBetween(0, 40))
                .checkAssert(idx -> {
                    StringBuilder sb = new StringBuilder("AS 1\n");
                    idx.forEach(i -> sb.append(VOCABULARY.get(i)).append(' '));
                    parseOrConfigError(sb.toString());
                });
    }

    @Test
    void validPrefixWithMutatedStatementsNeverEscapes() {
        String base = "m = \"10.0.0.2\"\nAS 1\nprefix-set ps { 10.0.0.0/8 }\n"
                + "network prefix-set ps\ngroup g { remote-as 2\n neighbor $m { descr x }\n}\n";
        qt().withFixedSeed(32L).withExamples(6_000)
                .forAll(lists().of(integers().between(0, VOCABULARY.size() - 1))
                        .ofSizeBetween(1, 12))
                .checkAssert(idx -> {
                    StringBuilder sb = new StringBuilder(base);
                    idx.forEach(i -> sb.append(VOCABULARY.get(i)).append(' '));
                    parseOrConfigError(sb.toString());
                });
    }

    @Test
    void arbitraryTextNeverEscapes() {
        qt().withFixedSeed(33L).withExamples(2_000)
                .forAll(strings().allPossible().ofLengthBetween(0, 200))
                .checkAssert(BgpdConfigFuzzProperties::parseOrConfigError);
    }
}
