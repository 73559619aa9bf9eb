package io.jbgp.examples.ctl;

import io.jbgp.core.types.IpPrefix;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Parses one control request line. Never throws: a bad line becomes
 * {@link ControlParse.Rejected} with a message meant for the operator's terminal.
 *
 * <pre>
 * request  = ["-j"] command            -j: answer in JSON
 * command  = "show" ["summary"]
 *          | "show" "neighbor" [ADDR]
 *          | "show" "rib" {PREFIX | ADDR | "neighbor" ADDR | "selected" | "detail"}
 *          | "show" "nexthop"
 *          | "show" "fib" [PREFIX]
 *          | "show" "network"
 *          | "show" "config"
 *          | "neighbor" ADDR ("up" | "down" | "clear" | "refresh")
 *          | "reload"
 * </pre>
 */
public final class ControlCommandParser {
    /** Longest request line accepted, in characters. */
    public static final int MAX_LINE = 1024;

    static final String USAGE = "commands: show [summary], show neighbor [ADDR], "
            + "show rib [PREFIX|ADDR] [neighbor ADDR] [selected] [detail], show fib [PREFIX], "
            + "show nexthop, show network, show config, neighbor ADDR up|down|clear|refresh, reload";

    private ControlCommandParser() {}

    /** Parses {@code line} (without its newline). */
    public static ControlParse parse(String line) {
        boolean json = false;
        try {
            if (line.length() > MAX_LINE) {
                return new ControlParse.Rejected("request too long (over " + MAX_LINE
                        + " characters)", false);
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < 0x20 && c != '\t') {
                    return new ControlParse.Rejected("control character in request", false);
                }
            }
            List<String> words = new ArrayList<>(Arrays.asList(line.trim().split("[ \t]+")));
            words.removeIf(String::isEmpty);
            if (!words.isEmpty() && words.get(0).equals("-j")) {
                json = true;
                words.remove(0);
            }
            return new ControlParse.Parsed(new ControlRequest(command(words), json));
        } catch (BadRequest e) {
            return new ControlParse.Rejected(e.getMessage(), json);
        } catch (RuntimeException e) {
            // the parser is total by design; this is a bug, but still not the client's crash
            return new ControlParse.Rejected("cannot parse request: " + e, json);
        }
    }

    private static ControlCommand command(List<String> w) throws BadRequest {
        if (w.isEmpty()) {
            throw new BadRequest("empty request; " + USAGE);
        }
        switch (w.get(0)) {
            case "show":
                return show(w);
            case "neighbor":
                if (w.size() < 2) {
                    throw new BadRequest("missing neighbor address: neighbor ADDR "
                            + "up|down|clear|refresh");
                }
                InetAddress a = address(w.get(1));
                if (w.size() < 3) {
                    throw new BadRequest("missing action: neighbor " + w.get(1)
                            + " up|down|clear|refresh");
                }
                NeighborAction action = neighborAction(w.get(2));
                rest(w, 3);
                return new ControlCommand.Neighbor(a, action);
            case "reload":
                rest(w, 1);
                return new ControlCommand.Reload();
            default:
                throw new BadRequest("unknown command \"" + w.get(0) + "\"; " + USAGE);
        }
    }

    private static ControlCommand show(List<String> w) throws BadRequest {
        if (w.size() == 1) {
            return new ControlCommand.ShowSummary(Optional.empty());
        }
        switch (w.get(1)) {
            case "summary":
                rest(w, 2);
                return new ControlCommand.ShowSummary(Optional.empty());
            case "neighbor":
                if (w.size() == 2) {
                    return new ControlCommand.ShowNeighbor(Optional.empty());
                }
                InetAddress a = address(w.get(2));
                rest(w, 3);
                return new ControlCommand.ShowNeighbor(Optional.of(a));
            case "nexthop":
                rest(w, 2);
                return new ControlCommand.ShowNexthop();
            case "rib":
                return new ControlCommand.ShowRib(ribQuery(w));
            case "fib":
                if (w.size() == 2) {
                    return new ControlCommand.ShowFib(Optional.empty());
                }
                IpPrefix p = prefix(w.get(2));
                rest(w, 3);
                return new ControlCommand.ShowFib(Optional.of(p));
            case "network":
                rest(w, 2);
                return new ControlCommand.ShowNetwork();
            case "config":
                rest(w, 2);
                return new ControlCommand.ShowConfig();
            default:
                throw new BadRequest("unknown show command \"" + w.get(1) + "\"; " + USAGE);
        }
    }

    private static RibQuery ribQuery(List<String> w) throws BadRequest {
        Optional<IpPrefix> prefix = Optional.empty();
        Optional<InetAddress> address = Optional.empty();
        Optional<InetAddress> neighbor = Optional.empty();
        boolean selected = false;
        boolean detail = false;
        for (int i = 2; i < w.size(); i++) {
            String t = w.get(i);
            if (t.equals("detail")) {
                detail = once(detail, t);
            } else if (t.equals("selected") || t.equals("best")) {
                selected = once(selected, t);
            } else if (t.equals("neighbor")) {
                if (neighbor.isPresent()) {
                    throw new BadRequest("duplicate \"neighbor\" in show rib");
                }
                if (i + 1 >= w.size()) {
                    throw new BadRequest("missing address after \"neighbor\"");
                }
                neighbor = Optional.of(address(w.get(++i)));
            } else if (prefix.isPresent() || address.isPresent()) {
                throw new BadRequest("unexpected \"" + t + "\" in show rib: one prefix or "
                        + "address at most");
            } else if (t.indexOf('/') >= 0) {
                prefix = Optional.of(prefix(t));
            } else if (looksLikeAddress(t)) {
                address = Optional.of(address(t));
            } else {
                throw new BadRequest("unknown show rib option \"" + t + "\"; expected a prefix,"
                        + " an address, neighbor ADDR, selected or detail");
            }
        }
        return new RibQuery(prefix, address, neighbor, selected, detail);
    }

    private static boolean once(boolean already, String word) throws BadRequest {
        if (already) {
            throw new BadRequest("duplicate \"" + word + "\" in show rib");
        }
        return true;
    }

    private static NeighborAction neighborAction(String s) throws BadRequest {
        for (NeighborAction a : NeighborAction.values()) {
            if (a.keyword().equals(s)) {
                return a;
            }
        }
        throw new BadRequest("unknown neighbor action \"" + s
                + "\": expected up, down, clear or refresh");
    }

    private static void rest(List<String> w, int from) throws BadRequest {
        if (w.size() > from) {
            throw new BadRequest("unexpected \"" + w.get(from) + "\" after \""
                    + String.join(" ", w.subList(0, from)) + "\"");
        }
    }

    private static boolean looksLikeAddress(String s) {
        return s.matches("[0-9.]+") || (s.indexOf(':') >= 0 && s.matches("[0-9a-fA-F:.]+"));
    }

    private static InetAddress address(String s) throws BadRequest {
        if (!looksLikeAddress(s)) {
            throw new BadRequest("invalid address \"" + s + "\"");
        }
        try {
            return IpPrefix.parseAddress(s);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid address \"" + s + "\"");
        }
    }

    private static IpPrefix prefix(String s) throws BadRequest {
        try {
            return IpPrefix.parse(s);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid prefix \"" + s + "\": " + e.getMessage());
        }
    }

    /** Internal: unwinds to {@link #parse}, which turns it into a {@code Rejected}. */
    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false);
        }
    }
}
