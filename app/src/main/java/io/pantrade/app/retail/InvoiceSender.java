package io.pantrade.app.retail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.command.order.OrderPlacement;
import io.pantrade.kernel.Money;
import io.pantrade.kernel.Uuids;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.kernel.behaviour.RecordReturn;
import io.pantrade.kernel.behaviour.ReturnId;
import io.pantrade.kernel.customer.CustomerId;
import io.pantrade.kernel.order.DeliveryAddress;
import io.pantrade.kernel.order.OrderId;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.order.PlaceOrder;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import io.pantrade.kernel.privacy.SealedText;
import io.pantrade.kernel.rules.Rejections;
import io.pantrade.kernel.rules.RuleViolation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;

import java.util.List;
import java.util.Optional;

/**
 * Sends one invoice through the command path, as any client's command: an order placed at the
 * invoice's date (recorded only: no payment or delivery), or for a cancellation a return. Ids are
 * derived from the file's invoice and customer numbers, so importing the file again changes nothing.
 */
final class InvoiceSender {

    static final String CURRENCY = "GBP";
    /** The file has a country per customer and nothing else of an address. */
    static final String NOT_IN_THE_FILE = "(not in the Online Retail data set)";

    private final CommandGateway commands;
    private final OrderPlacement placement;
    private final EventGateway events;
    private final PersonalDataCipher personalData;
    private final ObjectMapper json;
    private final Tally tally;

    InvoiceSender(CommandGateway commands, OrderPlacement placement, EventGateway events,
                  PersonalDataCipher personalData, ObjectMapper json, Tally tally) {
        this.commands = commands;
        this.placement = placement;
        this.events = events;
        this.personalData = personalData;
        this.json = json;
        this.tally = tally;
    }

    static CustomerId customerId(String customerNo) {
        return new CustomerId(Uuids.derived("imported-customer", customerNo));
    }

    static String invoiceId(String invoiceNo) {
        return Uuids.derived("imported-invoice", invoiceNo);
    }

    /** Products first: whoever reads the order's lines can then find their names and categories. */
    void send(Invoice invoice, List<ProductCatalogued> newProducts) {
        try {
            if (!newProducts.isEmpty()) {
                events.publish(newProducts);
            }
            CustomerId customer = customerId(invoice.customerNo());
            List<OrderLine> lines = linesOf(invoice);
            String id = invoiceId(invoice.number());
            if (invoice.isCancellation()) {
                commands.sendAndWait(new RecordReturn(new ReturnId(id), customer, lines, invoice.date()));
            } else {
                placement.place(new PlaceOrder(new OrderId(id), customer, lines, sealedAddress(customer, invoice),
                        invoice.date(), null));
            }
            tally.imported(invoice);
        } catch (RuntimeException failure) {
            Optional<RuleViolation> rule = Rejections.ruleOf(failure);
            if (rule.isPresent()) {
                tally.refused(invoice, rule.get().code(), rule.get().detail());
            } else {
                tally.fault(invoice, failure);
            }
        }
    }

    private static List<OrderLine> linesOf(Invoice invoice) {
        return invoice.rows().stream()
                .map(row -> new OrderLine(row.stockCode(), row.quantity(), new Money(row.unitPricePence(), CURRENCY)))
                .toList();
    }

    private SealedText sealedAddress(CustomerId customer, Invoice invoice) {
        DeliveryAddress address = new DeliveryAddress("Online Retail customer " + invoice.customerNo(),
                NOT_IN_THE_FILE, NOT_IN_THE_FILE, NOT_IN_THE_FILE, invoice.country(), null);
        try {
            return personalData.seal(customer.value(), json.writeValueAsString(address));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a delivery address always serialises", impossible);
        }
    }
}
