package io.jbgp.examples.ctl;

import static io.jbgp.examples.ctl.ViewFixtures.ip;
import static io.jbgp.examples.ctl.ViewFixtures.prefix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ControlCommandParserTest {

    private static ControlRequest ok(String line) {
        ControlParse p = ControlCommandParser.parse(line);
        if (p instanceof ControlParse.Rejected) {
            throw new AssertionError("rejected: " + ((ControlParse.Rejected) p).message());
        }
        return ((ControlParse.Parsed) p).request();
    }

    private static ControlParse.Rejected rejected(String line) {
        ControlParse p = ControlCommandParser.parse(line);
        if (p instanceof ControlParse.Parsed) {
            throw new AssertionError("accepted: " + ((ControlParse.Parsed) p).request());
        }
        return (ControlParse.Rejected) p;
    }

    @Test
    void showSummaryForms() {
        ControlRequest plain = new ControlRequest(new ControlCommand.ShowSummary(Optional.empty()),
                false);
        assertEquals(plain, ok("show"));
        assertEquals(plain, ok("show summary"));
        assertEquals(plain, ok("  show \t summary  "));
    }

    @Test
    void showNeighborAndNexthopForms() {
        assertEquals(new ControlRequest(new ControlCommand.ShowNeighbor(Optional.empty()), false),
                ok("show neighbor"));
        assertEquals(new ControlRequest(new ControlCommand.ShowNeighbor(Optional.of(
                ip("172.19.0.2"))), true), ok("-j show neighbor 172.19.0.2"));
        assertEquals(new ControlRequest(new ControlCommand.ShowNexthop(), true),
                ok("-j show nexthop"));
        assertEquals("unexpected \"x\" after \"show nexthop\"",
                rejected("show nexthop x").message());
    }

    @Test
    void showRibOptionsInAnyOrder() {
        assertEquals(new ControlCommand.ShowRib(RibQuery.ALL), ok("show rib").command());
        assertEquals(new ControlRequest(new ControlCommand.ShowRib(new RibQuery(
                Optional.of(prefix("198.51.100.0/24")), Optional.empty(), Optional.empty(),
                false, true)), true), ok("-j show rib 198.51.100.0/24 detail"));
        assertEquals(new ControlCommand.ShowRib(new RibQuery(Optional.empty(),
                Optional.of(ip("198.51.100.7")), Optional.of(ip("172.19.0.2")), true, true)),
                ok("show rib detail neighbor 172.19.0.2 selected 198.51.100.7").command());
        assertEquals(new ControlCommand.ShowRib(new RibQuery(
                Optional.of(prefix("2001:db8::/32")), Optional.empty(), Optional.empty(), true,
                false)), ok("show rib best 2001:db8::/32").command());
    }

    @Test
    void otherShowCommands() {
        assertEquals(new ControlCommand.ShowFib(Optional.empty()), ok("show fib").command());
        assertEquals(new ControlCommand.ShowFib(Optional.of(prefix("10.2.0.0/24"))),
                ok("show fib 10.2.0.0/24").command());
        assertEquals(new ControlCommand.ShowNetwork(), ok("show network").command());
        assertEquals(new ControlCommand.ShowConfig(), ok("show config").command());
    }

    @Test
    void neighborActionsAndReload() {
        for (NeighborAction a : NeighborAction.values()) {
            assertEquals(new ControlCommand.Neighbor(ip("172.19.0.2"), a),
                    ok("neighbor 172.19.0.2 " + a.keyword()).command());
        }
        assertEquals(new ControlRequest(new ControlCommand.Reload(), true), ok("-j reload"));
    }

    // the exact message the operator sees for each kind of mistake
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\'', value = {
        "'' => empty request; " + ControlCommandParser.USAGE,
        "-j => empty request; " + ControlCommandParser.USAGE,
        "frobnicate => unknown command \"frobnicate\"; " + ControlCommandParser.USAGE,
        "show bananas => unknown show command \"bananas\"; " + ControlCommandParser.USAGE,
        "show summary now => unexpected \"now\" after \"show summary\"",
        "show neighbor peer1 => invalid address \"peer1\"",
        "show neighbor 10.0.0.256 => invalid address \"10.0.0.256\"",
        "show rib 198.51.100.1/24 => invalid prefix \"198.51.100.1/24\": host bits set in 198.51.100.1/24 (did you mean 198.51.100.0/24?)",
        "show rib 10.0.0.0/8 10.1.0.0/16 => unexpected \"10.1.0.0/16\" in show rib: one prefix or address at most",
        "show rib detail detail => duplicate \"detail\" in show rib",
        "show rib neighbor => missing address after \"neighbor\"",
        "show rib neighbor 10.0.0.1 neighbor 10.0.0.2 => duplicate \"neighbor\" in show rib",
        "show rib everything => unknown show rib option \"everything\"; expected a prefix, an address, neighbor ADDR, selected or detail",
        "show fib 10.0.0.0/33 => invalid prefix \"10.0.0.0/33\": prefix length out of range in 10.0.0.0/33",
        "show network all => unexpected \"all\" after \"show network\"",
        "neighbor => missing neighbor address: neighbor ADDR up|down|clear|refresh",
        "neighbor 172.19.0.2 => missing action: neighbor 172.19.0.2 up|down|clear|refresh",
        "neighbor 172.19.0.2 reboot => unknown neighbor action \"reboot\": expected up, down, clear or refresh",
        "neighbor 172.19.0.2 down now => unexpected \"now\" after \"neighbor 172.19.0.2 down\"",
        "reload please => unexpected \"please\" after \"reload\"",
    })
    void badRequestsGetAClearMessage(String line, String message) {
        assertEquals(message, rejected(line).message());
    }

    @Test
    void rejectionRemembersTheJsonFlag() {
        assertEquals(true, rejected("-j show bananas").json());
        assertEquals(false, rejected("show bananas").json());
    }

    @Test
    void controlCharactersAndOverlongLinesAreRejected() {
        assertEquals("control character in request", rejected("show\u0000summary").message());
        assertEquals("request too long (over 1024 characters)",
                rejected("show rib " + "x".repeat(1100)).message());
    }

    @Test
    void parserIsTotalOnArbitraryInput() {
        qt().withFixedSeed(5L).withExamples(3000)
                .forAll(strings().allPossible().ofLengthBetween(0, 60))
                .checkAssert(s -> assertNotNull(ControlCommandParser.parse(s)));
        // and on inputs built from the real vocabulary, where the interesting branches are
        String[] words = {"show", "rib", "fib", "neighbor", "summary", "detail", "selected", "-j",
            "10.0.0.1", "10.0.0.0/8", "::1", "up", "down", "reload", "config", "network", "x"};
        qt().withFixedSeed(6L).withExamples(3000)
                .forAll(org.quicktheories.generators.SourceDSL.lists()
                        .of(org.quicktheories.generators.SourceDSL.integers().between(0,
                                words.length - 1)).ofSizeBetween(0, 6))
                .checkAssert(idx -> {
                    StringBuilder sb = new StringBuilder();
                    idx.forEach(i -> sb.append(words[i]).append(' '));
                    assertNotNull(ControlCommandParser.parse(sb.toString()));
                });
    }
}
