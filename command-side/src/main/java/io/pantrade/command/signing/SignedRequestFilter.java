package io.pantrade.command.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.kernel.crypto.CanonicalRequest;
import io.pantrade.kernel.crypto.RequestVerifier;
import io.pantrade.kernel.crypto.SignatureHeaders;
import io.pantrade.web.CachedBodyRequest;
import io.pantrade.web.FieldProblem;
import io.pantrade.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lets a state-changing request under a protected path through only when its client signed it
 * (see {@link CanonicalRequest}). A state-changing request to any other path that carries a
 * signature is checked the same way, so that the client it names can be trusted there too (the
 * interactions' rate limit counts per signed client). The cheap checks come first; the body is read
 * only to verify the signature; the nonce is recorded only once the signature verified, so that
 * nobody but the client can use up its nonces. A refused request goes no further: nothing behind
 * this filter runs.
 */
public class SignedRequestFilter extends OncePerRequestFilter {

    /** The authenticated client id, for controllers: {@code @RequestAttribute(CLIENT_ATTRIBUTE) String client}. */
    public static final String CLIENT_ATTRIBUTE = "io.pantrade.signing.client";
    static final String CHALLENGE = "Pantrade-Signature";

    private static final Logger log = LoggerFactory.getLogger(SignedRequestFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,128}");
    private static final Pattern SIGNATURE = Pattern.compile("[A-Za-z0-9+/]{1,256}={0,2}");

    private final List<String> protectedPaths;
    private final SigningClients clients;
    private final NonceStore nonces;
    private final Clock clock;
    private final long toleranceSeconds;
    private final ProblemWriter problems;

    SignedRequestFilter(List<String> protectedPaths, SigningClients clients, NonceStore nonces, Clock clock,
                        Duration tolerance, ObjectMapper objectMapper) {
        this.protectedPaths = List.copyOf(protectedPaths);
        this.clients = clients;
        this.nonces = nonces;
        this.clock = clock;
        this.toleranceSeconds = tolerance.toSeconds();
        this.problems = new ProblemWriter(objectMapper);
    }

    /**
     * The path is taken as the container decoded and normalised it, the way handler mappings match
     * it, so that {@code /api/%70ayments} is as protected as {@code /api/payments}.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        if (request.getHeader(SignatureHeaders.SIGNATURE) != null) {
            return false;
        }
        String pathInfo = request.getPathInfo();
        String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        return protectedPaths.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> malformed = new ArrayList<>();
        String client = header(request, SignatureHeaders.CLIENT, SigningClients.CLIENT_ID,
                "must be a registered client id: lowercase letters, digits or '-'", malformed);
        String timestamp = header(request, SignatureHeaders.TIMESTAMP, TIMESTAMP,
                "must be the signing time in seconds since the epoch, in decimal", malformed);
        String nonce = header(request, SignatureHeaders.NONCE, NONCE,
                "must be URL-safe base64 without padding of at least 16 random bytes", malformed);
        String signature = header(request, SignatureHeaders.SIGNATURE, SIGNATURE, "must be base64", malformed);
        if (!malformed.isEmpty()) {
            log.debug("refused a request: {}", SignatureRejection.SIGNATURE_MISSING.code());
            challenge(response, SignatureRejection.SIGNATURE_MISSING.problem(malformed));
            return;
        }
        RequestVerifier key = clients.find(client);
        if (key == null) {
            refuse(response, SignatureRejection.CLIENT_UNKNOWN, client);
            return;
        }
        long signedAt = Long.parseLong(timestamp);
        if (Math.abs(clock.instant().getEpochSecond() - signedAt) > toleranceSeconds) {
            refuse(response, SignatureRejection.TIMESTAMP_STALE, client);
            return;
        }
        Optional<CachedBodyRequest> read = CachedBodyRequest.read(request, response, problems);
        if (read.isEmpty()) {
            return;
        }
        CachedBodyRequest cached = read.get();
        byte[] canonical = CanonicalRequest.of(request.getMethod(), pathAndQuery(request), signedAt, nonce, cached.body());
        if (!key.verify(canonical, signature)) {
            refuse(response, SignatureRejection.SIGNATURE_INVALID, client);
            return;
        }
        if (!nonces.useOnce(client, nonce, clock.instant())) {
            refuse(response, SignatureRejection.NONCE_REUSED, client);
            return;
        }
        cached.setAttribute(CLIENT_ATTRIBUTE, client);
        chain.doFilter(cached, response);
    }

    /** @return the value, or {@code null} after adding to {@code malformed} why it is not acceptable */
    private static String header(HttpServletRequest request, String name, Pattern format, String requirement,
                                 List<FieldProblem> malformed) {
        String value = request.getHeader(name);
        if (value == null || value.isEmpty()) {
            malformed.add(new FieldProblem(name, "is required: this request must be signed"));
            return null;
        }
        if (!format.matcher(value).matches()) {
            malformed.add(new FieldProblem(name, requirement));
            return null;
        }
        return value;
    }

    /** As sent: the raw, still percent-encoded path and query. */
    private static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private void refuse(HttpServletResponse response, SignatureRejection rejection, String client) throws IOException {
        log.debug("refused a request of client {}: {}", client, rejection.code());
        challenge(response, rejection.problem());
    }

    private void challenge(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        problems.write(response, problem);
    }
}
