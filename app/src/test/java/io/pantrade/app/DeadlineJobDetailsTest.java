package io.pantrade.app;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.details.JobDetailsAsmGenerator;
import org.jobrunr.jobs.details.JobDetailsGenerator;
import org.jobrunr.jobs.lambdas.JobLambda;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.spy;

class DeadlineJobDetailsTest {

    private final JobDetailsAsmGenerator bytecode = new JobDetailsAsmGenerator();
    /** what JobRunr's generator was asked to read */
    private final JobDetailsGenerator jobRunr = spy(bytecode);
    private final DeadlineJobDetails details = new DeadlineJobDetails(jobRunr);

    @Test
    void axons_deadline_jobs_are_described_as_jobrunr_reads_them_from_the_bytecode_which_it_reads_only_once() {
        DeadlineJobDetails scheduler = spy(details);
        JobRunrDeadlineManager deadlines = deadlineManager(scheduler);

        for (int i = 0; i < 3; i++) {
            deadlines.schedule(Instant.now().plusSeconds(60 + i), "step-" + i, "payload " + i,
                    new SagaScopeDescriptor("OrderFulfilmentSaga", "saga-" + i));
        }

        List<JobLambda> scheduled = lambdasGivenTo(scheduler);
        assertThat(scheduled).hasSize(3);
        assertThat(lambdasGivenTo(jobRunr)).hasSize(1);
        for (JobLambda lambda : scheduled) {
            assertThat(json(details.toJobDetails(lambda))).isEqualTo(json(bytecode.toJobDetails(lambda)));
        }
    }

    @Test
    void any_other_job_is_left_to_jobrunr_every_time() {
        String greeting = "hello";
        JobLambda other = () -> System.out.println(greeting.length());

        JobDetails first = details.toJobDetails(other);
        JobDetails second = details.toJobDetails(other);

        assertThat(lambdasGivenTo(jobRunr)).hasSize(2);
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

    /** The job lambdas a spied generator was asked to describe. */
    private static List<JobLambda> lambdasGivenTo(JobDetailsGenerator generator) {
        return mockingDetails(generator).getInvocations().stream()
                .filter(call -> call.getMethod().getName().equals("toJobDetails")
                        && call.getMethod().getParameterTypes()[0] == JobLambda.class)
                .map(call -> (JobLambda) call.getArgument(0))
                .toList();
    }

    private static String json(JobDetails jobDetails) {
        return DeadlineStorage.JOB_JSON.serialize(jobDetails);
    }
}
