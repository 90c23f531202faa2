package org.goldbuying.scale.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable Mettler Toledo balance speaking MT-SICS levels 0 and 1, plus the level-2 commands a host commonly
 * sends while setting up (M21 host unit, I10, I11). Every command and reply is described, with the manual sections
 * it comes from, in {@code docs/devices/mt-sics.md}. In short:
 * <ul>
 *   <li>{@code S}, {@code Z}, {@code T} hold their reply until the load is stable; after the balance's own
 *       timeout ({@link #stabilityTimeout}) they answer {@code S I}, {@code Z I}, {@code T I}. {@code SC},
 *       {@code ZC}, {@code TC} do the same with the timeout the host gives; {@code SC} then sends the dynamic
 *       value ({@code S D}).</li>
 *   <li>{@code SI}, {@code ZI}, {@code TI} act at once ({@code D} status when the load was moving).</li>
 *   <li>Zero and tare are separate: {@code T}/{@code TI}/{@code TC} fill the tare memory, {@code TA} reads or
 *       presets it, {@code TAC} clears it; zeroing sets the zero point (and clears the tare).</li>
 *   <li>Out of range: {@code +} / {@code -} status for weights, zero and tare. Unknown command {@code ES};
 *       bytes that are not printable ASCII {@code ET}; a known command with parameters it does not take
 *       {@code ES}; a parameter out of range the command's own {@code L} status.</li>
 *   <li>{@code @} cancels whatever is held or repeating, returns the display to the weight, the keys and host
 *       unit to their defaults, and answers {@code I4 A "<serial>"}. While a reply is held, other commands are
 *       ignored (the manual warns that a balance may ignore commands sent without waiting for the reply).</li>
 * </ul>
 * The script methods of {@link BalanceSimulator} put a load on the pan, make it settle slowly, overload, answer
 * with a different serial number or disturb the line.
 */
public final class MtSicsSimulator extends BalanceSimulator {
    /** Host unit codes of M21 with their grams per unit (the units with an exact conversion only). */
    private static final Map<Integer, Unit> UNITS = Map.of(
            0, new Unit("g", BigDecimal.ONE, 0),
            1, new Unit("kg", new BigDecimal("1000"), 3),
            3, new Unit("mg", new BigDecimal("0.001"), -3),
            5, new Unit("ct", new BigDecimal("0.2"), 1),
            9, new Unit("ozt", new BigDecimal("31.1034768"), 2));
    /** The commands I0 lists, with their MT-SICS level. */
    static final List<String[]> COMMANDS = List.of(
            new String[] {"0", "@"},
            new String[] {"0", "I0"},
            new String[] {"0", "I1"},
            new String[] {"0", "I2"},
            new String[] {"0", "I3"},
            new String[] {"0", "I4"},
            new String[] {"0", "I5"},
            new String[] {"0", "S"},
            new String[] {"0", "SI"},
            new String[] {"0", "SIR"},
            new String[] {"0", "Z"},
            new String[] {"0", "ZI"},
            new String[] {"1", "C"},
            new String[] {"1", "D"},
            new String[] {"1", "DW"},
            new String[] {"1", "K"},
            new String[] {"1", "SC"},
            new String[] {"1", "SR"},
            new String[] {"1", "T"},
            new String[] {"1", "TA"},
            new String[] {"1", "TAC"},
            new String[] {"1", "TC"},
            new String[] {"1", "TI"},
            new String[] {"1", "ZC"},
            new String[] {"2", "I10"},
            new String[] {"2", "I11"},
            new String[] {"2", "M21"},
            new String[] {"2", "PWR"});
    /** SIR repeats at this period (the manual gives the rate as model-dependent). */
    static final long REPEAT_MILLIS = 100;

    private static final int MAX_DISPLAY_TEXT = 20;

    private volatile String model;
    private volatile BigDecimal modelCapacity;
    private volatile String balanceId = "GoldCounter";
    private volatile int hostUnit;
    private volatile String displayText;
    private volatile int keyMode = 1;
    private volatile boolean standby;
    private volatile BigDecimal lastSrValue;
    private volatile long srGeneration;

    public MtSicsSimulator(SerialLine line, String serialNumber, int decimals) {
        super(line, serialNumber, decimals);
        String[] identity = defaultModel(decimals);
        model = identity[0];
        modelCapacity = new BigDecimal(identity[1]);
        capacity(modelCapacity);
    }

    @Override
    public MtSicsSimulator start() {
        super.start();
        return this;
    }

    /** The model and capacity I2 and I11 report (and that the balance enforces as its Max). */
    public void identify(String type, BigDecimal capacityGrams) {
        model = type;
        modelCapacity = capacityGrams;
        capacity(capacityGrams);
    }

    /** Text shown by the D command, or null while the display shows the weight. */
    public String displayText() {
        return displayText;
    }

    /** The key mode set by K (1 = keys work normally, the default). */
    public int keyMode() {
        return keyMode;
    }

    /** The host unit symbol set by M21 (grams unless changed). */
    public String hostUnit() {
        return UNITS.get(hostUnit).symbol();
    }

    /** A model of the resolution given by {@code decimals}: d = 1 g ... 0.01 mg, as the type name shows it. */
    static String[] defaultModel(int decimals) {
        return switch (decimals) {
            case 0 -> new String[] {"MS32000L", "32200"};
            case 1 -> new String[] {"MS8001TS", "8100.0"};
            case 2 -> new String[] {"XS2002S", "2100.00"};
            case 3 -> new String[] {"XPR2003S", "2100.000"};
            case 4 -> new String[] {"XPR204S", "220.0000"};
            default -> new String[] {"XPR205", "220.00000"};
        };
    }

    @Override
    protected void onCommandLine(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                // what arrived was not what the host sent (noise, a wrong baud rate or parity)
                reply("ET");
                return;
            }
        }
        List<String> words = split(line);
        if (words == null || words.isEmpty()) {
            reply("ES");
            return;
        }
        String command = words.get(0);
        List<String> args = words.subList(1, words.size());
        if (command.equals("@")) {
            reset();
            return;
        }
        if (command.equals("C")) {
            cancelAll();
            return;
        }
        if (heldRequest()) {
            // one command at a time: a balance busy with a held request ignores what arrives meanwhile
            return;
        }
        if (isWeightRequest(command)) {
            stopRepeating();
            lastSrValue = null;
        }
        if (standby && !command.equals("PWR") && !command.startsWith("I")) {
            reply(notExecutable(command));
            return;
        }
        dispatch(command, args);
    }

    private void dispatch(String command, List<String> args) {
        switch (command) {
            case "I0" -> noArgs(args, this::listCommands);
            case "I1" -> noArgs(args, () -> reply("I1 A \"01\" \"2.30\" \"2.22\" \"\" \"\""));
            case "I2" -> noArgs(args, () -> reply("I2 A \"" + model + " " + modelCapacity.toPlainString() + " g\""));
            case "I3" -> noArgs(args, () -> reply("I3 A \"2.10 10.28.0.493.142\""));
            case "I4" -> noArgs(args, () -> reply(serialNumberReply()));
            case "I5" -> noArgs(args, () -> reply("I5 A \"11671158C\""));
            case "I10" -> balanceId(args);
            case "I11" -> noArgs(args, () -> reply("I11 A \"" + model + "\""));
            case "S" -> noArgs(args, () -> holdUntilStable(stabilityTimeoutMillis(), () -> weight("S"), () -> "S I"));
            case "SI" -> noArgs(args, () -> reply(weight("S")));
            case "SIR" -> noArgs(args, () -> repeat(REPEAT_MILLIS, () -> weight("S")));
            case "SC" -> withTimeout("SC", args, ms -> holdUntilStable(ms, () -> weight("S"), () -> weight("S")));
            case "SR" -> sendAndRepeat(args);
            case "Z" -> noArgs(args, () -> holdUntilStable(stabilityTimeoutMillis(), () -> zero("Z"), () -> "Z I"));
            case "ZI" -> noArgs(args, this::zeroImmediately);
            case "ZC" -> withTimeout("ZC", args, ms -> holdUntilStable(ms, () -> zero("ZC"), () -> "ZC I"));
            case "T" -> noArgs(args, () -> holdUntilStable(stabilityTimeoutMillis(), () -> tare("T"), () -> "T I"));
            case "TI" -> noArgs(args, this::tareImmediately);
            case "TC" -> withTimeout("TC", args, ms -> holdUntilStable(ms, () -> tare("TC"), () -> "TC I"));
            case "TA" -> tareMemory(args);
            case "TAC" ->
                noArgs(args, () -> {
                    clearTare();
                    reply("TAC A");
                });
            case "D" -> display(args);
            case "DW" ->
                noArgs(args, () -> {
                    displayText = null;
                    reply("DW A");
                });
            case "K" -> keys(args);
            case "M21" -> hostUnit(args);
            case "PWR" -> power(args);
            default -> reply("ES");
        }
    }

    // ---- weighing ----

    private static boolean isWeightRequest(String command) {
        return switch (command) {
            case "S", "SI", "SIR", "SC", "SR" -> true;
            default -> false;
        };
    }

    /** A weight reply in the host unit: stable {@code S}, dynamic {@code D}, or out of range. */
    private String weight(String id) {
        if (overloaded()) {
            return id + " +";
        }
        if (underloaded()) {
            return id + " -";
        }
        return id + (stable() ? " S " : " D ") + value(exactNet());
    }

    private String value(BigDecimal grams) {
        Unit unit = UNITS.get(hostUnit);
        int scale = Math.max(0, decimals() + unit.extraDecimals());
        BigDecimal inUnit = grams.divide(unit.grams(), scale, RoundingMode.HALF_EVEN);
        String label = unitLabelOverride() == null ? unit.symbol() : unitLabelOverride();
        return String.format("%10s %s", inUnit.toPlainString(), label);
    }

    /**
     * SR: the stable weight now (held until stable), then again after every change of at least 12.5 % of the
     * last stable value (30 d at least), each change announced by one dynamic value first.
     */
    private void sendAndRepeat(List<String> args) {
        if (!args.isEmpty()) {
            reply("ES");
            return;
        }
        holdUntilStable(
                Long.MAX_VALUE,
                () -> {
                    lastSrValue = net();
                    startSrWatch();
                    return weight("S");
                },
                () -> "S I");
    }

    private void startSrWatch() {
        BigDecimal minimum = BigDecimal.ONE.movePointLeft(decimals()).multiply(BigDecimal.valueOf(30));
        repeatCheck(++srGeneration, minimum, new boolean[] {false});
    }

    private void repeatCheck(long generation, BigDecimal minimum, boolean[] announced) {
        later(REPEAT_MILLIS, () -> {
            BigDecimal last = lastSrValue;
            if (last == null || generation != srGeneration) {
                return;
            }
            BigDecimal change = net().subtract(last).abs();
            BigDecimal threshold = last.abs().multiply(new BigDecimal("0.125")).max(minimum);
            if (!announced[0] && change.compareTo(threshold) >= 0) {
                announced[0] = true;
                reply(weight("S").replaceFirst("^S S ", "S D "));
            } else if (announced[0] && stable()) {
                announced[0] = false;
                lastSrValue = net();
                reply(weight("S"));
            }
            repeatCheck(generation, minimum, announced);
        });
    }

    // ---- zero and tare ----

    private String zero(String id) {
        if (overloaded()) {
            return id + " +";
        }
        if (underloaded()) {
            return id + " -";
        }
        if (!withinZeroRange()) {
            return id + (gross().signum() > 0 ? " +" : " -");
        }
        setZero();
        return id + " A";
    }

    private void zeroImmediately() {
        boolean wasStable = stable();
        String done = zero("ZI");
        reply(done.equals("ZI A") ? (wasStable ? "ZI S" : "ZI D") : done);
    }

    private String tare(String id) {
        if (overloaded()) {
            return id + " +";
        }
        if (underloaded() || gross().signum() < 0) {
            return id + " -";
        }
        setTareToGross();
        return id + " S " + value(exactTare());
    }

    private void tareImmediately() {
        boolean wasStable = stable();
        String done = tare("TI");
        reply(done.startsWith("TI S") && !wasStable ? done.replaceFirst("^TI S", "TI D") : done);
    }

    /** TA reads the tare memory; TA value unit presets it (the unit must be the host unit). */
    private void tareMemory(List<String> args) {
        if (args.isEmpty()) {
            reply("TA A " + value(exactTare()));
            return;
        }
        if (args.size() != 2) {
            reply("ES");
            return;
        }
        Unit unit = UNITS.get(hostUnit);
        BigDecimal preset;
        try {
            preset = new BigDecimal(args.get(0));
        } catch (NumberFormatException e) {
            reply("ES");
            return;
        }
        if (!args.get(1).equals(unit.symbol())
                || preset.signum() < 0
                || unit.grams().multiply(preset).compareTo(capacityGrams()) > 0) {
            reply("TA L");
            return;
        }
        presetTare(unit.grams().multiply(preset));
        reply("TA A " + value(exactTare()));
    }

    // ---- display, keys, unit, power, identity ----

    private void display(List<String> args) {
        if (args.size() != 1) {
            reply("ES");
            return;
        }
        String text = args.get(0);
        // a longer text is cut to what the display can show
        displayText = text.length() > MAX_DISPLAY_TEXT ? text.substring(0, MAX_DISPLAY_TEXT) : text;
        reply("D A");
    }

    private void keys(List<String> args) {
        if (args.size() != 1 || !args.get(0).matches("[0-9]+")) {
            reply("ES");
            return;
        }
        int mode = Integer.parseInt(args.get(0));
        if (mode < 1 || mode > 4) {
            reply("K L");
            return;
        }
        keyMode = mode;
        reply("K A");
    }

    /** M21 queries the units (host 0, display 1); M21 type unit sets one. */
    private void hostUnit(List<String> args) {
        if (args.isEmpty()) {
            reply("M21 B 0 " + hostUnit);
            reply("M21 A 1 " + hostUnit);
            return;
        }
        if (args.size() != 2 || !args.get(0).matches("[0-9]+") || !args.get(1).matches("[0-9]+")) {
            reply("ES");
            return;
        }
        int type = Integer.parseInt(args.get(0));
        int unit = Integer.parseInt(args.get(1));
        if ((type != 0 && type != 1) || !UNITS.containsKey(unit)) {
            reply("M21 L");
            return;
        }
        hostUnit = unit;
        reply("M21 A");
    }

    private void power(List<String> args) {
        if (args.size() != 1 || !(args.get(0).equals("0") || args.get(0).equals("1"))) {
            reply(args.isEmpty() ? "ES" : "PWR L");
            return;
        }
        boolean off = args.get(0).equals("0");
        reply("PWR A");
        if (standby && !off) {
            // switching on ends like a reset: the balance introduces itself with its serial number
            reply(serialNumberReply());
        }
        standby = off;
    }

    private void balanceId(List<String> args) {
        if (args.isEmpty()) {
            reply("I10 A \"" + balanceId + "\"");
        } else if (args.size() == 1 && args.get(0).length() <= MAX_DISPLAY_TEXT) {
            balanceId = args.get(0);
            reply("I10 A");
        } else {
            reply("I10 L");
        }
    }

    private void listCommands() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < COMMANDS.size(); i++) {
            String[] c = COMMANDS.get(i);
            lines.add("I0 " + (i == COMMANDS.size() - 1 ? "A " : "B ") + c[0] + " \"" + c[1] + "\"");
        }
        lines.forEach(this::reply);
    }

    private String serialNumberReply() {
        return "I4 A \"" + serialNumber() + "\"";
    }

    // ---- cancel and reset ----

    /** @: back to the state after switching on, without zeroing; the tare memory is kept. */
    private void reset() {
        cancelHeld();
        stopRepeating();
        lastSrValue = null;
        displayText = null;
        keyMode = 1;
        hostUnit = 0;
        standby = false;
        reply(serialNumberReply());
    }

    /** C: cancels what this interface asked for (held or repeating), nothing else. */
    private void cancelAll() {
        reply("C B");
        cancelHeld();
        stopRepeating();
        lastSrValue = null;
        reply("C A");
    }

    private static String notExecutable(String command) {
        return switch (command) {
            case "SI", "SIR", "SC", "SR" -> "S I";
            default -> command + " I";
        };
    }

    // ---- parsing ----

    private void noArgs(List<String> args, Runnable action) {
        if (args.isEmpty()) {
            action.run();
        } else {
            reply("ES");
        }
    }

    /** SC, ZC, TC take an optional timeout in milliseconds; without one they use the balance's own. */
    private void withTimeout(String command, List<String> args, LongConsumer action) {
        if (args.isEmpty()) {
            action.accept(stabilityTimeoutMillis());
            return;
        }
        if (args.size() != 1 || !args.get(0).matches("[0-9]{1,9}")) {
            reply("ES");
            return;
        }
        long millis = Long.parseLong(args.get(0));
        if (millis > 60_000) {
            reply(command.equals("SC") ? "S L" : command + " L");
            return;
        }
        action.accept(millis);
    }

    /** Splits on spaces; a quoted parameter may contain spaces. Null when a quote is not closed. */
    private static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    return null;
                }
                words.add(line.substring(i + 1, close));
                i = close + 1;
            } else {
                int start = i;
                while (i < line.length() && line.charAt(i) != ' ') {
                    i++;
                }
                words.add(line.substring(start, i));
            }
        }
        return words;
    }

    private record Unit(String symbol, BigDecimal grams, int extraDecimals) {}
}
