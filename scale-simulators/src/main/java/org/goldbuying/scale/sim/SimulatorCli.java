package org.goldbuying.scale.sim;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialLine;
import org.goldbuying.scale.transport.SerialSettings;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;

/**
 * A device simulator a person can drive from a terminal, for the local run and for trying the station by hand.
 *
 * <pre>
 * java -cp &lt;classpath&gt; org.goldbuying.scale.sim.SimulatorCli &lt;mt-sics|sbi|a-and-d|ohaus|kern|xrf&gt;
 *      [--serial SN] [--decimals N] [--port PATH] [--dir DIR]
 * </pre>
 * Without {@code --port} it makes a socat pseudo-terminal pair in {@code --dir} (default {@code target/pty})
 * and prints the end the station should open. Then it reads commands, one per line ({@code help} lists them).
 */
public final class SimulatorCli {
    static final String BALANCE_HELP = """
            place <grams> [settle-ms]   put a load on the pan (unstable until settled)
            clear                       empty the pan
            overload | underload        out of range until the next place/clear
            serial <sn>                 report another serial number
            unit <symbol>               label frames with another unit (not converted)
            stability <ms>              how long the balance itself waits for a stable weight
            garble | drop               corrupt / lose the next reply
            split <ms>                  send the next reply in two parts, <ms> apart
            join <frame>                send <frame> right after the next reply
            mute on|off                 stop / resume answering
            raw <text>                  send text as is (\\r and \\n are understood)
            quit""";
    static final String XRF_HELP = """
            shoot <id> Au=91.7 Ag=4.1 Cu=4.2 [Pb=<LOD] [seconds=30]   send one result block
            analyser <model> <serial>   change the analyser's identity
            raw <text>                  send text as is (\\r and \\n are understood)
            quit""";

    private SimulatorCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: SimulatorCli <mt-sics|sbi|a-and-d|ohaus|kern|xrf> [--serial SN]"
                    + " [--decimals N] [--port PATH] [--dir DIR]");
            System.exit(2);
        }
        String kind = args[0];
        String serial = option(args, "--serial", "B912345678");
        int decimals = Integer.parseInt(option(args, "--decimals", "2"));
        String port = option(args, "--port", null);
        VirtualSerialPair pair = null;
        if (port == null) {
            pair = VirtualSerialPair.open(Path.of(option(args, "--dir", "target/pty")), kind + "-sim");
            port = pair.deviceEnd().toString();
            System.out.println("station end: " + pair.hostEnd());
        }
        SerialLine line = new JSerialCommLine(SerialSettings.defaults(port));
        PrintStream out = System.out;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            if (kind.equals("xrf")) {
                try (XrfSimulator xrf = new XrfSimulator(line, new AnalyserId("XR-SIM", serial)).start()) {
                    out.println(XRF_HELP);
                    for (String command;
                            (command = in.readLine()) != null
                                    && !command.strip().equals("quit"); ) {
                        out.println(executeXrf(xrf, command));
                    }
                }
            } else {
                try (BalanceSimulator sim = balance(kind, line, serial, decimals)) {
                    sim.start();
                    out.println(BALANCE_HELP);
                    for (String command;
                            (command = in.readLine()) != null
                                    && !command.strip().equals("quit"); ) {
                        out.println(execute(sim, command));
                    }
                }
            }
        } finally {
            if (pair != null) {
                pair.close();
            }
        }
    }

    static BalanceSimulator balance(String kind, SerialLine line, String serial, int decimals) {
        return switch (kind) {
            case "mt-sics" -> new MtSicsSimulator(line, serial, decimals);
            case "sbi" -> new SbiSimulator(line, serial, decimals);
            case "a-and-d" -> new AndSimulator(line, serial, decimals);
            case "ohaus" -> new OhausSimulator(line, serial, decimals);
            case "kern" -> {
                KernSimulator kern = new KernSimulator(line, serial, decimals);
                kern.kcp(true);
                yield kern;
            }
            default -> throw new IllegalArgumentException("unknown device kind " + kind);
        };
    }

    /** Runs one command line against a balance simulator and says what was done. */
    static String execute(BalanceSimulator sim, String commandLine) {
        String[] w = commandLine.strip().split(" +", 2);
        String arg = w.length > 1 ? w[1] : "";
        try {
            switch (w[0].toLowerCase(Locale.ROOT)) {
                case "place" -> {
                    String[] a = arg.split(" +");
                    sim.place(new BigDecimal(a[0]), a.length > 1 ? Long.parseLong(a[1]) : 0);
                    return "placed " + a[0] + " g";
                }
                case "clear" -> sim.clearPan();
                case "overload" -> sim.overload();
                case "underload" -> sim.underload();
                case "serial" -> sim.reportSerialNumber(arg);
                case "unit" -> sim.reportUnit(arg);
                case "stability" -> sim.stabilityTimeout(Duration.ofMillis(Long.parseLong(arg)));
                case "garble" -> sim.garbleNextReply();
                case "drop" -> sim.dropNextReply();
                case "split" -> sim.splitNextReply(Long.parseLong(arg));
                case "join" -> sim.joinNextReplyWith(arg);
                case "mute" -> sim.mute(arg.equals("on"));
                case "raw" -> sim.sendRaw(unescape(arg));
                case "help", "" -> {
                    return BALANCE_HELP;
                }
                default -> {
                    return "unknown command; type help";
                }
            }
            return "ok";
        } catch (RuntimeException e) {
            return "not done: " + e.getMessage();
        }
    }

    /** Runs one command line against the XRF simulator. */
    static String executeXrf(XrfSimulator xrf, String commandLine) {
        String[] w = commandLine.strip().split(" +");
        try {
            switch (w[0]) {
                case "shoot" -> {
                    Map<Element, BigDecimal> percents = new EnumMap<>(Element.class);
                    Set<Element> lod = EnumSet.noneOf(Element.class);
                    Duration seconds = Duration.ofSeconds(30);
                    for (int i = 2; i < w.length; i++) {
                        String[] kv = w[i].split("=", 2);
                        if (kv[0].equals("seconds")) {
                            seconds = Duration.ofMillis(
                                    new BigDecimal(kv[1]).movePointRight(3).longValueExact());
                        } else if (kv[1].equals("<LOD")) {
                            lod.add(Element.require(kv[0]));
                        } else {
                            percents.put(Element.require(kv[0]), new BigDecimal(kv[1]));
                        }
                    }
                    xrf.shoot(w[1], percents, lod, seconds);
                    return "sent shot " + w[1];
                }
                case "analyser" -> {
                    xrf.analyser(new AnalyserId(w[1], w[2]));
                    return "ok";
                }
                case "raw" -> {
                    xrf.sendRaw(unescape(commandLine.strip().substring(3).strip()));
                    return "ok";
                }
                default -> {
                    return XRF_HELP;
                }
            }
        } catch (RuntimeException e) {
            return "not done: " + e.getMessage();
        }
    }

    static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n").replace("\\e", "\u001b");
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
