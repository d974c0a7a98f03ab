package io.pantrade.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.pantrade.kernel.privacy.SubjectErased;
import io.pantrade.kernel.rules.RuleViolatedException;
import io.pantrade.kernel.rules.RuleViolation;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one translation from exceptions to RFC 9457 responses for every Pantrade API. Client
 * mistakes become 4xx with the offending field named; only a genuine fault is a 500, and its
 * detail says nothing about the internals.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    /**
     * Field names come from the client and are echoed back: a run of five or more digits in one
     * (spaces and dashes between them too) is masked, since a card number may have been sent as a key.
     */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]*\\d){4,}");

    @ExceptionHandler(RuleViolatedException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolatedException violated) {
        return respond(fromViolation(violated.violation()));
    }

    /** How a rejection comes back once it has crossed the command bus (locally or over Axon Server). */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException failed) {
        return failed.<RuleViolation>getDetails()
                .filter(RuleViolation.class::isInstance)
                .map(violation -> respond(fromViolation(violation)))
                .orElseGet(() -> unexpected(failed));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException conflict) {
        return respond(Problems.problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "the resource was changed by another request at the same time; read it again and retry"));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException invalid) {
        return respond(Problems.invalidFields(List.of(new FieldProblem(invalid.field(), invalid.getMessage()))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException invalid) {
        return respond(Problems.invalidFields(invalid.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException missing) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage()));
    }

    /** Personal data cannot be kept for a person whose key was destroyed: their account is closed. */
    @ExceptionHandler(SubjectErased.class)
    ResponseEntity<ProblemDetail> subjectErased(SubjectErased erased) {
        return respond(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "customer-erased", "Customer erased",
                "this customer's personal data was erased; nothing more can be recorded for them"));
    }

    @ExceptionHandler(NotReadyException.class)
    ResponseEntity<ProblemDetail> notReady(NotReadyException notReady) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-catching-up", "Not ready yet",
                        notReady.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception fault) {
        log.error("unexpected failure while handling a request", fault);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; it is safe to retry with the same Idempotency-Key"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .collect(Collectors.toList());
        invalid.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return asObject(Problems.invalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(fieldOf(result.getMethodParameter().getParameterName(), error),
                                error.getDefaultMessage())))
                .toList();
        return asObject(Problems.invalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = unreadable.getCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return asObject(payloadTooLarge(tooLarge));
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return asObject(Problems.invalidFields(List.of(
                    new FieldProblem(jsonPath(unknown), "unknown field"))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return asObject(Problems.invalidFields(List.of(
                    new FieldProblem(jsonPath(mapping), "has the wrong type or format"))));
        }
        // Not the parser's message: it quotes the offending token, which may be a card number.
        String detail = cause instanceof JsonProcessingException json
                ? "the body is not valid JSON" + at(json.getLocation())
                : "the request body is missing or unreadable";
        return asObject(Problems.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", detail));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException missing,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (missing instanceof MissingRequestHeaderException header) {
            return asObject(Problems.invalidFields(List.of(new FieldProblem(header.getHeaderName(), "is required"))));
        }
        return super.handleServletRequestBindingException(missing, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException mismatch,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName() : mismatch.getPropertyName();
        return asObject(Problems.invalidFields(List.of(new FieldProblem(field, "has the wrong type or format"))));
    }

    public static ProblemDetail payloadTooLarge(PayloadTooLargeException tooLarge) {
        return Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                tooLarge.getMessage());
    }

    private static ProblemDetail fromViolation(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        return Problems.problem(status, violation.code(), "Rejected: " + violation.code(), violation.detail());
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String jsonPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference node : mapping.getPath()) {
            if (node.getIndex() >= 0) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(DIGIT_RUN.matcher(node.getFieldName()).replaceAll("#"));
            }
        }
        return path.toString();
    }

    private static String fieldOf(String parameter, MessageSourceResolvable error) {
        return error instanceof FieldError field ? parameter + "." + field.getField() : parameter;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> asObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
