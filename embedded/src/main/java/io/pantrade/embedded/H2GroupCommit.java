package io.pantrade.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the H2 file. Transactions commit to H2's memory (it writes on its own only
 * every {@code WRITE_DELAY}); a caller about to acknowledge something waits in
 * {@link #awaitDurable()} until one {@code CHECKPOINT} that started after its commit has written
 * the store to the file. One checkpoint serves every caller waiting at that moment, so a busy
 * engine writes one chunk per group instead of one per commit: more throughput, a file that grows
 * several times slower, and acknowledged commits that survive {@code kill -9} (and, with
 * {@code CHECKPOINT SYNC}, a power cut). H2 writes its store in version order, so whatever was
 * committed before is durable too.
 */
public final class H2GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(H2GroupCommit.class);
    private static final long GIVE_UP_SECONDS = 30;

    private final DataSource dataSource;
    private final String checkpoint;
    private final CheckpointListener listener;
    private final long gatherNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition somebodyWaits = lock.newCondition();
    private final Condition checkpointDone = lock.newCondition();
    private final Thread flusher;
    private long started;
    private long finished;
    private int waiting;
    private boolean closed;
    private SQLException lastFailure;

    private H2GroupCommit(DataSource dataSource, boolean fsync, Duration gather, CheckpointListener listener) {
        this.dataSource = dataSource;
        this.checkpoint = fsync ? "CHECKPOINT SYNC" : "CHECKPOINT";
        this.gatherNanos = gather.toNanos();
        this.listener = listener;
        this.flusher = new Thread(this::flushWhileOpen, "h2-group-commit");
        this.flusher.setDaemon(true);
    }

    /** @param fsync also force the file to the disk, so that acknowledged commits survive a power cut */
    public static H2GroupCommit start(DataSource dataSource, boolean fsync) {
        return start(dataSource, fsync, Duration.ZERO, (nanos, callers) -> {
        });
    }

    /**
     * @param gather   how long the first caller of a group waits for others to join it: a checkpoint
     *                 after a single small commit takes microseconds, so without it nearly every commit
     *                 writes a chunk of its own
     * @param listener told of every checkpoint: how long it took and how many callers were waiting
     */
    public static H2GroupCommit start(DataSource dataSource, boolean fsync, Duration gather,
                                      CheckpointListener listener) {
        H2GroupCommit groupCommit = new H2GroupCommit(dataSource, fsync, gather, listener);
        groupCommit.flusher.start();
        return groupCommit;
    }

    /**
     * Returns once everything this thread committed so far is in the file.
     *
     * @throws IllegalStateException if that cannot be confirmed: the caller must not acknowledge
     */
    public void awaitDurable() {
        lock.lock();
        try {
            long needed = started + 1;
            waiting++;
            somebodyWaits.signal();
            try {
                while (finished < needed) {
                    if (closed) {
                        throw new IllegalStateException("the H2 store is closing; the commit may not be durable");
                    }
                    if (!checkpointDone.await(GIVE_UP_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("no H2 checkpoint completed within " + GIVE_UP_SECONDS + " s",
                                lastFailure);
                    }
                }
            } finally {
                waiting--;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an H2 checkpoint", interrupted);
        } finally {
            lock.unlock();
        }
    }

    private void flushWhileOpen() {
        while (nextGroup()) {
            long group = started;
            int callers = waitingCallers();
            long begin = System.nanoTime();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(checkpoint);
                finishGroup(group, null);
                listener.checkpointed(System.nanoTime() - begin, callers);
            } catch (SQLException failed) {
                log.error("H2 checkpoint failed; acknowledgements wait until one succeeds", failed);
                finishGroup(group - 1, failed);
                pause();
            }
        }
    }

    private int waitingCallers() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until somebody needs a checkpoint, then lets others join; @return false once closed */
    private boolean nextGroup() {
        lock.lock();
        try {
            while (waiting == 0 && !closed) {
                somebodyWaits.awaitUninterruptibly();
            }
            long gathering = gatherNanos;
            while (gathering > 0 && !closed) {
                gathering = somebodyWaits.awaitNanos(gathering);
            }
            if (closed) {
                return false;
            }
            started++;
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void finishGroup(long durableUpTo, SQLException failure) {
        lock.lock();
        try {
            finished = Math.max(finished, durableUpTo);
            lastFailure = failure;
            if (failure != null) {
                started = finished;
            }
            checkpointDone.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    public interface CheckpointListener {
        void checkpointed(long nanos, int callers);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            somebodyWaits.signalAll();
            checkpointDone.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
