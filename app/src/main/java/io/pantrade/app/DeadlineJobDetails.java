package io.pantrade.app;

import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.details.CachingJobDetailsGenerator;
import org.jobrunr.jobs.details.JobDetailsGenerator;
import org.jobrunr.jobs.lambdas.IocJobLambda;
import org.jobrunr.jobs.lambdas.IocJobLambdaFromStream;
import org.jobrunr.jobs.lambdas.JobLambda;
import org.jobrunr.jobs.lambdas.JobLambdaFromStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What JobRunr stores about the job of an Axon deadline, taken from the lambda's captured values
 * instead of its bytecode.
 * <p>
 * {@link JobRunrDeadlineManager} schedules {@code () -> this.execute(serializedDetails,
 * deadlineId.toString())}. JobRunr finds the method and arguments of a job lambda by reading the
 * class that declares it from the jar and interpreting its bytecode, and caches that only when
 * every argument is a captured value as it is; {@code deadlineId.toString()} is not, so it did that
 * for every deadline: a tenth of the fulfilment saga's thread, which schedules one at every step.
 * <p>
 * The first deadline lambda of each class is still read by JobRunr, and the details made here
 * must equal that result, or JobRunr keeps doing it for that class (and a warning says so); a
 * JobRunr or Axon upgrade that changes the lambda can therefore not store different jobs. Any
 * other job goes to JobRunr's generator.
 */
final class DeadlineJobDetails implements JobDetailsGenerator {

    private static final Logger log = LoggerFactory.getLogger(DeadlineJobDetails.class);
    private static final String DEADLINE_LAMBDA_PREFIX = JobRunrDeadlineManager.class.getName() + "$$Lambda";

    private final JobDetailsGenerator jobRunr;
    private final Map<Class<?>, Optional<DeadlineLambda>> shapes = new ConcurrentHashMap<>();

    DeadlineJobDetails() {
        this(new CachingJobDetailsGenerator());
    }

    DeadlineJobDetails(JobDetailsGenerator jobRunr) {
        this.jobRunr = jobRunr;
    }

    @Override
    public JobDetails toJobDetails(JobLambda lambda) {
        Optional<DeadlineLambda> shape = shapes.get(lambda.getClass());
        if (shape == null) {
            JobDetails read = jobRunr.toJobDetails(lambda);
            shapes.putIfAbsent(lambda.getClass(), learn(lambda, read));
            return read;
        }
        return shape.isPresent() ? shape.get().details(lambda) : jobRunr.toJobDetails(lambda);
    }

    @Override
    public JobDetails toJobDetails(IocJobLambda<?> lambda) {
        return jobRunr.toJobDetails(lambda);
    }

    @Override
    public <T> JobDetails toJobDetails(T itemFromStream, JobLambdaFromStream<T> lambda) {
        return jobRunr.toJobDetails(itemFromStream, lambda);
    }

    @Override
    public <S, T> JobDetails toJobDetails(T itemFromStream, IocJobLambdaFromStream<S, T> lambda) {
        return jobRunr.toJobDetails(itemFromStream, lambda);
    }

    /** The lambda's shape if it is a deadline's and the details made from it equal what JobRunr read. */
    private static Optional<DeadlineLambda> learn(JobLambda lambda, JobDetails read) {
        if (!lambda.getClass().getName().startsWith(DEADLINE_LAMBDA_PREFIX)) {
            return Optional.empty();
        }
        Optional<DeadlineLambda> shape;
        try {
            shape = DeadlineLambda.of(lambda.getClass()).filter(candidate -> sameJob(candidate.details(lambda), read));
        } catch (RuntimeException unreadable) {
            shape = Optional.empty();
        }
        if (shape.isEmpty()) {
            log.warn("Axon's deadline jobs ({}) are not shaped as expected; JobRunr reads each one's bytecode", lambda.getClass());
        }
        return shape;
    }

    private static boolean sameJob(JobDetails made, JobDetails read) {
        return Objects.equals(made.getClassName(), read.getClassName())
                && Objects.equals(made.getStaticFieldName(), read.getStaticFieldName())
                && Objects.equals(made.getMethodName(), read.getMethodName())
                && sameParameters(made.getJobParameters(), read.getJobParameters());
    }

    private static boolean sameParameters(List<JobParameter> made, List<JobParameter> read) {
        if (made.size() != read.size()) {
            return false;
        }
        for (int i = 0; i < made.size(); i++) {
            JobParameter a = made.get(i);
            JobParameter b = read.get(i);
            if (!a.getClassName().equals(b.getClassName()) || !a.getActualClassName().equals(b.getActualClassName())
                    || !Objects.equals(a.getObject(), b.getObject())) {
                return false;
            }
        }
        return true;
    }

    /** The captured serialized deadline and deadline id of one lambda class. */
    private record DeadlineLambda(Field serializedDetails, Field deadlineId) {

        static Optional<DeadlineLambda> of(Class<?> lambdaClass) {
            Field text = null;
            Field id = null;
            for (Field field : lambdaClass.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (field.getType() == String.class && text == null) {
                    text = field;
                } else if (field.getType() == UUID.class && id == null) {
                    id = field;
                } else if (field.getType() != JobRunrDeadlineManager.class) {
                    return Optional.empty();
                }
            }
            if (text == null || id == null) {
                return Optional.empty();
            }
            text.setAccessible(true);
            id.setAccessible(true);
            return Optional.of(new DeadlineLambda(text, id));
        }

        JobDetails details(JobLambda lambda) {
            try {
                return new JobDetails(JobRunrDeadlineManager.class.getName(), null, "execute", List.of(
                        new JobParameter(String.class, serializedDetails.get(lambda)),
                        new JobParameter(String.class, deadlineId.get(lambda).toString())));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read a deadline lambda's captured values", e);
            }
        }
    }
}
