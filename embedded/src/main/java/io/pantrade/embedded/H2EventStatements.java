package io.pantrade.embedded;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Axon reads the next batch of events for a tracking processor with
 * {@code WHERE (gi > ? AND gi <= ?) OR gi IN (gaps)}, and H2 answers that {@code OR} with a scan
 * of the whole event table. Gaps are normal (concurrent writers commit out of order), so every
 * batch would cost a full scan, growing with the store. Two index range reads joined by
 * {@code UNION ALL} return the same rows: the gaps all lie at or below {@code globalIndex}, so the
 * two parts never overlap.
 */
public final class H2EventStatements {

    private H2EventStatements() {
    }

    public static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
                                                          int batchSize, List<Long> gaps) throws SQLException {
        String index = schema.globalIndexColumn();
        String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable();
        String sql = select + " WHERE " + index + " > ? AND " + index + " <= ?"
                + " UNION ALL " + select + " WHERE " + index + " IN (" + String.join(",", Collections.nCopies(gaps.size(), "?")) + ")"
                + " ORDER BY " + index + " ASC";
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setLong(1, globalIndex);
        statement.setLong(2, globalIndex + batchSize);
        for (int i = 0; i < gaps.size(); i++) {
            statement.setLong(i + 3, gaps.get(i));
        }
        return statement;
    }
}
