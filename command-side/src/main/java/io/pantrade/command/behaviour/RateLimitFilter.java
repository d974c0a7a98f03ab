package io.pantrade.command.behaviour;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.command.signing.SignedRequestFilter;
import io.pantrade.web.ProblemWriter;
import io.pantrade.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Keeps each client app to its rate of interaction batches: a client is who signed the request
 * ({@link SignedRequestFilter} verified it), else the remote address. A client named in an unsigned
 * header proves nothing and would let a sender take a fresh allowance by changing it. Over the
 * rate, a 429 with Retry-After in whole seconds.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final ClientRateLimit limit;
    private final ProblemWriter problems;

    RateLimitFilter(ClientRateLimit limit, ObjectMapper objectMapper) {
        this.limit = limit;
        this.problems = new ProblemWriter(objectMapper);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object signedBy = request.getAttribute(SignedRequestFilter.CLIENT_ATTRIBUTE);
        Duration wait = limit.take(signedBy == null ? "address:" + request.getRemoteAddr() : "client:" + signedBy);
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "this client sends interactions faster than it may; retry after " + seconds + " s"));
    }
}
