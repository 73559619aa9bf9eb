package io.jbgp.examples.ctl;

import io.jbgp.examples.config.BgpdConfigWriter;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a request line into a response: parse, ask the {@link ControlTarget}, format as text or
 * JSON. Total: a bad line or a failing target becomes an {@code ERR} response, never an
 * exception, so one bad client cannot take the control socket down.
 */
public final class ControlDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ControlDispatcher.class);

    private final ControlTarget target;

    /** Dispatches to {@code target}. */
    public ControlDispatcher(ControlTarget target) {
        this.target = target;
    }

    /** The response to one request line (without its newline). */
    public ControlResponse handle(String line) {
        ControlParse parse = ControlCommandParser.parse(line);
        if (parse instanceof ControlParse.Rejected) {
            ControlParse.Rejected r = (ControlParse.Rejected) parse;
            return error(r.message(), r.json());
        }
        ControlRequest request = ((ControlParse.Parsed) parse).request();
        try {
            return execute(request.command(), request.json());
        } catch (RuntimeException e) {
            LOG.warn("control request \"{}\" failed", line, e);
            return error("internal error: " + e, request.json());
        }
    }

    private ControlResponse execute(ControlCommand c, boolean json) {
        if (c instanceof ControlCommand.ShowSummary) {
            ControlCommand.ShowSummary s = (ControlCommand.ShowSummary) c;
            List<NeighborView> all = target.neighbors();
            List<NeighborView> shown = s.neighbor().isEmpty() ? all : all.stream()
                    .filter(n -> n.address().equals(s.neighbor().get()))
                    .collect(Collectors.toList());
            if (s.neighbor().isPresent() && shown.isEmpty()) {
                return error("no such neighbor " + BgpctlText.address(s.neighbor().get()), json);
            }
            return ControlResponse.ok(json ? BgpctlJson.summary(shown) : BgpctlText.summary(shown));
        }
        if (c instanceof ControlCommand.ShowNeighbor) {
            Optional<InetAddress> only = ((ControlCommand.ShowNeighbor) c).neighbor();
            List<NeighborDetailView> shown = target.neighborDetails().stream()
                    .filter(n -> only.isEmpty() || n.summary().address().equals(only.get()))
                    .collect(Collectors.toList());
            if (only.isPresent() && shown.isEmpty()) {
                return error("no such neighbor " + BgpctlText.address(only.get()), json);
            }
            return ControlResponse.ok(json ? BgpctlJson.neighbors(shown)
                    : BgpctlText.neighbors(shown));
        }
        if (c instanceof ControlCommand.ShowNexthop) {
            List<NexthopView> rows = target.nexthops();
            return ControlResponse.ok(json ? BgpctlJson.nexthops(rows) : BgpctlText.nexthops(rows));
        }
        if (c instanceof ControlCommand.ShowRib) {
            RibQuery q = ((ControlCommand.ShowRib) c).query();
            List<RibRowView> rows = target.rib(q);
            return ControlResponse.ok(json ? BgpctlJson.rib(rows)
                    : q.detail() ? BgpctlText.ribDetail(rows) : BgpctlText.rib(rows));
        }
        if (c instanceof ControlCommand.ShowFib) {
            List<FibRowView> rows = target.fib(((ControlCommand.ShowFib) c).prefix());
            return ControlResponse.ok(json ? BgpctlJson.fib(rows) : BgpctlText.fib(rows));
        }
        if (c instanceof ControlCommand.ShowNetwork) {
            List<NetworkView> rows = target.networks();
            return ControlResponse.ok(json ? BgpctlJson.networks(rows)
                    : BgpctlText.networks(rows));
        }
        if (c instanceof ControlCommand.ShowConfig) {
            // always masked: the socket is 0600, but terminals and logs are not
            String text = BgpdConfigWriter.render(target.config());
            return ControlResponse.ok(json ? BgpctlJson.config(text) : text);
        }
        if (c instanceof ControlCommand.Neighbor) {
            ControlCommand.Neighbor n = (ControlCommand.Neighbor) c;
            return action(target.neighbor(n.address(), n.action()), json);
        }
        if (c instanceof ControlCommand.Reload) {
            return action(target.reload(), json);
        }
        throw new IllegalStateException("execute: unknown command " + c);
    }

    private static ControlResponse action(ActionResult r, boolean json) {
        String body = json ? BgpctlJson.action(r) : BgpctlText.action(r);
        return r.ok() ? ControlResponse.ok(body) : ControlResponse.error(body);
    }

    private static ControlResponse error(String message, boolean json) {
        return ControlResponse.error(json ? BgpctlJson.error(message) : message + "\n");
    }
}
