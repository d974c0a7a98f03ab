package io.pantrade.embedded;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The index-friendly gap query returns exactly the rows, in the order, of Axon's own statement. */
class H2EventStatementsTest {

    private static final EventSchema SCHEMA = EventSchema.builder().build();

    @TempDir
    Path dir;

    JdbcDataSource dataSource;

    @BeforeEach
    void eventTableWithHoles() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("events"));
        try (Connection connection = dataSource.getConnection()) {
            new H2EventTableFactory().createDomainEventTable(connection, SCHEMA).execute();
            PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex, "
                    + "aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, "
                    + "payloadType, timeStamp) VALUES (?, ?, 0, 'Order', ?, NULL, ?, NULL, 'Placed', '2025-01-01T00:00:00Z')");
            Random random = new Random(7);
            for (long index = 1; index <= 2_000; index++) {
                if (random.nextInt(10) == 0) {
                    continue; // a hole: a writer that rolled back, or has not committed yet
                }
                insert.setLong(1, index);
                insert.setString(2, "order-" + index);
                insert.setString(3, "event-" + index);
                insert.setBytes(4, ("{\"n\":" + index + "}").getBytes());
                insert.executeUpdate();
            }
        }
    }

    @Test
    void returns_what_axons_statement_returns_for_any_gaps() throws SQLException {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            long globalIndex = 1 + random.nextInt(1_900);
            TreeSet<Long> gaps = new TreeSet<>();
            for (int i = 0; i < 1 + random.nextInt(40); i++) {
                gaps.add(1 + (long) random.nextInt((int) globalIndex));
            }
            List<Long> gapList = new ArrayList<>(gaps);
            int batchSize = 1 + random.nextInt(200);
            try (Connection connection = dataSource.getConnection()) {
                assertThat(indexes(H2EventStatements.readEventDataWithGaps(connection, SCHEMA, globalIndex, batchSize, gapList)))
                        .isEqualTo(indexes(JdbcEventStorageEngineStatements.readEventDataWithGaps(
                                connection, SCHEMA, globalIndex, batchSize, gapList)));
            }
        }
    }

    private static List<String> indexes(PreparedStatement statement) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (statement; ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(result.getLong(SCHEMA.globalIndexColumn()) + ":" + result.getString(SCHEMA.eventIdentifierColumn()));
            }
        }
        return rows;
    }
}
