package io.pantrade.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/**
 * Builds the RFC 9457 problems every Pantrade API answers with. The {@code type} is a stable URN
 * per kind of problem, so clients can branch on it without parsing the human {@code detail}.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:pantrade:problem:";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        return problem;
    }

    /** A problem caused by particular fields (body fields, headers), each named in {@code errors}. */
    public static ProblemDetail problem(HttpStatusCode status, String code, String title, List<FieldProblem> errors) {
        ProblemDetail problem = problem(status, code, title, describe(errors));
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ProblemDetail invalidFields(List<FieldProblem> errors) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", errors);
    }

    private static String describe(List<FieldProblem> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        return errors.size() + " fields are invalid; see errors";
    }
}
