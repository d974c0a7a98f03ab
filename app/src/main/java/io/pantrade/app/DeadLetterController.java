package io.pantrade.app;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Operations on dead letters. Meant for the {@code admin} role once the API has authentication;
 * until then, like the rest of the API, it must not be exposed beyond the operators' network.
 */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Dead letters (admin)", description = "Events that event handlers or sagas failed to handle: each is "
        + "retried with exponential back-off, then parked until an operator retries or evicts it. Later events of the "
        + "same aggregate wait behind it in its sequence. No payload is shown.")
class DeadLetterController {

    private final DeadLetterAdmin admin;

    DeadLetterController(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Dead letters of every processing group that dead-letters its failures")
    List<DeadLetterAdmin.GroupView> all() {
        return admin.list();
    }

    @GetMapping("/{group}")
    @Operation(summary = "Dead letters of one processing group; 404 if it has no dead-letter queue")
    DeadLetterAdmin.GroupView group(@PathVariable String group) {
        return admin.list(group);
    }

    @PostMapping("/{group}/{sequenceId}/retry")
    @Operation(summary = "Retry a sequence now, whatever its back-off",
            description = "Handles its letters in order until one fails again; PROCESSED when all were handled, "
                    + "FAILED when one failed (it counts as an attempt), BUSY when another retry holds the sequence")
    DeadLetterAdmin.RetryOutcome retry(@PathVariable String group, @PathVariable String sequenceId) {
        return admin.retry(group, sequenceId);
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Retry every sequence of a processing group once, parked ones included")
    DeadLetterAdmin.RetryAllOutcome retryAll(@PathVariable String group) {
        return admin.retryAll(group);
    }

    @DeleteMapping("/{group}/{sequenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Evict a sequence: its events will never be handled by this processing group")
    void evict(@PathVariable String group, @PathVariable String sequenceId) {
        admin.evict(group, sequenceId);
    }
}
