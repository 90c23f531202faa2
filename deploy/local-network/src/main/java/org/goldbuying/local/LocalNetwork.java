package org.goldbuying.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.infra.FreePort;
import org.goldbuying.infra.KafkaTopic;
import org.goldbuying.infra.LocalKafka;
import org.goldbuying.infra.LocalKeycloak;
import org.goldbuying.infra.LocalPostgres;
import org.goldbuying.scale.sim.MtSicsSimulator;
import org.goldbuying.scale.sim.VirtualSerialPair;
import org.goldbuying.scale.sim.XrfSimulator;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialSettings;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;

/**
 * The whole programme on one machine: a PostgreSQL for the centre and one for the station, a Kafka broker, a
 * simulated MT-SICS balance on a pseudo-terminal, central-office and one buying-station. Used by
 * {@code ./local-network.sh} (fixed ports, data kept under run/) and by the end-to-end test (free ports, data under
 * target/). Closing stops everything in reverse order.
 */
public final class LocalNetwork implements AutoCloseable {
    public static final String STATION_ID = "LOCAL-01";
    public static final String BALANCE_SERIAL = "B912345678";
    /** The simulated XRF analyser's serial number, as it writes it in every result and as the station registers it. */
    public static final String XRF_SERIAL = "XRF-SIM-1";

    /** The local Keycloak's port for people (the README's). */
    static final int IDENTITY_PROVIDER_PORT = 18180;
    /** No Keycloak: the centre keeps its password accounts only (the tests of the network's other parts). */
    static final int NO_IDENTITY_PROVIDER = -1;

    /**
     * Where things go and which ports they use; 0 picks a free port. The identity provider (a real Keycloak) starts
     * for people; {@link #forTests} leaves it out, since only the centre's own OIDC tests need it.
     */
    public record Settings(
            Path projectRoot,
            Path runDir,
            boolean keepData,
            int centrePort,
            int stationPort,
            int centreManagementPort,
            int stationManagementPort,
            int kafkaPort,
            int centreDbPort,
            int stationDbPort,
            int identityProviderPort,
            Duration pricePublishInterval) {

        static Settings forPeople(Path projectRoot, Path runDir) {
            return new Settings(
                    projectRoot,
                    runDir,
                    true,
                    8080,
                    8081,
                    9080,
                    9081,
                    19092,
                    15432,
                    15433,
                    IDENTITY_PROVIDER_PORT,
                    Duration.ofMinutes(1));
        }

        /** The fixed ports that something else already listens on, comma-separated; empty when all are free. */
        String busyPorts() {
            return java.util.stream.IntStream.of(
                            centrePort,
                            stationPort,
                            centreManagementPort,
                            stationManagementPort,
                            kafkaPort,
                            centreDbPort,
                            stationDbPort,
                            identityProviderPort)
                    .filter(port -> port != 0 && !FreePort.isFree(port))
                    .mapToObj(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        public static Settings forTests(Path projectRoot, Path runDir) {
            return new Settings(
                    projectRoot,
                    runDir,
                    false,
                    FreePort.find(),
                    FreePort.find(),
                    FreePort.find(),
                    FreePort.find(),
                    0,
                    0,
                    0,
                    NO_IDENTITY_PROVIDER,
                    Duration.ofHours(1));
        }
    }

    private final Settings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private LocalKafka kafka;
    private MtSicsSimulator balance;
    private XrfSimulator analyser;
    private long shots;
    private ServiceProcess centre;
    private ServiceProcess station;
    private Map<String, String> stationEnvironment;
    private LocalKeycloak identityProvider;

    private LocalNetwork(Settings settings) {
        this.settings = settings;
    }

    public static LocalNetwork start(Settings settings) {
        LocalNetwork network = new LocalNetwork(settings);
        try {
            network.startAll();
            return network;
        } catch (RuntimeException | IOException e) {
            network.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    private void startAll() throws IOException {
        Path run = Files.createDirectories(settings.runDir()).toAbsolutePath();
        LocalKeycloak keycloak = null;
        if (settings.identityProviderPort() != NO_IDENTITY_PROVIDER && !LocalKeycloak.available()) {
            System.out.println("  (no identity provider: Keycloak needs Java 21 or newer; set KEYCLOAK_JAVA_HOME to"
                    + " one to log in to the dashboard through it. The centre's password accounts work meanwhile.)");
        } else if (settings.identityProviderPort() != NO_IDENTITY_PROVIDER) {
            // the slowest to start: launched first, waited for just before the centre needs it
            step("Keycloak (the bank's identity provider, realm " + LocalKeycloak.REALM + ")");
            keycloak = LocalKeycloak.launch(run.resolve("keycloak"), settings.identityProviderPort());
            started.push(keycloak);
            identityProvider = keycloak;
        }
        step("PostgreSQL for central-office");
        LocalPostgres centreDb = LocalPostgres.start(
                        run.resolve("postgres-centre"), settings.centreDbPort(), settings.keepData())
                .createDatabase("centre");
        started.push(centreDb);
        step("PostgreSQL for buying-station " + STATION_ID);
        LocalPostgres stationDb = LocalPostgres.start(
                        run.resolve("postgres-station"), settings.stationDbPort(), settings.keepData())
                .createDatabase("station");
        started.push(stationDb);
        step("Kafka broker (KRaft)");
        kafka = LocalKafka.start(run.resolve("kafka"), settings.kafkaPort(), settings.keepData())
                .createTopics(KafkaTopic.all());
        started.push(kafka);
        step("Simulated MT-SICS balance on a pseudo-terminal");
        VirtualSerialPair pty = VirtualSerialPair.open(run.resolve("pty"), "balance");
        started.push(pty);
        balance = new MtSicsSimulator(
                        new JSerialCommLine(
                                SerialSettings.defaults(pty.deviceEnd().toString())),
                        BALANCE_SERIAL,
                        2)
                .start();
        started.push(balance);
        step("Simulated XRF analyser on a pseudo-terminal");
        VirtualSerialPair xrfPty = VirtualSerialPair.open(run.resolve("pty"), "xrf");
        started.push(xrfPty);
        analyser = new XrfSimulator(
                        new JSerialCommLine(
                                SerialSettings.defaults(xrfPty.deviceEnd().toString())),
                        new AnalyserId("XRF-SIMULATOR", XRF_SERIAL))
                .start();
        started.push(analyser);

        step("central-office (simulated gold feed)");
        Map<String, String> centreEnv = new HashMap<>();
        centreEnv.put("CENTRE_HTTP_PORT", String.valueOf(settings.centrePort()));
        centreEnv.put("CENTRE_MANAGEMENT_PORT", String.valueOf(settings.centreManagementPort()));
        centreEnv.put("CENTRE_MANAGEMENT_HOST", "127.0.0.1");
        centreEnv.put("CENTRE_DB_REACTIVE_URL", centreDb.reactiveUrl("centre"));
        centreEnv.put("CENTRE_DB_JDBC_URL", centreDb.jdbcUrl("centre"));
        centreEnv.put("CENTRE_DB_USER", LocalPostgres.USER);
        centreEnv.put("CENTRE_DB_PASSWORD", LocalPostgres.PASSWORD);
        centreEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        centreEnv.put("CENTRE_PUBLISH_INTERVAL", settings.pricePublishInterval().toString());
        // the "local" profile adds the demo treasury and auditor accounts; production has none
        centreEnv.put("QUARKUS_PROFILE", "local");
        centreEnv.put("CENTRE_STATION_OFFLINE_AFTER", "PT2M");
        if (keycloak != null) {
            keycloak.awaitReady(Duration.ofMinutes(3));
            centreEnv.put("CENTRE_OIDC_ENABLED", "true");
            centreEnv.put("CENTRE_OIDC_URL", keycloak.issuer());
        }
        // the centre's tick-signing key: made on the first start (owner-only), kept with the run's data
        String centrePublicKey = centreSigningKey(run.resolve("keys"));
        centreEnv.put(
                "CENTRE_SIGNING_KEY_FILE",
                run.resolve("keys").resolve("centre-signing.pem").toString());
        centreEnv.put("CENTRE_SIGNING_PUBLIC_KEY", centrePublicKey);
        centre = ServiceProcess.start(
                "central-office",
                settings.projectRoot().resolve("central-office/target/quarkus-app/quarkus-run.jar"),
                settings.centrePort(),
                settings.centreManagementPort(),
                centreEnv,
                run);
        started.push(centre);

        step("buying-station " + STATION_ID);
        stationEnvironment = new HashMap<>();
        stationEnvironment.put("STATION_ID", STATION_ID);
        stationEnvironment.put("STATION_REGION", "Local");
        stationEnvironment.put("STATION_HTTP_PORT", String.valueOf(settings.stationPort()));
        stationEnvironment.put("STATION_MANAGEMENT_PORT", String.valueOf(settings.stationManagementPort()));
        stationEnvironment.put("STATION_MANAGEMENT_HOST", "127.0.0.1");
        stationEnvironment.put("STATION_DB_REACTIVE_URL", stationDb.reactiveUrl("station"));
        stationEnvironment.put("STATION_DB_JDBC_URL", stationDb.jdbcUrl("station"));
        stationEnvironment.put("STATION_DB_USER", LocalPostgres.USER);
        stationEnvironment.put("STATION_DB_PASSWORD", LocalPostgres.PASSWORD);
        stationEnvironment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        stationEnvironment.put("STATION_BALANCE_PORT", pty.hostEnd().toString());
        stationEnvironment.put("STATION_BALANCE_SERIAL", BALANCE_SERIAL);
        stationEnvironment.put("STATION_XRF_PORT", xrfPty.hostEnd().toString());
        stationEnvironment.put("STATION_CENTRE_PUBLIC_KEY", centrePublicKey);
        // the station's own signing key, made as an installation makes it (owner-only), kept with the run's data
        Path stationKeyFile = run.resolve("keys").resolve("station-" + STATION_ID + ".pem");
        StationSigningKey stationKey = StationSigningKey.readOrCreate(stationKeyFile);
        stationEnvironment.put("STATION_SIGNING_KEY_FILE", stationKeyFile.toString());
        // the simulated analyser is registered, its calibration checked yesterday (a check holds 7 days)
        stationEnvironment.put(
                "STATION_XRF_ANALYSERS", XRF_SERIAL + "@" + LocalDate.now().minusDays(1));
        // demo accounts (clerk / clerk-demo, supervisor / supervisor-demo, ...): local network only
        stationEnvironment.put("STATION_DEMO_ACCOUNTS", "true");
        // the local network's own profile: production's settings, without its refusal of demo settings
        stationEnvironment.put("QUARKUS_PROFILE", "local");
        stationEnvironment.put("STATION_MOBILE_MONEY_GATEWAY", "simulator");
        stationEnvironment.put("STATION_RECEIPT_VERIFY_URL", "http://localhost:" + settings.centrePort() + "/verify");
        station = startStation();

        centre.awaitReady(Duration.ofSeconds(90));
        step("registration of " + STATION_ID + "'s key " + stationKey.keyId() + " at the centre (two treasury users)");
        StationRegistration.register(centre.baseUrl(), STATION_ID, "Local", stationKey.publicKey());
        station.awaitReady(Duration.ofSeconds(90));
    }

    /**
     * The centre's Ed25519 key pair under {@code keys}: the private key (PEM, mode 600) and its public half, made
     * when the folder has none, so a second start on the same run folder signs with the same key.
     */
    private static String centreSigningKey(Path keys) throws IOException {
        Path privateKey = keys.resolve("centre-signing.pem");
        Path publicKey = keys.resolve("centre-signing.pub");
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            KeyPair pair = Ed25519.generate();
            Ed25519.writePrivateKey(privateKey, pair.getPrivate());
            Files.writeString(publicKey, Ed25519.publicKeyText(pair.getPublic()) + "\n");
        }
        return Files.readString(publicKey).strip();
    }

    private ServiceProcess startStation() {
        ServiceProcess process = ServiceProcess.start(
                "buying-station",
                settings.projectRoot().resolve("buying-station/target/quarkus-app/quarkus-run.jar"),
                settings.stationPort(),
                settings.stationManagementPort(),
                stationEnvironment,
                settings.runDir().toAbsolutePath());
        started.push(process);
        return process;
    }

    /** Kills the station at once (no graceful shutdown) and starts it again on the same database. */
    public void killAndRestartStation() {
        started.remove(station);
        station.kill();
        station = startStation();
        station.awaitReady(Duration.ofSeconds(90));
    }

    public String centreUrl() {
        return centre.baseUrl();
    }

    public String stationUrl() {
        return station.baseUrl();
    }

    /** The identity provider's realm (Keycloak), or "not started". */
    public String identityProviderUrl() {
        return identityProvider == null ? "not started" : identityProvider.issuer();
    }

    /** The centre's management interface: health, metrics, OpenAPI and Swagger UI. */
    public String centreManagementUrl() {
        return centre.managementUrl();
    }

    /** The station's management interface: health, metrics, OpenAPI and Swagger UI. */
    public String stationManagementUrl() {
        return station.managementUrl();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public MtSicsSimulator balance() {
        return balance;
    }

    public XrfSimulator analyser() {
        return analyser;
    }

    /** The station's operating-system process id, for measuring its memory. */
    public long stationPid() {
        return station.pid();
    }

    /** The station's log file (Quarkus prints its own start time there). */
    public Path stationLog() {
        return station.log();
    }

    private static void step(String what) {
        System.out.println("  starting " + what + " ...");
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }

    /**
     * {@code ./local-network.sh}: start, print the URLs, let a person drive the devices, stop on Ctrl-C. The data
     * folder is {@code run/} under the project, or {@code LOCAL_NETWORK_RUN_DIR} when set (the launcher's own test
     * uses that, so it never touches a developer's data).
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        String runDirVariable =
                System.getenv().getOrDefault("LOCAL_NETWORK_RUN_DIR", "").trim();
        Path runDir = runDirVariable.isEmpty()
                ? root.resolve("run")
                : Path.of(runDirVariable).toAbsolutePath();
        Settings settings = Settings.forPeople(root, runDir);
        String busy = settings.busyPorts();
        if (!busy.isEmpty()) {
            System.out.println("Cannot start: port(s) " + busy + " already in use. Is a local network already"
                    + " running? Stop it (Ctrl-C in its terminal) or free the port(s), then try again.");
            System.exit(2);
        }
        System.out.println("Starting the local gold-buying network (data under " + runDir + ")");
        LocalNetwork network = start(settings);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping the local network ...");
                            network.close();
                            System.out.println("Stopped.");
                        },
                        "local-network-stop"));
        System.out.println(Banner.text(
                network.centreUrl(),
                network.stationUrl(),
                network.centreManagementUrl(),
                network.stationManagementUrl(),
                network.identityProviderUrl(),
                network.kafkaBootstrapServers(),
                runDir.resolve("logs")));
        System.out.flush();
        BufferedReader console = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = console.readLine()) != null) {
            System.out.println(network.drive(line.trim()));
        }
        // stdin closed (e.g. started in the background): keep running until stopped
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One console command typed by a person; returns what to print. */
    String drive(String command) {
        String[] words = command.split("\\s+");
        try {
            switch (words[0]) {
                case "shoot" -> {
                    Map<Element, BigDecimal> percents = new EnumMap<>(Element.class);
                    percents.put(Element.AU, new BigDecimal(words[1]));
                    if (words.length > 2) {
                        percents.put(Element.AG, new BigDecimal(words[2]));
                    }
                    if (words.length > 3) {
                        percents.put(Element.CU, new BigDecimal(words[3]));
                    }
                    analyser.shoot("LOCAL-" + (++shots), percents);
                }
                case "place" ->
                    balance.place(new BigDecimal(words[1]), words.length > 2 ? Long.parseLong(words[2]) : 0);
                case "clear" -> balance.clearPan();
                case "overload" -> balance.overload();
                case "serial" -> balance.reportSerialNumber(words[1]);
                case "" -> {
                    return "";
                }
                default -> {
                    return "unknown command: " + command + " (place, clear, overload, serial, shoot)";
                }
            }
            return "ok";
        } catch (ArrayIndexOutOfBoundsException e) {
            return "cannot: " + words[0] + " needs a value (e.g. place 12.34, shoot 91.6 4.1 4.3)";
        } catch (RuntimeException e) {
            return "cannot: " + e.getMessage();
        }
    }
}
