package org.goldbuying.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from the registry's embedded binaries, with its data folder where the caller says
 * (under target/ for tests, under run/ for the local network) so the data stays visible and survives restarts.
 */
public final class LocalPostgres implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the given port (0 picks a free one) with its data in {@code folder/data}.
     * Existing data is kept when {@code keepData} is true.
     */
    public static LocalPostgres start(Path folder, int port, boolean keepData) {
        try {
            Path data = folder.resolve("data").toAbsolutePath();
            Path sockets = folder.resolve("socket").toAbsolutePath();
            Path binaries = folder.resolve("binaries").toAbsolutePath();
            Files.createDirectories(sockets);
            Files.createDirectories(binaries);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(!keepData)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPort(port == 0 ? FreePort.find() : port)
                    .setServerConfig("unix_socket_directories", sockets.toString())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new LocalPostgres(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + folder, e);
        }
    }

    /** Creates the database if it does not exist yet. */
    public LocalPostgres createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return this;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
