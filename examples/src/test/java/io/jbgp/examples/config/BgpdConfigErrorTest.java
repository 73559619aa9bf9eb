package io.jbgp.examples.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per error kind, each asserting the exact {@code file:line: message}. */
class BgpdConfigErrorTest {

    private static String errorOf(String text) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> BgpdConfigParser.parse("bgpd.conf", text));
        return e.getMessage();
    }

    @Test
    void exceptionCarriesFileLineAndDetail() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> BgpdConfigParser.parse("site.conf", "AS 1\n\nfoo\n"));
        assertEquals("site.conf", e.file());
        assertEquals(3, e.line());
        assertEquals("unknown keyword \"foo\"", e.detail());
        assertEquals("site.conf:3: unknown keyword \"foo\"", e.getMessage());
    }

    // '|' stands for a newline in the config text; the expected message is exact
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', quoteCharacter = '\'', value = {
        "AS 1|# c|x|||||||||||foo bar; bgpd.conf:3: unknown keyword \"x\"",
        "AS 1|x; bgpd.conf:2: unknown keyword \"x\"",
        "AS 70000000000; bgpd.conf:1: invalid AS number \"70000000000\"",
        "AS 0; bgpd.conf:1: invalid AS number \"0\"",
        "AS 1.70000; bgpd.conf:1: invalid AS number \"1.70000\"",
        "AS 65001 23456; bgpd.conf:1: a fallback 2-byte AS number is not supported",
        "router-id 10.0.0.1; bgpd.conf:1: no \"AS\" statement: the local AS number is required",
        "AS 1|router-id 10.0.0.256; bgpd.conf:2: invalid router-id \"10.0.0.256\": expected A.B.C.D",
        "AS 1|listen 10.0.0.1; bgpd.conf:2: \"listen\" must be followed by \"on\"",
        "AS 1|listen on foo; bgpd.conf:2: invalid address \"foo\"",
        "AS 1|listen on 10.0.0.1 port 70000; bgpd.conf:2: invalid port \"70000\": must be between 1 and 65535",
        "AS 1|holdtime 2; bgpd.conf:2: invalid holdtime \"2\": must be between 3 and 65535",
        "AS 1|holdtime min 3; bgpd.conf:2: \"holdtime min\" is not supported",
        "AS 1|fib-update maybe; bgpd.conf:2: expected yes or no, got \"maybe\"",
        "AS 1|router-id 10.0.0.1 extra; bgpd.conf:2: unexpected \"extra\"",
        "AS 1|include \"x.conf\"; bgpd.conf:2: \"include\" is not supported: put everything in one file",
        "AS 1|network 10.0.0.1/8; bgpd.conf:2: invalid prefix \"10.0.0.1/8\": host bits set in 10.0.0.1/8 (did you mean 10.0.0.0/8?)",
        "AS 1|network 10.0.0.0/33; bgpd.conf:2: invalid prefix \"10.0.0.0/33\": prefix length out of range in 10.0.0.0/33",
        "AS 1|network inet bogus; bgpd.conf:2: expected \"connected\" or \"static\" after \"network inet\", got \"bogus\"",
        "AS 1|network inet rtlabel foo; bgpd.conf:2: \"network inet rtlabel\" is not supported",
        "AS 1|network inet connected set localpref 1; bgpd.conf:2: \"set\" on network statements is not supported",
        "AS 1|network inet connected exclude nexthop 1; bgpd.conf:2: expected \"interface\" or \"prefix\" after \"exclude\", got \"nexthop\"",
        "AS 1|network inet static include interface em0; bgpd.conf:2: expected \"prefix\" after \"include\", got \"interface\"",
        "AS 1|network inet connected exclude interface { em0; bgpd.conf:2: missing \"}\" at end of interface name list",
        "AS 1|network prefix-set nope; bgpd.conf:2: prefix-set \"nope\" not defined",
        "AS 1|prefix-set p { 10.0.0.0/8 or-longer }|network prefix-set p; bgpd.conf:3: prefix-set p has prefixlen operators and cannot be used in network statements",
        "AS 1|prefix-set p { 10.0.0.0/8 }|prefix-set p { 10.0.0.0/8 }; bgpd.conf:3: prefix-set \"p\" already defined",
        "AS 1|prefix-set p { 10.0.0.0/8 prefixlen 20 - 12 }; bgpd.conf:2: invalid prefixlen range 20 - 12: lower bound above upper bound",
        "AS 1|prefix-set p { 10.0.0.0/8 prefixlen >= 40 }; bgpd.conf:2: invalid prefixlen \"40\": must be between 0 and 32",
        "AS 1|prefix-set p { 10.0.0.0/8 ||; bgpd.conf:4: missing \"}\" at end of prefix-set \"p\"",
        "AS 1|neighbor 10.0.0.2 {|descr \"x\"|}; bgpd.conf:2: neighbor 10.0.0.2 has no remote-as",
        "AS 1|group g {|neighbor 10.0.0.2 {|}|}; bgpd.conf:3: neighbor 10.0.0.2 has no remote-as",
        "AS 1|neighbor 10.0.0.2 { remote-as 2 }|neighbor 10.0.0.2 { remote-as 3 }; bgpd.conf:3: neighbor 10.0.0.2 already defined",
        "AS 1|group g { remote-as 2 }|group g { remote-as 3 }; bgpd.conf:3: group \"g\" already defined",
        "AS 1|group g {|group h {|}|}; bgpd.conf:3: groups cannot be nested",
        "AS 1|neighbor 10.0.0.2 remote-as 2; bgpd.conf:2: expected \"{\" to open the neighbor block, got \"remote-as\"",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|multihop 2|}; bgpd.conf:4: unknown keyword \"multihop\" in neighbor block",
        "AS 1|group g {|remote-as 2|foo|}; bgpd.conf:4: unknown keyword \"foo\" in group block",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|; bgpd.conf:4: missing \"}\" at end of neighbor 10.0.0.2",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|descr \"12345678901234567890123456789012\"|}; bgpd.conf:4: descr \"12345678901234567890123456789012\" too long: at most 31 characters",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|tcp md5sig key deadbeef|}; bgpd.conf:4: \"tcp md5sig key\" is not supported: use \"tcp md5sig password\"",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|ttl-security on|}; bgpd.conf:4: expected yes or no, got \"on\"",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|max-prefix 0|}; bgpd.conf:4: invalid max-prefix \"0\": must be between 1 and 4294967295",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|max-prefix 10 restart 0|}; bgpd.conf:4: invalid restart \"0\": must be between 1 and 65535",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|announce all|}; bgpd.conf:4: \"announce all\" is obsolete bgpd syntax: use filter rules and \"announce IPv4 unicast\"",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|announce IPv4 vpn|}; bgpd.conf:4: unsupported announce IPv4 \"vpn\": expected unicast or none",
        "AS 1|neighbor 10.0.0.2 {|remote-as 2|announce IPX unicast|}; bgpd.conf:4: unknown announce family \"IPX\": expected IPv4 or IPv6",
        "AS 1|neighbor 10.0.0.2 {|remote-as 99999999999|}; bgpd.conf:3: invalid AS number \"99999999999\"",
        "AS 1|deny sideways any; bgpd.conf:2: expected \"from\" or \"to\" in filter rule, got \"sideways\"",
        "AS 1|deny from somebody; bgpd.conf:2: invalid peer \"somebody\": expected any, ebgp, ibgp, an address or group NAME",
        "AS 1|deny from { any }; bgpd.conf:2: peer lists in braces are not supported: write one rule per peer",
        "AS 1|deny from group \"nope\"; bgpd.conf:2: group \"nope\" not defined",
        "AS 1|deny from any color blue; bgpd.conf:2: unknown filter parameter \"color\"",
        "AS 1|deny from any prefix 10.0.0.0/8 prefix 10.0.0.0/9; bgpd.conf:2: duplicate \"prefix\" in filter rule",
        "AS 1|deny from any AS 1 source-as 2; bgpd.conf:2: duplicate \"source-as\" in filter rule",
        "AS 1|deny from any community 65536:1; bgpd.conf:2: invalid community \"65536:1\"",
        "AS 1|deny from any large-community 1:2; bgpd.conf:2: invalid large-community \"1:2\"",
        "AS 1|deny from any AS neighbor-as; bgpd.conf:2: only \"AS N\" with a plain AS number is supported",
        "AS 1|allow from any set localpref +10; bgpd.conf:2: relative localpref \"+10\" is not supported",
        "AS 1|allow from any set { weight 10 }; bgpd.conf:2: unsupported set attribute \"weight\"",
        "AS 1|allow from any set { }; bgpd.conf:2: empty set list",
        "AS 1|allow from any set nexthop blackhole; bgpd.conf:2: \"set nexthop blackhole\" is not supported",
        "AS 1|allow from any set prepend-self 200; bgpd.conf:2: invalid prepend-self \"200\": must be between 0 and 128",
        "AS 1|allow from any set localpref 4294967296; bgpd.conf:2: invalid localpref \"4294967296\": must be between 0 and 4294967295",
        "AS 1|neighbor $peer { remote-as 2 }; bgpd.conf:2: macro \"peer\" not defined",
        "neighbor = \"10.0.0.1\"; bgpd.conf:1: macro name \"neighbor\" is a reserved word",
        "AS 1|neighbor 10.0.0.2 { descr \"unterminated|x; bgpd.conf:2: unterminated quoted string",
        "AS 1|} ; bgpd.conf:2: unexpected \"}\"",
        "AS 1|router-id 10.0.0.1 ! ; bgpd.conf:2: unexpected \"!\"",
        "a = \"$b\"|b = \"$a\"|AS $a; bgpd.conf:3: macro \"a\" expands too deeply",
    })
    void errorNamesTheLine(String text, String expected) {
        assertEquals(expected, errorOf(text.replace('|', '\n')));
    }

    @Test
    void errorLineCountsContinuationLines() {
        assertEquals("bgpd.conf:3: invalid AS number \"x\"", errorOf("router-id \\\n10.0.0.1\nAS x\n"));
    }

    @Test
    void errorInsideMacroExpansionNamesTheUsingLine() {
        assertEquals("bgpd.conf:3: invalid address \"nope\"",
                errorOf("p = \"nope\"\nAS 1\nneighbor $p { remote-as 2 }\n"));
    }
}
