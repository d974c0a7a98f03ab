package io.pantrade.app;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;

import java.util.List;
import java.util.UUID;

/**
 * JobRunr's scheduler as Axon's deadline manager uses it, with the job details of deadlines made
 * from their captured values ({@link DeadlineJobDetails}), and cancelling that removes the job.
 * <p>
 * JobRunr's own delete reads the job, appends a DELETED state to its history, writes it back and
 * keeps the row for days. The fulfilment saga cancels a deadline at every step, so that was a
 * read, two JSON conversions and an update each time, and a jobs table four rows per order larger.
 * Removing it is one statement, and a deadline that no longer exists (already fired and purged) is
 * simply not there, which must not fail the command or saga that cancels it. A deadline cancelled
 * at the very moment it fires still runs its handler, as before (handlers check the state), and
 * JobRunr then logs that it could not record the job as succeeded.
 */
final class DeadlineJobScheduler extends JobScheduler {

    private final StorageProvider storage;

    DeadlineJobScheduler(StorageProvider storage) {
        super(storage, new DeadlineJobDetails(), List.of());
        this.storage = storage;
    }

    @Override
    public void delete(UUID id, String reason) {
        storage.deletePermanently(id);
    }
}
