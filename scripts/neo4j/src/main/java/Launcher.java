import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A throwaway Neo4j Community for tests: an embedded DBMS in a temporary
 * directory, with Bolt on 127.0.0.1 and authentication on, for user neo4j with
 * the password given. Once a query over Bolt with that password answers, it
 * prints one line, {@code ready bolt://127.0.0.1:PORT}, on stdout (everything
 * else goes to stderr). On SIGTERM or Ctrl-C it shuts the DBMS down and
 * deletes the directory.
 *
 * <pre>
 * java [JVM flags] -cp target/classes:target/lib/* Launcher [--port N] [--password P]
 * </pre>
 *
 * The port defaults to 0, a free one the system picks. The password comes from
 * --password or else NEO4J_PASSWORD, and has at least 8 characters.
 */
public final class Launcher {
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Neo4j's threads would keep the JVM up: exit, which runs the
            // shutdown hook.
            System.err.println("neo4j launcher: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int port = 0;
        String password = System.getenv("NEO4J_PASSWORD");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--port") || a.equals("--password")) && i + 1 < args.length) {
                String v = args[++i];
                if (a.equals("--port")) {
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        usage("--port " + v + " is not a port number");
                    }
                } else {
                    password = v;
                }
            } else {
                usage("unknown argument " + a);
            }
        }
        if (password == null || password.isEmpty()) {
            usage("no password: give --password or set NEO4J_PASSWORD");
        }
        if (password.length() < 8) {
            usage("the password has fewer than 8 characters, Neo4j's minimum");
        }

        // Neo4j logs to stdout in places; only the ready line goes there.
        PrintStream stdout = System.out;
        System.setOut(System.err);

        Path home = Files.createTempDirectory("ombudsgraph-neo4j-");
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Stop Bolt at once on shutdown, rather than wait
                    // seconds for quiet.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
        } catch (RuntimeException e) {
            delete(home);
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            delete(home);
        }, "shutdown"));

        // The neo4j user exists from the start, with a password to change;
        // an embedded transaction may set it.
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int bound = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        String uri = "bolt://127.0.0.1:" + bound;
        try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic("neo4j", password))) {
            driver.executableQuery("RETURN 1").execute();
        }
        stdout.println("ready " + uri);
        stdout.flush();
        Thread.currentThread().join(); // until a signal runs the shutdown hook
    }

    private static void usage(String why) {
        System.err.println("neo4j launcher: " + why);
        System.err.println("usage: Launcher [--port N] [--password P]  (the password may come from NEO4J_PASSWORD)");
        System.exit(2);
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("neo4j launcher: could not delete " + dir + ": " + e);
        }
    }
}
