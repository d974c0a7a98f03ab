package io.pantrade.projection.ledger;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.payment.AuthorizationExpired;
import io.pantrade.kernel.payment.CardReference;
import io.pantrade.kernel.payment.Fees;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentAuthorizationRequested;
import io.pantrade.kernel.payment.PaymentAuthorized;
import io.pantrade.kernel.payment.PaymentCaptured;
import io.pantrade.kernel.payment.PaymentDeclined;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.kernel.payment.PaymentRefunded;
import io.pantrade.kernel.payment.PaymentVoided;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Valid payment histories over a few customers, merchants and currencies, made from a list of
 * operations the way the Payment aggregate would answer them: an operation that does not apply to
 * its payment's state (a capture after a void, a refund of nothing) is left out, and until there
 * is a payment every operation authorizes one. The arithmetic is
 * the aggregate's: captures within the authorization, fees by a per-payment schedule and never
 * above the capture, refunds within captures, fees returned by {@link Fees#returnedWith}.
 */
final class PaymentHistory {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final List<String> CURRENCIES = List.of("EUR", "USD", "JPY");

    /** {@code kind} picks what happens, {@code target} to which payment (and with what), {@code part} how much. */
    record Operation(int kind, int target, int part) {
        static final int AUTHORIZE = 0;
        static final int CAPTURE = 1;
        static final int REFUND = 2;
        static final int VOID = 3;
        static final int EXPIRE = 4;
    }

    /** An event of a payment with the id it keeps however often it is delivered, and its place in the payment's stream. */
    record Event(String id, PaymentId paymentId, long sequence, Object payload) {
    }

    private final List<CustomerId> customers = parties(3, CustomerId::new);
    private final List<MerchantId> merchants = parties(3, MerchantId::new);
    private final List<Payment> payments = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();

    private PaymentHistory() {
    }

    static PaymentHistory of(List<Operation> operations) {
        PaymentHistory history = new PaymentHistory();
        operations.forEach(history::apply);
        return history;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    List<Payment> payments() {
        return List.copyOf(payments);
    }

    /** Until there is a payment, every operation authorizes one. */
    private void apply(Operation operation) {
        if (payments.isEmpty()) {
            authorize(operation.target(), operation.part());
            return;
        }
        switch (operation.kind()) {
            case Operation.AUTHORIZE -> authorize(operation.target(), operation.part());
            case Operation.CAPTURE -> existing(operation).capture(operation.part());
            case Operation.REFUND -> existing(operation).refund(operation.part());
            case Operation.VOID -> existing(operation).voidHold();
            default -> existing(operation).expire();
        }
    }

    private Payment existing(Operation operation) {
        return payments.get(operation.target() % payments.size());
    }

    private void authorize(int target, int part) {
        Payment payment = new Payment(new PaymentId(UUID.nameUUIDFromBytes(("payment " + payments.size()).getBytes()).toString()),
                customers.get(target % 3), merchants.get(target / 3 % 3), CURRENCIES.get(target / 9 % 3),
                1 + Math.floorMod(target * 7_919L + part * 104_729L, 200_000L), target % 11 * 50L, part % 4 * 25L);
        payments.add(payment);
        emit(payment, new PaymentAuthorizationRequested(payment.id, OrderId.random(), payment.customer, payment.merchant,
                payment.money(payment.authorized), new CardReference("tok_" + payments.size(), "VISA", "4242"), at()));
        if (target % 10 == 9) {
            payment.open = false;
            emit(payment, new PaymentDeclined(payment.id, "insufficient funds", at()));
        } else {
            emit(payment, new PaymentAuthorized(payment.id, payment.money(payment.authorized), "psp-" + payments.size(), at(),
                    at().plusSeconds(7 * 24 * 3_600)));
        }
    }

    private void emit(Payment payment, Object payload) {
        events.add(new Event("event-" + events.size(), payment.id, payment.nextSequence++, payload));
    }

    private Instant at() {
        return T0.plusSeconds(events.size());
    }

    private static <T> List<T> parties(int count, java.util.function.Function<String, T> id) {
        List<T> parties = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parties.add(id.apply(UUID.nameUUIDFromBytes(("party " + i).getBytes()).toString()));
        }
        return parties;
    }

    /** A payment as the aggregate would hold it. */
    final class Payment {
        final PaymentId id;
        final CustomerId customer;
        final MerchantId merchant;
        final String currency;
        final long authorized;
        private final long feeBasisPoints;
        private final long fixedFee;
        private boolean open = true;
        private long nextSequence;
        long captured;
        long fees;
        long refunded;
        long feesReturned;

        private Payment(PaymentId id, CustomerId customer, MerchantId merchant, String currency, long authorized,
                        long feeBasisPoints, long fixedFee) {
            this.id = id;
            this.customer = customer;
            this.merchant = merchant;
            this.currency = currency;
            this.authorized = authorized;
            this.feeBasisPoints = feeBasisPoints;
            this.fixedFee = fixedFee;
        }

        /** {@code part} percent of what is left on the hold; 0 or 100 and above: all of it. */
        private void capture(int part) {
            long left = authorized - captured;
            if (!open || left == 0) {
                return;
            }
            long amount = share(left, part);
            long fee = Math.min(amount, fixedFee + amount * feeBasisPoints / 10_000);
            captured += amount;
            fees += fee;
            emit(this, new PaymentCaptured(id, "capture-" + events.size(), money(amount), money(fee), at()));
        }

        private void refund(int part) {
            long left = captured - refunded;
            if (left == 0) {
                return;
            }
            long amount = share(left, part);
            long feeReturned = Fees.returnedWith(money(amount), money(captured), money(fees), money(refunded),
                    money(feesReturned)).amountMinor();
            refunded += amount;
            feesReturned += feeReturned;
            emit(this, new PaymentRefunded(id, "refund-" + events.size(), money(amount), money(feeReturned),
                    "customer asked", at()));
        }

        private void voidHold() {
            if (open && captured == 0) {
                open = false;
                emit(this, new PaymentVoided(id, money(authorized), "order cancelled", at()));
            }
        }

        private void expire() {
            if (open) {
                open = false;
                emit(this, new AuthorizationExpired(id, money(authorized - captured), at()));
            }
        }

        private Money money(long amount) {
            return new Money(amount, currency);
        }

        private static long share(long left, int part) {
            return part <= 0 || part >= 100 ? left : Math.max(1, left * part / 100);
        }
    }
}
