package org.goldbuying.scale.sim;

import java.util.function.Supplier;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.and.AndParser;
import org.goldbuying.scale.and.AndProtocol;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.WeightFrame;
import org.goldbuying.scale.kern.KernProtocol;
import org.goldbuying.scale.mtsics.MtSicsParser;
import org.goldbuying.scale.mtsics.MtSicsProtocol;
import org.goldbuying.scale.mtsics.MtSicsReply;
import org.goldbuying.scale.ohaus.OhausProtocol;
import org.goldbuying.scale.sbi.SbiProtocol;

/**
 * What the driver reads from one reply line, written as a short text for transcripts ({@code ! ...} lines):
 * {@code weight stable 123.46 g}, {@code serial B912345678}, {@code zero done}, {@code fault OVERLOAD}, or, for
 * replies the driver has no use for, their fields ({@code reply TA A 100.00 g}). The same function produces the
 * reading while recording and checks it on replay, so a transcript from a real balance shows where the driver
 * and the balance disagree.
 */
final class DriverReadings {
    /** The driver's reading of a reply to a command (the command as sent, terminator included). */
    interface ReplyReader {
        String read(String command, String line);
    }

    private DriverReadings() {}

    static ReplyReader mtSics() {
        BalanceProtocol protocol = new MtSicsProtocol();
        return (command, line) -> reading(() -> switch (firstWord(command)) {
            case "@" -> "serial " + protocol.parseCancelReply(line).orElseThrow();
            case "I4" -> "serial " + protocol.parseSerialNumber(line);
            case "S", "SI", "SC", "SIR", "SR", "T", "TI", "TC" -> weight(protocol.parseWeight(line));
            case "Z", "ZI", "ZC" -> {
                protocol.checkZeroReply(line);
                yield "zero done";
            }
            default -> fields(MtSicsParser.parse(line));
        });
    }

    static ReplyReader sbi() {
        BalanceProtocol protocol = new SbiProtocol();
        return (command, line) -> reading(() -> {
            String body = command.strip();
            if (body.equals(SbiProtocol.PRINT)) {
                return weight(protocol.parseWeight(line));
            }
            if (body.equals(SbiProtocol.SERIAL_NUMBER)) {
                return "serial " + protocol.parseSerialNumber(line);
            }
            return "reply " + line.strip();
        });
    }

    static ReplyReader and() {
        BalanceProtocol protocol = new AndProtocol();
        return (command, line) -> reading(() -> switch (command.strip()) {
            case "S", "Q", "SI", "SIR", "\u001bP" -> weight(protocol.parseWeight(line));
            case "?SN" -> "serial " + protocol.parseSerialNumber(line);
            default -> {
                if (line.equals(AndProtocol.ACK)) {
                    yield "acknowledged";
                }
                if (line.startsWith("EC,")) {
                    AndParser.acknowledged(line);
                }
                yield "reply " + line.strip();
            }
        });
    }

    static ReplyReader ohaus() {
        BalanceProtocol protocol = new OhausProtocol();
        return (command, line) -> reading(() -> switch (command.strip()) {
            case "IP", "P", "SP", "CP", "PT" -> weight(protocol.parseWeight(line));
            case "PSN" -> "serial " + protocol.parseSerialNumber(line);
            default -> line.strip().equals("ES") ? weight(protocol.parseWeight(line)) : "reply " + line.strip();
        });
    }

    static ReplyReader kern() {
        BalanceProtocol protocol = KernProtocol.withKcpSerialNumber();
        ReplyReader kcp = mtSics();
        return (command, line) -> reading(() -> switch (command) {
            case "s", "w", "S", "W" -> weight(protocol.parseWeight(line));
            case KernProtocol.KCP_SERIAL_NUMBER -> "serial " + protocol.parseSerialNumber(line);
            default -> kcp.read(command, line);
        });
    }

    static String weight(WeightFrame frame) {
        return "weight " + (frame.stable() ? "stable " : "dynamic ")
                + frame.grams().toPlainString() + " g";
    }

    static String reading(Supplier<String> read) {
        try {
            return read.get();
        } catch (ScaleException e) {
            return "fault " + e.fault();
        }
    }

    static String firstWord(String command) {
        String text = command.strip();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    private static String fields(MtSicsReply reply) {
        StringBuilder out = new StringBuilder("reply ").append(reply.command());
        if (!reply.status().isEmpty()) {
            out.append(' ').append(reply.status());
        }
        for (String field : reply.fields()) {
            out.append(' ').append(field.isEmpty() ? "\"\"" : field);
        }
        return out.toString();
    }
}
