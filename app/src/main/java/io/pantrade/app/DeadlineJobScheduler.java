package io.pantrade.app;

import org.jobrunr.jobs.details.CachingJobDetailsGenerator;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;

import java.util.List;
import java.util.UUID;

/**
 * JobRunr's scheduler as Axon's deadline manager uses it, except that cancelling a deadline that
 * no longer exists is not an error: JobRunr purges fired deadlines a few days after they ran, and
 * an aggregate or saga that cancels such a one must not fail its command over it.
 */
final class DeadlineJobScheduler extends JobScheduler {

    DeadlineJobScheduler(StorageProvider storage) {
        super(storage, new CachingJobDetailsGenerator(), List.of());
    }

    @Override
    public void delete(UUID id, String reason) {
        try {
            super.delete(id, reason);
        } catch (JobNotFoundException purged) {
            // nothing left that could fire
        }
    }
}
