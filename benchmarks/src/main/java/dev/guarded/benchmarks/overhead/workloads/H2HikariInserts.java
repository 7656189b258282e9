package dev.guarded.benchmarks.overhead.workloads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two real libraries together: an in-memory H2 database behind a HikariCP pool of four connections. Client
 * threads borrow a connection per batch, insert the batch in one transaction and hand the connection back;
 * at the end one query sums what was stored. H2 and HikariCP are instrumented with the rest; the database's
 * own background threads and the pool's housekeeper run as they would in an application.
 */
final class H2HikariInserts implements Workload {

    private static final int POOL_SIZE = 4;

    /** Numbers the in-memory databases of successive runs in one JVM. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public long run(int[] args) throws Exception {
        int threads = args[0];
        int rowsPerThread = args[1];
        int batchSize = args[2];
        HikariConfig config = new HikariConfig();
        // A new database per run (the tests run the workload more than once in one JVM); it lives while the
        // pool holds a connection to it and is gone once the pool is closed.
        config.setJdbcUrl("jdbc:h2:mem:guarded-workload-" + RUNS.incrementAndGet());
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setAutoCommit(false);
        config.setPoolName("guarded-workload");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE item (id BIGINT PRIMARY KEY, thread_no INT NOT NULL,"
                        + " amount BIGINT NOT NULL, label VARCHAR(64) NOT NULL)");
                connection.commit();
            }
            Workers.runAll(threads, t -> () -> {
                for (int start = 0; start < rowsPerThread; start += batchSize) {
                    int end = Math.min(rowsPerThread, start + batchSize);
                    try (Connection connection = pool.getConnection();
                         PreparedStatement insert = connection.prepareStatement(
                                 "INSERT INTO item (id, thread_no, amount, label) VALUES (?, ?, ?, ?)")) {
                        for (int row = start; row < end; row++) {
                            long id = (long) t * rowsPerThread + row;
                            insert.setLong(1, id);
                            insert.setInt(2, t);
                            insert.setLong(3, (id * 31 + 7) % 10_007);
                            insert.setString(4, "item-" + t + "-" + row);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                return 0L;
            });
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery(
                         "SELECT COUNT(*), SUM(amount), SUM(LENGTH(label)), SUM(thread_no) FROM item")) {
                result.next();
                long count = result.getLong(1);
                if (count != (long) threads * rowsPerThread) {
                    throw new IllegalStateException("expected " + (long) threads * rowsPerThread
                            + " rows, the table has " + count);
                }
                return count * 1_000_003L + result.getLong(2) * 31 + result.getLong(3) * 7 + result.getLong(4);
            }
        }
    }
}
