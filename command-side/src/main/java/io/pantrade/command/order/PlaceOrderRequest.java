package io.pantrade.command.order;

import io.pantrade.kernel.order.DeliveryAddress;
import io.pantrade.kernel.order.OrderLine;
import io.pantrade.web.MoneyBody;
import io.pantrade.web.Uuid;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.TimeWindow;
import io.pantrade.web.GeoPointBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The client's order as it arrives; the aggregate checks the same rules again. */
record PlaceOrderRequest(
        @NotNull @Uuid String customerId,
        @NotEmpty @Size(max = OrderLimits.MAX_LINES) List<@NotNull @Valid Line> lines,
        @NotNull @Valid Address deliveryAddress,
        @Valid FulfilmentRequest fulfilment) {


    record Line(@NotBlank @Size(max = OrderLimits.MAX_SKU_LENGTH) String sku,
                @NotNull @Min(OrderLimits.MIN_QUANTITY) @Max(OrderLimits.MAX_QUANTITY) Integer quantity,
                @NotNull @Valid MoneyBody unitPrice) {

        OrderLine toOrderLine() {
            return new OrderLine(sku, quantity, unitPrice.toMoney());
        }
    }

    record Address(@NotBlank @Size(max = 200) String recipient,
                   @NotBlank @Size(max = 200) String street,
                   @NotBlank @Size(max = 100) String city,
                   @NotBlank @Size(max = 20) String postalCode,
                   @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code") String country,
                   @Size(max = 32) @Pattern(regexp = "\\+?[0-9 ()-]{3,32}", message = "must be a phone number") String phone) {

        DeliveryAddress toDeliveryAddress() {
            return new DeliveryAddress(recipient, street, city, postalCode, country, phone);
        }
    }

    /** Present when the engine is to take payment and deliver; absent for an order that is only recorded. */
    record FulfilmentRequest(@NotNull @Uuid String merchantId,
                             @NotBlank @Size(max = 100) String paymentMethodToken,
                             @NotNull @Valid GeoPointBody pickup,
                             @NotNull @Valid Window window,
                             @NotNull ParcelSize parcelSize) {
    }

    record Window(@NotNull Instant from, @NotNull Instant to) {

        @AssertTrue(message = "must end after it starts")
        boolean isEndAfterStart() {
            return from == null || to == null || to.isAfter(from);
        }

        TimeWindow toTimeWindow() {
            return new TimeWindow(from, to);
        }
    }
}
