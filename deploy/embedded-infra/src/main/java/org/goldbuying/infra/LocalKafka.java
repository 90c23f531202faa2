package org.goldbuying.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), run in this JVM from the
 * registry's jars. Its log folder is the caller's, so the local network keeps its topics across restarts.
 * {@link #stop()} and {@link #restart()} take the broker down and bring it back on the same ports with the same
 * data, as an outage would, so tests can show what clients do while it is gone.
 */
public final class LocalKafka implements AutoCloseable {
    private final Properties props;
    private final String bootstrapServers;
    private KafkaRaftServer server;

    private LocalKafka(Properties props, String bootstrapServers) {
        this.props = props;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the broker on the given port (0 picks a free one); existing topics are kept when {@code keepData}. */
    public static LocalKafka start(Path folder, int port, boolean keepData) {
        try {
            Path logs = folder.resolve("logs").toAbsolutePath();
            if (!keepData) {
                Folders.deleteRecursively(logs);
            }
            Files.createDirectories(logs);
            int brokerPort = port == 0 ? FreePort.find() : port;
            int controllerPort = FreePort.find();
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
            props.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", logs.toString());
            props.put("num.partitions", "1");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "5");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "true");
            props.put("log.flush.interval.messages", "1");

            Path config = folder.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "local single-node KRaft broker");
            }
            if (!Files.exists(logs.resolve("meta.properties"))) {
                format(config);
            }
            LocalKafka kafka = new LocalKafka(props, "localhost:" + brokerPort);
            kafka.restart();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start in " + folder, e);
        }
    }

    /**
     * Starts a stopped broker again on the same ports with the data it had, and waits until it answers; does nothing
     * when it is running.
     */
    public synchronized LocalKafka restart() {
        if (server == null) {
            KafkaRaftServer started = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            started.startup();
            server = started;
            awaitReady();
        }
        return this;
    }

    /**
     * Shuts the broker down cleanly (clients see it as unreachable) and keeps its data for {@link #restart()}; does
     * nothing when it is stopped.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    private static void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(
                new String[] {
                    "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"
                },
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka log folder failed: " + output);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka broker at " + bootstrapServers + " not ready", e);
                }
            }
        }
    }

    /** Creates the topics that do not exist yet, compacted ones with cleanup.policy=compact. */
    public LocalKafka createTopics(Collection<KafkaTopic> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (KafkaTopic topic : topics) {
                if (!existing.contains(topic.name())) {
                    NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), (short) 1);
                    if (topic.compacted()) {
                        newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(newTopic);
                }
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            return this;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(props);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        stop();
    }
}
