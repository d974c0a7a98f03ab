package io.pantrade.projection.ledger;

import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.SettledPosition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Function;

/**
 * Keeps the ledger read model from payment events. It must run in one segment: it keeps running
 * balances, read and written whole per batch, so two writers of one account would lose each
 * other's updates. Each batch gets a {@link Ledger} that reads every document it needs once and
 * writes it once, when the batch is flushed.
 */
@ProcessingGroup(LedgerProjection.PROCESSOR)
public class LedgerProjection {

    public static final String PROCESSOR = "ledger";

    private static final String BATCH = LedgerProjection.class.getName() + ".batch";

    private final LedgerReadModel readModel;
    private final SettledPosition settled = new SettledPosition();

    public LedgerProjection(LedgerReadModel readModel) {
        this.readModel = readModel;
    }

    @EventHandler
    void on(PaymentAuthorizationRequested event, TrackingToken token) {
        record(token, ledger -> ledger.requested(event));
    }

    @EventHandler
    void on(PaymentCaptured event, @MessageIdentifier String eventId, TrackingToken token) {
        record(token, ledger -> ledger.captured(event, SettledPosition.delivery(eventId, token)));
    }

    @EventHandler
    void on(PaymentRefunded event, @MessageIdentifier String eventId, TrackingToken token) {
        record(token, ledger -> ledger.refunded(event, SettledPosition.delivery(eventId, token)));
    }

    @ResetHandler
    void reset() {
        readModel.dropAll();
        settled.reset();
    }

    private void record(TrackingToken token, Function<Ledger, Ledger.Recorded> step) {
        Batch batch = batch();
        batch.last = token;
        readModel.write(step.apply(batch.ledger), MongoBatch.current());
    }

    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(new Ledger(readModel, settled.upTo()));
            settled.advanceOnCommit(root, () -> batch.last);
            return batch;
        });
    }

    private static final class Batch {
        private final Ledger ledger;
        private TrackingToken last;

        private Batch(Ledger ledger) {
            this.ledger = ledger;
        }
    }
}
