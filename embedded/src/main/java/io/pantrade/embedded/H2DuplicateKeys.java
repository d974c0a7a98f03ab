package io.pantrade.embedded;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells H2's duplicate-key failures from other storage faults, so that Axon reports a taken
 * aggregate sequence as a conflict ({@code AggregateStreamCreationException},
 * {@code ConcurrencyException}). Axon's JDBC default looks for a
 * {@code SQLIntegrityConstraintViolationException} among the causes; H2 reports a failed batch
 * insert as a {@code BatchUpdateException} that carries only the error code.
 */
public final class H2DuplicateKeys implements PersistenceExceptionResolver {

    /** H2's {@code ErrorCode.DUPLICATE_KEY_1}, also the SQL state. */
    private static final int DUPLICATE_KEY = 23505;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException failure && isDuplicateKey(failure)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDuplicateKey(SQLException failure) {
        for (SQLException next = failure; next != null; next = next.getNextException()) {
            if (next.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
