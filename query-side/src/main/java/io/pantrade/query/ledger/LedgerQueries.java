package io.pantrade.query.ledger;

import io.pantrade.kernel.ledger.FindLedgerAccount;
import io.pantrade.kernel.ledger.LedgerAccountView;
import io.pantrade.kernel.ledger.LedgerReconciliation;
import io.pantrade.kernel.ledger.LedgerReconciliationView;
import io.pantrade.projection.ledger.LedgerReadModel;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers ledger queries from the ledger read model. */
@Component
class LedgerQueries {

    private final LedgerReadModel ledger;

    LedgerQueries(LedgerReadModel ledger) {
        this.ledger = ledger;
    }

    /** @return the account, or {@code null} when no posting touched it (yet) */
    @QueryHandler
    LedgerAccountView handle(FindLedgerAccount query) {
        return ledger.find(query.accountId(), query.limit(), query.before()).orElse(null);
    }

    @QueryHandler
    LedgerReconciliationView handle(LedgerReconciliation query) {
        return ledger.reconcile(query.mismatchLimit());
    }
}
