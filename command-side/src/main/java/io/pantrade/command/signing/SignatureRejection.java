package io.pantrade.command.signing;

import io.pantrade.web.FieldProblem;
import io.pantrade.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;

/** Why a request that had to be signed was refused; each is a 401 with its own problem type. */
enum SignatureRejection {

    SIGNATURE_MISSING("signature-missing", "Signature missing", null),
    CLIENT_UNKNOWN("client-unknown", "Unknown client",
            "no public key is registered for this Pantrade-Client"),
    TIMESTAMP_STALE("timestamp-stale", "Stale timestamp",
            "Pantrade-Timestamp is too far from the server's clock; check the client's clock and sign again"),
    SIGNATURE_INVALID("signature-invalid", "Invalid signature",
            "Pantrade-Signature does not verify over this request with the client's registered key"),
    NONCE_REUSED("nonce-reused", "Nonce reused",
            "this client already used this Pantrade-Nonce; every request is signed with a fresh nonce");

    private final String code;
    private final String title;
    private final String detail;

    SignatureRejection(String code, String title, String detail) {
        this.code = code;
        this.title = title;
        this.detail = detail;
    }

    ProblemDetail problem() {
        return Problems.problem(HttpStatus.UNAUTHORIZED, code, title, detail);
    }

    /** For {@link #SIGNATURE_MISSING}: which headers are missing or malformed. */
    ProblemDetail problem(List<FieldProblem> headers) {
        return Problems.problem(HttpStatus.UNAUTHORIZED, code, title, headers);
    }

    String code() {
        return code;
    }
}
