package org.goldbuying.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a service must not start with in production: a setting left to a developer's default (a demo balance, a
 * database on localhost), an empty password, a demo switch, a public URL on localhost. Each rule names the environment
 * variable that fixes it, because production is configured through environment variables (deploy/README.md). Checked
 * by each service's main method before Quarkus starts, so the refusal comes before any connection is tried. Plain Java.
 */
public final class ProductionSettings {
    /** Exit status of a refused start (EX_CONFIG of sysexits.h). */
    public static final int REFUSED = 78;

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    /** One setting production needs, and what is wrong with it when it is not right (empty when it is). */
    @FunctionalInterface
    public interface Rule {
        Optional<String> problem(Function<String, Optional<String>> variables);
    }

    private ProductionSettings() {}

    /** The variable must be set, not blank: there is no safe default for it. */
    public static Rule required(String variable, String what) {
        return variables -> value(variables, variable).isPresent()
                ? Optional.empty()
                : Optional.of(variable + " is not set: " + what);
    }

    /** The variable must be set to a URL whose host is not this machine (others will open it). */
    public static Rule publicUrl(String variable, String what) {
        return variables -> {
            Optional<String> url = value(variables, variable);
            if (url.isEmpty()) {
                return Optional.of(variable + " is not set: " + what);
            }
            String host;
            try {
                host = URI.create(url.get()).getHost();
            } catch (IllegalArgumentException e) {
                return Optional.of(variable + " is not a URL (" + url.get() + "): " + what);
            }
            if (host == null || LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
                return Optional.of(variable + " points at this machine (" + url.get() + "): " + what);
            }
            return Optional.empty();
        };
    }

    /** The variable must name a file that exists: one made at installation, which must not be made anew by accident. */
    public static Rule existingFile(String variable, String what) {
        return variables -> {
            Optional<String> file = value(variables, variable);
            if (file.isEmpty()) {
                return Optional.of(variable + " is not set: " + what);
            }
            return Files.isRegularFile(Path.of(file.get()))
                    ? Optional.empty()
                    : Optional.of(variable + " names no file (" + file.get() + "): " + what);
        };
    }

    /** The variable must not be true: it switches on something for demonstrations only. */
    public static Rule notTrue(String variable, String why) {
        return variables -> value(variables, variable)
                .filter(v -> v.equalsIgnoreCase("true"))
                .map(v -> variable + " is true: " + why);
    }

    /** The variable, when set, must be one of the values given; unset means the first, which must be safe. */
    public static Rule oneOf(String variable, Set<String> allowed, String why) {
        return variables ->
                value(variables, variable).filter(v -> !allowed.contains(v)).map(v -> variable + "=" + v + ": " + why);
    }

    public static List<String> problems(List<Rule> rules, Function<String, Optional<String>> variables) {
        List<String> problems = new ArrayList<>();
        for (Rule rule : rules) {
            rule.problem(variables).ifPresent(problems::add);
        }
        return problems;
    }

    /**
     * Whether the production profile is the one starting: no {@code quarkus.profile} system property and no
     * {@code QUARKUS_PROFILE} variable, or either naming prod. Tests and the local network run other profiles.
     */
    public static boolean productionProfile(Function<String, Optional<String>> variables, Optional<String> property) {
        String profile = property.or(() -> value(variables, "QUARKUS_PROFILE")).orElse("prod");
        return List.of(profile.split(",")).stream().map(String::strip).anyMatch("prod"::equals);
    }

    /**
     * The refusal a service prints before it exits with {@link #REFUSED}, or empty when it may start: every problem
     * at once, so that one restart fixes them all.
     */
    public static Optional<String> refusal(String service, List<Rule> rules, Function<String, Optional<String>> vars) {
        List<String> problems = problems(rules, vars);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(service)
                .append(" does not start in production with these settings (set each variable, then start again):");
        problems.forEach(p -> text.append(System.lineSeparator()).append("  - ").append(p));
        return Optional.of(text.toString());
    }

    /** For a main method: checks the process's environment and exits with the refusal when production is unsafe. */
    public static void refuseUnsafe(String service, List<Rule> rules) {
        Function<String, Optional<String>> environment = name -> Optional.ofNullable(System.getenv(name));
        if (!productionProfile(environment, Optional.ofNullable(System.getProperty("quarkus.profile")))) {
            return;
        }
        Optional<String> refusal = refusal(service, rules, environment);
        if (refusal.isPresent()) {
            System.err.println(refusal.get());
            System.exit(REFUSED);
        }
    }

    private static Optional<String> value(Function<String, Optional<String>> variables, String name) {
        return variables.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }
}
