package org.goldbuying.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A command run in a pseudo-terminal as a person types it: {@code script} gives it a terminal of its own, so what we
 * write is what a keyboard sends (Enter, Ctrl-C as the terminal's interrupt character) and what it prints is read as
 * a person sees it. Everything it prints is also kept in a log file.
 */
final class TypedCommand implements AutoCloseable {
    private final Process script;
    private final OutputStream keyboard;
    private final StringBuffer screen = new StringBuffer();
    private final Path log;
    private final Thread reader;

    private TypedCommand(Process script, Path log) {
        this.script = script;
        this.keyboard = script.getOutputStream();
        this.log = log;
        this.reader = new Thread(this::readScreen, "typed-command-screen");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code commandLine} in {@code directory} in its own terminal, with {@code environment} added. */
    static TypedCommand start(String commandLine, Path directory, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            // A terminal starts programs with every signal at its default. A test JVM started in the background (nohup,
            // a CI runner's `cmd &`) may have Ctrl-C's SIGINT ignored, and children inherit that: the command would
            // never see the Ctrl-C typed below. env --default-signal (coreutils) restores what a terminal gives.
            ProcessBuilder builder = new ProcessBuilder(
                            "env",
                            "--default-signal",
                            "script",
                            "--quiet",
                            "--flush",
                            "--return",
                            "--command",
                            commandLine,
                            "/dev/null")
                    .directory(directory.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            return new TypedCommand(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + commandLine, e);
        }
    }

    private void readScreen() {
        byte[] buffer = new byte[8192];
        try (InputStream in = script.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                String text = new String(buffer, 0, read, StandardCharsets.UTF_8);
                screen.append(text);
                Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException ended) {
            // the terminal closed
        }
    }

    /** Everything printed so far. */
    String screen() {
        return screen.toString();
    }

    /** How much has been printed so far, to wait for text printed after this point. */
    int mark() {
        return screen.length();
    }

    /** Waits until {@code text} is printed after {@code mark}; fails with the screen's last lines if not. */
    void awaitPrinted(String text, int mark, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (screen.indexOf(text, mark) < 0) {
            if (System.nanoTime() > deadline || !script.isAlive() && screen.indexOf(text, mark) < 0) {
                throw new AssertionError("'" + text + "' was not printed within " + timeout
                        + (script.isAlive() ? "" : " (the command ended)") + "; the screen ended with:\n"
                        + tail(40) + "\n(whole output: " + log + ")");
            }
            sleep(100);
        }
    }

    /** Types a line and presses Enter. */
    void type(String line) {
        keys(line + "\r");
    }

    /** Presses Ctrl-C: the terminal sends SIGINT to the foreground process group, as for a person. */
    void pressCtrlC() {
        keys("\u0003");
    }

    private void keys(String keys) {
        try {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the terminal is closed", e);
        }
    }

    /** Waits for the command (and its terminal) to end; returns its exit code. */
    int awaitExit(Duration timeout) {
        try {
            if (!script.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(
                        "still running " + timeout + " after Ctrl-C; the screen ended with:\n" + tail(30));
            }
            reader.join(5_000);
            return script.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every process the command started that is running now (its process tree). */
    Set<ProcessHandle> processes() {
        return script.descendants().collect(Collectors.toSet());
    }

    /** Running processes whose command line names {@code path} (servers that detach, like PostgreSQL's). */
    static Set<ProcessHandle> processesNaming(Path path) {
        String needle = path.toAbsolutePath().toString();
        Set<ProcessHandle> found = new HashSet<>();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            for (Path entry :
                    proc.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String commandLine = new String(
                                    Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (commandLine.contains(needle)) {
                        ProcessHandle.of(Long.parseLong(entry.getFileName().toString()))
                                .ifPresent(found::add);
                    }
                } catch (IOException gone) {
                    // ended while we looked
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.remove(ProcessHandle.current());
        return found;
    }

    /** Describes processes for a failure message. */
    static String describe(Set<ProcessHandle> processes) {
        return processes.stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.joining("\n"));
    }

    private String tail(int lines) {
        List<String> all = screen().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Stops whatever is left: Ctrl-C first, as a person would, then by force. */
    @Override
    public void close() {
        if (script.isAlive()) {
            Set<ProcessHandle> tree = processes();
            pressCtrlC();
            try {
                if (!script.waitFor(60, TimeUnit.SECONDS)) {
                    tree.forEach(ProcessHandle::destroyForcibly);
                    script.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
