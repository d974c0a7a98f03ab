package io.pantrade.app;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.details.JobDetailsAsmGenerator;
import org.jobrunr.jobs.details.JobDetailsGenerator;
import org.jobrunr.jobs.lambdas.IocJobLambda;
import org.jobrunr.jobs.lambdas.IocJobLambdaFromStream;
import org.jobrunr.jobs.lambdas.JobLambda;
import org.jobrunr.jobs.lambdas.JobLambdaFromStream;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineJobDetailsTest {

    private final JobDetailsAsmGenerator bytecode = new JobDetailsAsmGenerator();
    /** what JobRunr's generator was asked to read */
    private final Spy jobRunr = new Spy(bytecode);
    private final DeadlineJobDetails details = new DeadlineJobDetails(jobRunr);

    @Test
    void axons_deadline_jobs_are_described_as_jobrunr_reads_them_from_the_bytecode_which_it_reads_only_once() {
        Spy scheduler = new Spy(details);
        JobRunrDeadlineManager deadlines = deadlineManager(scheduler);

        for (int i = 0; i < 3; i++) {
            deadlines.schedule(Instant.now().plusSeconds(60 + i), "step-" + i, "payload " + i,
                    new SagaScopeDescriptor("OrderFulfilmentSaga", "saga-" + i));
        }

        assertThat(scheduler.lambdas).hasSize(3);
        assertThat(jobRunr.lambdas).hasSize(1);
        for (JobLambda lambda : scheduler.lambdas) {
            assertThat(json(details.toJobDetails(lambda))).isEqualTo(json(bytecode.toJobDetails(lambda)));
        }
    }

    @Test
    void any_other_job_is_left_to_jobrunr_every_time() {
        String greeting = "hello";
        JobLambda other = () -> System.out.println(greeting.length());

        JobDetails first = details.toJobDetails(other);
        JobDetails second = details.toJobDetails(other);

        assertThat(jobRunr.lambdas).hasSize(2);
        assertThat(json(second)).isEqualTo(json(first)).isEqualTo(json(bytecode.toJobDetails(other)));
    }

    private static JobRunrDeadlineManager deadlineManager(JobDetailsGenerator generator) {
        InMemoryStorageProvider jobs = new InMemoryStorageProvider();
        jobs.setJobMapper(new JobMapper(DeadlineStorage.JOB_JSON));
        JobScheduler scheduler = new JobScheduler(jobs, generator, List.of());
        return JobRunrDeadlineManager.builder()
                .jobScheduler(scheduler)
                .scopeAwareProvider(scope -> Stream.empty())
                .serializer(JacksonSerializer.defaultSerializer())
                .transactionManager(NoTransactionManager.INSTANCE)
                .build();
    }

    private static String json(JobDetails jobDetails) {
        return DeadlineStorage.JOB_JSON.serialize(jobDetails);
    }

    /** Hands every job on to another generator, keeping the job lambdas it was given. */
    private static final class Spy implements JobDetailsGenerator {
        final List<JobLambda> lambdas = new ArrayList<>();
        private final JobDetailsGenerator delegate;

        Spy(JobDetailsGenerator delegate) {
            this.delegate = delegate;
        }

        @Override
        public JobDetails toJobDetails(JobLambda lambda) {
            lambdas.add(lambda);
            return delegate.toJobDetails(lambda);
        }

        @Override
        public JobDetails toJobDetails(IocJobLambda<?> lambda) {
            return delegate.toJobDetails(lambda);
        }

        @Override
        public <T> JobDetails toJobDetails(T itemFromStream, JobLambdaFromStream<T> lambda) {
            return delegate.toJobDetails(itemFromStream, lambda);
        }

        @Override
        public <S, T> JobDetails toJobDetails(T itemFromStream, IocJobLambdaFromStream<S, T> lambda) {
            return delegate.toJobDetails(itemFromStream, lambda);
        }
    }
}
