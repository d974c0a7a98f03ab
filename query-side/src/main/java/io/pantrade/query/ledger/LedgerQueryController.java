package io.pantrade.query.ledger;

import io.pantrade.kernel.ledger.FindLedgerAccount;
import io.pantrade.kernel.ledger.LedgerAccountId;
import io.pantrade.kernel.ledger.LedgerAccountView;
import io.pantrade.kernel.ledger.LedgerReconciliation;
import io.pantrade.kernel.ledger.LedgerReconciliationView;
import io.pantrade.projection.ledger.LedgerProjection;
import io.pantrade.query.ReadModelFreshness;
import io.pantrade.web.NotFoundException;
import io.pantrade.web.NotReadyException;
import io.pantrade.web.PathIds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * The ledger, eventually consistent like every read model: while it is rebuilt after a start, an
 * unknown account and a reconciliation are 503 with Retry-After, since the books are not complete yet.
 */
@RestController
class LedgerQueryController {

    private final QueryGateway queries;
    private final ReadModelFreshness freshness;

    LedgerQueryController(QueryGateway queries, ReadModelFreshness freshness) {
        this.queries = queries;
        this.freshness = freshness;
    }

    /** {@code accountId} is e.g. {@code merchant:<uuid>} or {@code fees}; {@code before} is a page's {@code nextCursor}. */
    @GetMapping(path = "/api/ledger/accounts/{accountId}", produces = MediaType.APPLICATION_JSON_VALUE)
    LedgerAccountView account(@PathVariable String accountId,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                              @RequestParam(required = false) @Min(1) Long before) {
        LedgerAccountId id = PathIds.parse(accountId, "accountId",
                "must be customer:<uuid>, merchant:<uuid>, provider-clearing, refunds or fees", LedgerAccountId::new);
        return Optional.ofNullable(queries.query(new FindLedgerAccount(id, limit, before),
                        ResponseTypes.instanceOf(LedgerAccountView.class)).join())
                .orElseThrow(() -> missing("no posting is known for account " + id));
    }

    @GetMapping(path = "/api/ledger/reconciliation", produces = MediaType.APPLICATION_JSON_VALUE)
    LedgerReconciliationView reconciliation(
            @RequestParam(defaultValue = "100") @Min(0) @Max(10_000) int mismatchLimit) {
        if (!freshness.caughtUp(LedgerProjection.PROCESSOR)) {
            throw notReady("no reconciliation");
        }
        return queries.query(new LedgerReconciliation(mismatchLimit),
                ResponseTypes.instanceOf(LedgerReconciliationView.class)).join();
    }

    private RuntimeException missing(String detail) {
        if (!freshness.caughtUp(LedgerProjection.PROCESSOR)) {
            return notReady(detail);
        }
        return new NotFoundException(detail);
    }

    private static NotReadyException notReady(String what) {
        return new NotReadyException(what + " yet: the ledger read model is still catching up with the event store");
    }
}
