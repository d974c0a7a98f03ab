package io.pantrade.app;

import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * Where JobRunr keeps the pending deadlines (chosen with the rest of Axon's state by
 * {@link JdbcAxonState} or {@link MongoAxonState}), ready for use, and a line saying where that is.
 */
record DeadlineStorage(StorageProvider jobs, String location) implements AutoCloseable {

    /** JobRunr's JSON for its own job records; the deadline inside a job is written by Axon's serializer. */
    static final JsonMapper JOB_JSON = new JacksonJsonMapper();

    DeadlineStorage {
        jobs.setJobMapper(new JobMapper(JOB_JSON));
    }

    /** Stops JobRunr's timers; the DataSource or MongoClient underneath belongs to others. */
    @Override
    public void close() {
        jobs.close();
    }
}
