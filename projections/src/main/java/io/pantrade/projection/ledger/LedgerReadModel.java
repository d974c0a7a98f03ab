package io.pantrade.projection.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.ledger.LedgerAccountId;
import io.pantrade.kernel.ledger.LedgerAccountView;
import io.pantrade.kernel.ledger.LedgerReconciliationView;
import io.pantrade.kernel.ledger.Posting;
import io.pantrade.kernel.ledger.PostingLine;
import io.pantrade.kernel.payment.MerchantId;
import io.pantrade.kernel.payment.PaymentId;
import io.pantrade.projection.Delivery;
import io.pantrade.projection.MongoBatch;
import io.pantrade.projection.RecentEvents;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ledger's MongoDB read model, read only by {@code _id} (the embedded server has no secondary
 * indexes):
 * <ul>
 *   <li>{@code ledger_accounts}: one document per account: debits and credits per currency, the
 *       number of entries, and the events taken in but not yet settled;
 *   <li>{@code ledger_account_postings}: an account's entries in buckets of {@value #BUCKET_SIZE},
 *       {@code _id} = account id, '#', bucket number; entry n lies in bucket (n − 1) / {@value #BUCKET_SIZE},
 *       so a page newest first reads the account document and the one or two buckets it needs;
 *   <li>{@code ledger_payments}: one document per payment ({@code _id} = payment id): parties, totals
 *       as the events announced them, the postings they made, for reconciliation.
 * </ul>
 * Every document a batch changes gets one {@code $set} of its new state, so a document is always
 * written whole or not at all, and a batch written again leaves it the same.
 */
public class LedgerReadModel implements Ledger.Store {

    static final String ACCOUNTS = "ledger_accounts";
    static final String ACCOUNT_POSTINGS = "ledger_account_postings";
    static final String PAYMENTS = "ledger_payments";
    static final int BUCKET_SIZE = 100;

    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> accountPostings;
    private final MongoCollection<Document> payments;

    public LedgerReadModel(MongoDatabase database) {
        this.accounts = database.getCollection(ACCOUNTS);
        this.accountPostings = database.getCollection(ACCOUNT_POSTINGS);
        this.payments = database.getCollection(PAYMENTS);
    }

    /**
     * An account's entries are written before the account document that counts them (the batch
     * flushes collections in the order they were first written to, and every account change comes
     * with entries): a batch that fails between the two has only written entries past the count,
     * which readers ignore and the retry writes again.
     */
    void write(Ledger.Recorded recorded, MongoBatch batch) {
        for (AccountState.Posted posted : recorded.accounts()) {
            String account = posted.account().id().value();
            for (AccountState.Entry entry : posted.entries()) {
                batch.setFields(accountPostings, bucketId(account, bucketOf(entry.number())),
                        new Document("entries." + entry.number(), postingDocument(entry.posting())));
            }
        }
        for (AccountState.Posted posted : recorded.accounts()) {
            batch.setFields(accounts, posted.account().id().value(), accountDocument(posted.account()));
        }
        if (recorded.payment() != null) {
            PaymentRecord payment = recorded.payment();
            batch.setFields(payments, payment.parties().paymentId().value(), paymentDocument(payment));
        }
    }

    void dropAll() {
        accounts.drop();
        accountPostings.drop();
        payments.drop();
    }

    @Override
    public Optional<AccountState> account(LedgerAccountId id) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", id.value())).first()).map(LedgerReadModel::accountOf);
    }

    @Override
    public Optional<PaymentRecord> payment(PaymentId id) {
        return Optional.ofNullable(payments.find(Filters.eq("_id", id.value())).first()).map(LedgerReadModel::paymentOf);
    }

    /**
     * @param before the number of the entry the page ends before ({@code null}: the newest)
     * @return the account with up to {@code limit} entries newest first, or empty when no posting touched it
     */
    public Optional<LedgerAccountView> find(LedgerAccountId id, int limit, Long before) {
        return account(id).map(account -> {
            long newest = before == null ? account.entryCount() : Math.min(before - 1, account.entryCount());
            long oldest = Math.max(1, newest - limit + 1);
            List<Posting> page = newest < 1 ? List.of() : entries(id.value(), oldest, newest);
            String next = newest >= 1 && oldest > 1 ? Long.toString(oldest) : null;
            return new LedgerAccountView(id, id.isWallet(), balances(account), page, next);
        });
    }

    public LedgerReconciliationView reconcile(int mismatchLimit) {
        Reconciliation reconciliation = new Reconciliation(mismatchLimit);
        accounts.find().forEach(document -> reconciliation.account(accountOf(document)));
        payments.find().forEach(document -> reconciliation.payment(paymentOf(document)));
        return reconciliation.view();
    }

    /** Newest first. */
    private List<Posting> entries(String account, long oldest, long newest) {
        List<String> buckets = new ArrayList<>();
        for (long bucket = bucketOf(newest); bucket >= bucketOf(oldest); bucket--) {
            buckets.add(bucketId(account, bucket));
        }
        Map<Long, Posting> byNumber = new HashMap<>();
        for (Document bucket : accountPostings.find(Filters.in("_id", buckets))) {
            bucket.get("entries", Document.class).forEach((number, posting) ->
                    byNumber.put(Long.parseLong(number), postingOf((Document) posting)));
        }
        List<Posting> page = new ArrayList<>();
        for (long number = newest; number >= oldest; number--) {
            Posting posting = byNumber.get(number);
            if (posting == null) {
                throw new IllegalStateException("entry " + number + " of account " + account + " is missing");
            }
            page.add(posting);
        }
        return page;
    }

    private static List<LedgerAccountView.Balance> balances(AccountState account) {
        return account.currencies().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(currency -> new LedgerAccountView.Balance(currency.getKey(), currency.getValue().debits(),
                        currency.getValue().credits(), currency.getValue().balance()))
                .toList();
    }

    private static long bucketOf(long entryNumber) {
        return (entryNumber - 1) / BUCKET_SIZE;
    }

    private static String bucketId(String account, long bucket) {
        return account + "#" + bucket;
    }

    // --- documents ----------------------------------------------------------------------------

    private static Document accountDocument(AccountState account) {
        Document currencies = new Document();
        account.currencies().forEach((currency, turnover) -> currencies.append(currency,
                new Document("debits", turnover.debits()).append("credits", turnover.credits())));
        return new Document("currencies", currencies)
                .append("entryCount", account.entryCount())
                .append("recentEvents", recentDocuments(account.recent()));
    }

    private static AccountState accountOf(Document document) {
        Map<String, AccountState.Turnover> currencies = new TreeMap<>();
        document.get("currencies", Document.class).forEach((currency, turnover) -> currencies.put(currency,
                new AccountState.Turnover(((Document) turnover).getLong("debits"), ((Document) turnover).getLong("credits"))));
        return new AccountState(new LedgerAccountId(document.getString("_id")), currencies,
                document.getLong("entryCount"), recentOf(document));
    }

    private static Document paymentDocument(PaymentRecord payment) {
        return new Document("customerId", payment.parties().customerId().value())
                .append("merchantId", payment.parties().merchantId().value())
                .append("currency", payment.currency())
                .append("capturedMinor", payment.captured())
                .append("feesMinor", payment.fees())
                .append("refundedMinor", payment.refunded())
                .append("feesReturnedMinor", payment.feesReturned())
                .append("postings", payment.postings().stream().map(LedgerReadModel::postingDocument).toList())
                .append("recentEvents", recentDocuments(payment.recent()));
    }

    private static PaymentRecord paymentOf(Document document) {
        PaymentParties parties = new PaymentParties(new PaymentId(document.getString("_id")),
                new CustomerId(document.getString("customerId")), new MerchantId(document.getString("merchantId")));
        return new PaymentRecord(parties, document.getString("currency"), document.getLong("capturedMinor"),
                document.getLong("feesMinor"), document.getLong("refundedMinor"), document.getLong("feesReturnedMinor"),
                document.getList("postings", Document.class).stream().map(LedgerReadModel::postingOf).toList(),
                recentOf(document));
    }

    private static Document postingDocument(Posting posting) {
        return new Document("id", posting.postingId())
                .append("paymentId", posting.paymentId().value())
                .append("description", posting.description())
                .append("at", Date.from(posting.at()))
                .append("lines", posting.lines().stream().map(line -> new Document("account", line.account().value())
                        .append("amountMinor", line.amount().amountMinor())
                        .append("currency", line.amount().currency())).toList());
    }

    private static Posting postingOf(Document document) {
        return new Posting(document.getString("id"), new PaymentId(document.getString("paymentId")),
                document.getString("description"), document.getDate("at").toInstant(),
                document.getList("lines", Document.class).stream()
                        .map(line -> new PostingLine(new LedgerAccountId(line.getString("account")),
                                new Money(line.getLong("amountMinor"), line.getString("currency"))))
                        .toList());
    }

    private static List<Document> recentDocuments(RecentEvents recent) {
        return recent.deliveries().stream()
                .map(delivery -> new Document("eventId", delivery.eventId()).append("position", delivery.position()))
                .toList();
    }

    private static RecentEvents recentOf(Document document) {
        return new RecentEvents(document.getList("recentEvents", Document.class).stream()
                .map(delivery -> new Delivery(delivery.getString("eventId"), delivery.getLong("position")))
                .toList());
    }
}
