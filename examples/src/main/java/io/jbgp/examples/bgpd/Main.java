package io.jbgp.examples.bgpd;

import io.jbgp.examples.ctl.Bgpctl;
import io.jbgp.examples.demo.Demo;
import java.util.Arrays;

/**
 * The examples jar's entry point: {@code java -jar examples-VERSION-all.jar bgpd|bgpctl|demo ...}
 * runs the daemon, its control tool or the two-site demo (the launchers in {@code examples/bin}
 * do exactly this).
 */
public final class Main {
    private static final String USAGE = "usage: java -jar examples-all.jar bgpd|bgpctl|demo [argument ...]\n";

    private Main() {
    }

    /** Dispatches on the first argument. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "bgpd" -> BgpdMain.main(rest);
            case "bgpctl" -> Bgpctl.main(rest);
            case "demo" -> {
                BgpdMain.configureLogging(false);
                Demo.main(rest);
            }
            default -> {
                System.err.print("unknown command " + args[0] + "\n" + USAGE);
                System.exit(2);
            }
        }
    }
}
