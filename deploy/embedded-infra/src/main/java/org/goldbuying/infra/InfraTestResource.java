package org.goldbuying.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts a real PostgreSQL and a real Kafka broker for a Quarkus service's tests, with data under the module's
 * target/ folder, and points the service at them. One start serves every test class of the module.
 * Init arg {@code database} names the service's database.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {
    private static LocalPostgres postgres;
    private static LocalKafka kafka;
    private String database = "gold";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Path root = Path.of("target", "infra");
        if (postgres == null) {
            postgres = LocalPostgres.start(root.resolve("postgres"), 0, false);
        }
        postgres.createDatabase(database);
        if (kafka == null) {
            kafka = LocalKafka.start(root.resolve("kafka"), 0, false).createTopics(KafkaTopic.all());
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("quarkus.datasource.password", LocalPostgres.PASSWORD);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        return config;
    }

    /** The running broker, for tests that produce or consume directly. */
    public static LocalKafka kafka() {
        return kafka;
    }

    public static LocalPostgres postgres() {
        return postgres;
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
