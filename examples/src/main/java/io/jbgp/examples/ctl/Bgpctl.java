package io.jbgp.examples.ctl;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bgpctl [-j] [-s SOCKET] COMMAND [ARGUMENT ...]}: the demo daemon's control tool, in
 * the shape of OpenBGPD's bgpctl. It sends the command over the control socket
 * ({@link ControlServer}) and prints the answer: stdout and exit status 0 on success, stderr
 * and 1 when the daemon refuses the command, 2 for usage or connection problems.
 *
 * <pre>
 * bgpctl -s /run/jbgp/bgpd.sock show summary
 * bgpctl -j show rib 198.51.100.0/24 detail
 * bgpctl neighbor 172.19.0.2 clear
 * </pre>
 */
public final class Bgpctl {
    /** Where the demo daemon puts its socket unless told otherwise. */
    public static final Path DEFAULT_SOCKET = Path.of("/run/jbgp/bgpd.sock");

    /** Connect, send, and read the whole answer within this many milliseconds. */
    static final long TIMEOUT_MILLIS = 60_000;

    private static final String USAGE =
            "usage: bgpctl [-j] [-s socket] command [argument ...]\n";

    private Bgpctl() {}

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole tool, minus {@code System.exit}: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path socket = DEFAULT_SOCKET;
        boolean json = false;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!command.isEmpty()) {
                command.add(a);
            } else if (a.equals("-j")) {
                json = true;
            } else if (a.equals("-s")) {
                if (++i >= args.length) {
                    err.print("bgpctl: option -s needs a socket path\n" + USAGE);
                    return 2;
                }
                socket = Path.of(args[i]);
            } else if (a.startsWith("-")) {
                err.print("bgpctl: unknown option " + a + "\n" + USAGE);
                return 2;
            } else {
                command.add(a);
            }
        }
        if (command.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String line = (json ? "-j " : "") + String.join(" ", command);
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            err.print("bgpctl: command contains a line break\n");
            return 2;
        }
        ControlResponse response;
        try {
            response = exchange(socket, line, TIMEOUT_MILLIS);
        } catch (IOException e) {
            err.print("bgpctl: " + socket + ": " + e.getMessage() + "\n");
            return 2;
        }
        (response.ok() ? out : err).print(response.body());
        return response.ok() ? 0 : 1;
    }

    /** One request/response over the socket at {@code socket}. */
    static ControlResponse exchange(Path socket, String line, long timeoutMillis)
            throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            // a Unix-domain connect completes or fails at once; no timeout needed
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        try (TimedChannel tc = new TimedChannel(ch, timeoutMillis)) {
            tc.writeAll((line + "\n").getBytes(StandardCharsets.UTF_8));
            return ControlResponse.read(tc);
        }
    }
}
