package io.pantrade.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.web.CachedBodyRequest;
import io.pantrade.web.FieldProblem;
import io.pantrade.web.ProblemWriter;
import io.pantrade.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes every state-changing POST safe to retry: the first request with an Idempotency-Key runs,
 * every retry with the same key and the same request gets the first answer replayed, and the same
 * key with a different request is refused with 422. Answers of 5xx are not kept, so a retry after
 * a fault runs again. Every answer waits until what the request committed is durable: this is the
 * one place where the engine acknowledges a change.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Duration lease;
    private final CommitDurability durability;
    private final RequestFingerprint fingerprints;
    private final List<String> exemptPaths;

    /**
     * @param exemptPaths path prefixes whose senders cannot send the header and bring their own
     *                    idempotency, such as the payment provider's webhooks with their ids
     */
    public IdempotencyFilter(IdempotencyStore store, ObjectMapper objectMapper, Clock clock, Duration lease,
                             CommitDurability durability, RequestFingerprint fingerprints, List<String> exemptPaths) {
        this.store = store;
        this.exemptPaths = List.copyOf(exemptPaths);
        this.fingerprints = fingerprints;
        this.problems = new ProblemWriter(objectMapper);
        this.clock = clock;
        this.lease = lease;
        this.durability = durability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || exemptPaths.stream().anyMatch(request.getRequestURI()::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key == null || !VALID_KEY.matcher(key).matches()) {
            problems.write(response, Problems.invalidFields(List.of(new FieldProblem(HEADER,
                    key == null ? "is required on every POST" : "must be 1 to 255 visible ASCII characters"))));
            return;
        }
        Optional<CachedBodyRequest> read = CachedBodyRequest.read(request, response, problems);
        if (read.isEmpty()) {
            return;
        }
        CachedBodyRequest cached = read.get();
        String fingerprint = fingerprints.of(request.getMethod(), request.getRequestURI(), cached.body());
        IdempotencyStore.Claim claim = store.claim(key, fingerprint, clock.instant(), lease);
        if (claim instanceof IdempotencyStore.Claim.Acquired) {
            runFirstTime(key, cached, response, chain);
        } else if (claim instanceof IdempotencyStore.Claim.AlreadyAnswered answered) {
            replay(answered.response(), response);
        } else if (claim instanceof IdempotencyStore.Claim.UsedForAnotherRequest) {
            problems.write(response, Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency-Key reused", "this Idempotency-Key was already used for a different request"));
        } else {
            problems.write(response, Problems.problem(HttpStatus.CONFLICT, "idempotency-key-in-use",
                    "Request in progress", "a request with this Idempotency-Key is still being processed; retry shortly"));
        }
    }

    private void runFirstTime(String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        } catch (ServletException | IOException | RuntimeException fault) {
            store.release(key);
            throw fault;
        }
        if (recorded.getStatus() >= 500) {
            store.release(key);
        } else {
            store.complete(key, new StoredResponse(recorded.getStatus(), recorded.getContentType(),
                    recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray()));
            durability.awaitDurable();
        }
        recorded.copyBodyToResponse();
    }

    /** The first request may have stored its answer a moment ago: it is replayed only once durable too. */
    private void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        durability.awaitDurable();
        response.setStatus(stored.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.getOutputStream().write(stored.body());
    }
}
