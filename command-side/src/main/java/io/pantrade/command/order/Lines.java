package io.pantrade.command.order;

import io.pantrade.kernel.Money;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.kernel.rules.BusinessRule;

import java.util.List;

/**
 * The rules a list of goods obeys, whether ordered or sent back; each refusal is the caller's own
 * rule, so an order and a return are refused with their own codes.
 */
record Lines(BusinessRule needsALine, BusinessRule atMost500Lines, BusinessRule lineNeedsASku,
             BusinessRule quantityInRange, BusinessRule lineNeedsAUnitPrice, BusinessRule unitPriceNotNegative,
             BusinessRule oneCurrency, BusinessRule totalRepresentable) {

    Money totalOf(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw needsALine.violated();
        }
        if (lines.size() > OrderLimits.MAX_LINES) {
            throw atMost500Lines.violated("got " + lines.size());
        }
        Money total = Money.zero(unitPriceOf(lines.get(0), 0).currency());
        for (int i = 0; i < lines.size(); i++) {
            total = plusLine(total, lines.get(i), i);
        }
        return total;
    }

    private Money plusLine(Money total, OrderLine line, int index) {
        String sku = line.sku();
        if (sku == null || sku.isBlank() || sku.length() > OrderLimits.MAX_SKU_LENGTH) {
            throw lineNeedsASku.violated("line " + index);
        }
        if (line.quantity() < OrderLimits.MIN_QUANTITY || line.quantity() > OrderLimits.MAX_QUANTITY) {
            throw quantityInRange.violated("line " + index + " has " + line.quantity());
        }
        if (unitPriceOf(line, index).amountMinor() < 0) {
            throw unitPriceNotNegative.violated("line " + index);
        }
        if (!line.unitPrice().currency().equals(total.currency())) {
            throw oneCurrency.violated("line " + index + " is in " + line.unitPrice().currency()
                    + ", the rest in " + total.currency());
        }
        try {
            return total.plus(line.lineTotal());
        } catch (ArithmeticException overflow) {
            throw totalRepresentable.violated();
        }
    }

    private Money unitPriceOf(OrderLine line, int index) {
        if (line.unitPrice() == null) {
            throw lineNeedsAUnitPrice.violated("line " + index);
        }
        return line.unitPrice();
    }
}
