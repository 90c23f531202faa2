package org.goldbuying.scale.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded conversation with a balance, in the text format described in {@code docs/devices/README.md}:
 * headers ({@code @key value}), scenarios ({@code == name [driver step...]}), and in each scenario the exchanges, a
 * command sent ({@code > bytes}) followed by the replies received ({@code < millis bytes}), a silence waited out
 * ({@code ~ millis}) and what the driver reads from the reply just above ({@code ! reading}), or from the whole
 * scenario ({@code !! outcome}) for scenarios the driver itself ran. Bytes are escaped: {@code \r}, {@code \n},
 * {@code \e} (ESC), {@code \\}, and {@code \xHH} for any other byte outside printable ASCII.
 */
final class Transcript {
    record Reply(long millis, String bytes, String reading) {
        /** The reply as the driver sees it: the line without its terminator. */
        String line() {
            String text = bytes.endsWith("\n") ? bytes.substring(0, bytes.length() - 1) : bytes;
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
    }

    record Exchange(String command, List<Reply> replies, long silenceMillis) {}

    /** {@code steps}: the driver calls a driver scenario made (connect, zero, weigh, live), empty for the others. */
    record Scenario(String name, List<String> steps, List<Exchange> exchanges, String outcome) {
        boolean driver() {
            return !steps.isEmpty();
        }
    }

    private final Map<String, String> headers;
    private final List<Scenario> scenarios;

    Transcript(Map<String, String> headers, List<Scenario> scenarios) {
        this.headers = new LinkedHashMap<>(headers);
        this.scenarios = List.copyOf(scenarios);
    }

    Map<String, String> headers() {
        return headers;
    }

    String header(String key) {
        String value = headers.get(key);
        if (value == null) {
            throw new IllegalArgumentException("transcript has no @" + key + " header");
        }
        return value;
    }

    List<Scenario> scenarios() {
        return scenarios;
    }

    Scenario scenario(String name) {
        return scenarios.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario " + name));
    }

    // ---- text form ----

    static Transcript read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
    }

    static Transcript parse(List<String> lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<Scenario> scenarios = new ArrayList<>();
        String name = null;
        List<String> steps = List.of();
        String outcome = null;
        List<Exchange> exchanges = new ArrayList<>();
        String command = null;
        List<Reply> replies = new ArrayList<>();
        long silence = -1;
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = "line " + number + ": ";
            if (line.startsWith("@")) {
                int space = line.indexOf(' ');
                headers.put(
                        line.substring(1, space < 0 ? line.length() : space),
                        space < 0 ? "" : line.substring(space + 1).strip());
            } else if (line.startsWith("== ")) {
                if (command != null) {
                    exchanges.add(new Exchange(command, replies, silence));
                }
                if (name != null) {
                    scenarios.add(new Scenario(name, steps, exchanges, outcome));
                }
                String[] words = line.substring(3).strip().split(" +");
                name = words[0];
                steps = words.length > 1 && words[1].equals("driver")
                        ? List.of(words).subList(2, words.length)
                        : List.of();
                if (words.length > 1 && steps.isEmpty()) {
                    throw new IllegalArgumentException(where + "expected '== name' or '== name driver step...'");
                }
                outcome = null;
                exchanges = new ArrayList<>();
                command = null;
            } else if (name == null) {
                throw new IllegalArgumentException(where + "exchange before the first '== scenario' line");
            } else if (line.startsWith("> ")) {
                if (command != null) {
                    exchanges.add(new Exchange(command, replies, silence));
                }
                command = unescape(line.substring(2));
                replies = new ArrayList<>();
                silence = -1;
            } else if (line.startsWith("< ")) {
                requireCommand(command, where);
                int space = line.indexOf(' ', 2);
                replies.add(
                        new Reply(Long.parseLong(line.substring(2, space)), unescape(line.substring(space + 1)), null));
            } else if (line.startsWith("~ ")) {
                requireCommand(command, where);
                silence = Long.parseLong(line.substring(2).strip());
            } else if (line.startsWith("!! ")) {
                outcome = line.substring(3).strip();
            } else if (line.startsWith("! ")) {
                if (replies.isEmpty()) {
                    throw new IllegalArgumentException(where + "'!' must follow a '<' reply line");
                }
                Reply last = replies.remove(replies.size() - 1);
                replies.add(
                        new Reply(last.millis(), last.bytes(), line.substring(2).strip()));
            } else {
                throw new IllegalArgumentException(where + "not a transcript line: " + line);
            }
        }
        if (command != null) {
            exchanges.add(new Exchange(command, replies, silence));
        }
        if (name != null) {
            scenarios.add(new Scenario(name, steps, exchanges, outcome));
        }
        return new Transcript(headers, scenarios);
    }

    private static void requireCommand(String command, String where) {
        if (command == null) {
            throw new IllegalArgumentException(where + "reply before any '>' command");
        }
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("# Balance transcript; format: docs/devices/README.md");
        headers.forEach((k, v) -> out.add("@" + k + " " + v));
        for (Scenario scenario : scenarios) {
            out.add("");
            String steps = scenario.driver() ? " driver " + String.join(" ", scenario.steps()) : "";
            out.add("== " + scenario.name() + steps);
            for (Exchange exchange : scenario.exchanges()) {
                out.add("> " + escape(exchange.command()));
                for (Reply reply : exchange.replies()) {
                    out.add("< " + reply.millis() + " " + escape(reply.bytes()));
                    if (reply.reading() != null) {
                        out.add("! " + reply.reading());
                    }
                }
                if (exchange.silenceMillis() >= 0) {
                    out.add("~ " + exchange.silenceMillis());
                }
            }
            if (scenario.outcome() != null) {
                out.add("!! " + scenario.outcome());
            }
        }
        return out;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines(), StandardCharsets.ISO_8859_1);
    }

    static String escape(String bytes) {
        StringBuilder out = new StringBuilder(bytes.length() + 8);
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\u001b' -> out.append("\\e");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\x%02X", (int) c & 0xff));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 'e' -> out.append('\u001b');
                case 'x' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
