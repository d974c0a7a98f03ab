package io.pantrade.app;

import io.pantrade.app.Http.Reply;
import io.pantrade.kernel.delivery.CourierAssigned;
import io.pantrade.kernel.delivery.CourierRegistered;
import io.pantrade.kernel.delivery.CourierReleasedDelivery;
import io.pantrade.kernel.delivery.CourierTookDelivery;
import io.pantrade.kernel.delivery.CourierUnassigned;
import io.pantrade.kernel.delivery.DeliveryCreated;
import io.pantrade.kernel.delivery.DeliveryDelivered;
import io.pantrade.kernel.delivery.DeliveryFailed;
import io.pantrade.kernel.delivery.ParcelSize;
import io.pantrade.kernel.delivery.ShiftEnded;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static io.pantrade.app.OrderApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CourierApiTest extends RunningEngineTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    PersonalDataCipher personalData;

    Couriers couriers;

    @BeforeEach
    void couriers() {
        couriers = new Couriers(http, commands, eventStore);
    }

    @Test
    void a_courier_registered_twice_with_one_key_is_one_courier_whose_name_is_sealed_under_their_own_key() {
        String key = UUID.randomUUID().toString();
        Reply first = http.post("/api/couriers", key, "{\"name\":\"" + Couriers.NAME + "\",\"capacity\":4}");
        Reply retry = http.post("/api/couriers", key, "{\"name\":\"" + Couriers.NAME + "\",\"capacity\":4}");

        assertThat(first.status()).isEqualTo(201);
        String courierId = first.field("courierId");
        assertThat(first.location()).endsWith("/api/couriers/" + courierId);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.field("courierId")).isEqualTo(courierId);
        CourierRegistered registered = (CourierRegistered) couriers.events(courierId).get(0);
        assertThat(couriers.events(courierId)).hasSize(1);
        assertThat(registered.capacity()).isEqualTo(4);
        assertThat(registered.name().subjectId()).isEqualTo(courierId);
        assertThat(registered.name().ciphertext()).doesNotContain("Grace");
        assertThat(personalData.open(registered.name())).contains(Couriers.NAME);
    }

    @Test
    void a_delivery_goes_from_assignment_to_hand_over_and_the_courier_gets_the_room_back() {
        String courierId = couriers.onShift(2);
        String deliveryId = couriers.delivery(ParcelSize.MEDIUM);

        assertThat(couriers.assign(deliveryId, courierId).status()).isEqualTo(202);
        assertThat(couriers.act(courierId, deliveryId, "accept", null).status()).isEqualTo(202);
        assertThat(couriers.act(courierId, deliveryId, "pick-up", null).status()).isEqualTo(202);
        Instant beforeHandOver = Instant.now();
        assertThat(couriers.act(courierId, deliveryId, "deliver", "{\"signatureReference\":\"sig-7\"}").status())
                .isEqualTo(202);

        assertThat(couriers.events(deliveryId)).extracting(event -> event.getClass().getSimpleName()).containsExactly(
                "DeliveryCreated", "CourierAssigned", "DeliveryAccepted", "DeliveryPickedUp", "DeliveryDelivered");
        DeliveryDelivered delivered = couriers.events(deliveryId, DeliveryDelivered.class).get(0);
        assertThat(delivered.proof().signatureReference()).isEqualTo("sig-7");
        assertThat(delivered.proof().photoReference()).isNull();
        assertThat(delivered.proof().deliveredAt()).isAfterOrEqualTo(beforeHandOver.minusSeconds(1));
        awaitReleased(courierId, delivered.assignmentId());
        assertThat(http.post("/api/couriers/" + courierId + "/shift/end", null).status()).isEqualTo(202);
        assertThat(couriers.events(courierId)).last().isInstanceOf(ShiftEnded.class);
    }

    @Test
    void a_delivery_may_be_handed_over_without_any_proof_reference_and_without_a_body() {
        String courierId = couriers.onShift(1);
        String deliveryId = couriers.pickedUpBy(courierId);

        assertThat(couriers.act(courierId, deliveryId, "deliver", null).status()).isEqualTo(202);
        assertThat(couriers.events(deliveryId, DeliveryDelivered.class)).hasSize(1);
    }

    @Test
    void a_declined_delivery_waits_for_another_courier_and_frees_the_one_who_declined() {
        String anna = couriers.onShift(1);
        String bob = couriers.onShift(1);
        String deliveryId = couriers.delivery(ParcelSize.SMALL);
        couriers.assign(deliveryId, anna);

        assertProblem(couriers.act(bob, deliveryId, "decline", null), 409, "delivery.not-the-assigned-courier");
        assertThat(couriers.act(anna, deliveryId, "decline", null).status()).isEqualTo(202);

        CourierUnassigned unassigned = couriers.events(deliveryId, CourierUnassigned.class).get(0);
        assertThat(unassigned.courierId().value()).isEqualTo(anna);
        assertThat(unassigned.reason()).isEqualTo("declined by courier");
        assertThat(couriers.assign(deliveryId, bob).status()).isEqualTo(202);
        awaitReleased(anna, unassigned.assignmentId());
    }

    @Test
    void a_reassigned_delivery_moves_its_room_from_one_courier_to_the_other() {
        String anna = couriers.onShift(1);
        String bob = couriers.onShift(1);
        String deliveryId = couriers.delivery(ParcelSize.SMALL);
        couriers.assign(deliveryId, anna);
        couriers.act(anna, deliveryId, "accept", null);

        assertThat(couriers.reassign(deliveryId, bob).status()).isEqualTo(202);

        String annasAssignment = couriers.events(deliveryId, CourierAssigned.class).get(0).assignmentId();
        assertThat(couriers.events(bob, CourierTookDelivery.class)).singleElement()
                .extracting(took -> took.deliveryId().value()).isEqualTo(deliveryId);
        awaitReleased(anna, annasAssignment);
        assertProblem(couriers.act(anna, deliveryId, "pick-up", null), 409, "delivery.not-the-assigned-courier");
        assertThat(couriers.act(bob, deliveryId, "pick-up", null).status()).isEqualTo(202);
    }

    @Test
    void a_courier_fails_their_delivery_with_a_reason() {
        String courierId = couriers.onShift(1);
        String deliveryId = couriers.pickedUpBy(courierId);

        assertProblem(couriers.act(courierId, deliveryId, "fail", "{\"reason\":\"\"}"), 400, "invalid-request");
        assertThat(couriers.act(courierId, deliveryId, "fail", "{\"reason\":\"nobody home\"}").status()).isEqualTo(202);

        DeliveryFailed failed = couriers.events(deliveryId, DeliveryFailed.class).get(0);
        assertThat(failed.reason()).isEqualTo("nobody home");
        awaitReleased(courierId, failed.assignmentId());
    }

    @Test
    void the_courier_api_follows_the_courier_rules() {
        String courierId = couriers.register(2);
        String deliveryId = couriers.delivery(ParcelSize.MEDIUM);

        assertProblem(couriers.assign(deliveryId, courierId), 409, "courier.off-shift");
        assertProblem(http.post("/api/couriers/" + courierId + "/location", Couriers.location(1, 1)),
                409, "courier.location-off-shift");
        assertProblem(http.post("/api/couriers/" + courierId + "/shift/end", null), 409, "courier.shift-not-started");
        assertThat(couriers.startShift(courierId).status()).isEqualTo(202);
        assertProblem(couriers.startShift(courierId), 409, "courier.already-on-shift");
        assertThat(http.post("/api/couriers/" + courierId + "/location", Couriers.location(-33.87, 151.21)).status())
                .isEqualTo(202);
        assertThat(couriers.assign(deliveryId, courierId).status()).isEqualTo(202);
        assertProblem(http.post("/api/couriers/" + courierId + "/shift/end", null), 409, "courier.holds-deliveries");
        assertProblem(http.post("/api/couriers/" + courierId + "/capacity", "{\"capacity\":1}"),
                409, "courier.capacity-below-load");
        assertThat(http.post("/api/couriers/" + courierId + "/capacity", "{\"capacity\":3}").status()).isEqualTo(202);
        assertProblem(couriers.assign(deliveryId, courierId), 409, "delivery.not-awaiting-courier");
        assertProblem(couriers.act(courierId, deliveryId, "deliver", null), 409, "delivery.not-picked-up");
    }

    @Test
    void coordinates_out_of_range_are_named_field_by_field() {
        String courierId = couriers.register(1);

        Reply reply = http.post("/api/couriers/" + courierId + "/shift/start", Couriers.location(91, -181));
        assertProblem(reply, 400, "invalid-request");
        assertThat(fields(reply)).containsExactlyInAnyOrder("latitude", "longitude");
        assertThat(fields(http.post("/api/couriers/" + courierId + "/shift/start", "{\"latitude\":10}")))
                .containsExactly("longitude");
        assertThat(fields(http.post("/api/couriers/" + courierId + "/location", Couriers.location(-90.5, 0))))
                .containsExactly("latitude");
    }

    @Test
    void bad_input_is_a_400_naming_the_field() {
        assertThat(fields(http.post("/api/couriers", "{\"name\":\" \",\"capacity\":0}")))
                .containsExactlyInAnyOrder("name", "capacity");
        assertThat(fields(http.post("/api/couriers", "{\"name\":\"X\",\"capacity\":51}"))).containsExactly("capacity");
        assertThat(fields(http.post("/api/couriers", "{\"name\":\"" + "n".repeat(201) + "\",\"capacity\":1}")))
                .containsExactly("name");
        String courierId = couriers.register(1);
        assertThat(fields(http.post("/api/couriers/" + courierId + "/capacity", "{}"))).containsExactly("capacity");
        String deliveryId = couriers.delivery(ParcelSize.SMALL);
        assertThat(fields(couriers.assign(deliveryId, "not-a-uuid"))).containsExactly("courierId");
        assertThat(fields(couriers.act(courierId, deliveryId, "deliver", "{\"photoReference\":\"" + "p".repeat(201) + "\"}")))
                .containsExactly("photoReference");
        assertThat(fields(couriers.act(courierId, "not-a-uuid", "accept", null))).containsExactly("deliveryId");
        assertThat(fields(http.post("/api/couriers/not-a-uuid/shift/end", null))).containsExactly("courierId");
    }

    @Test
    void unknown_couriers_and_deliveries_are_404() {
        String unknown = UUID.randomUUID().toString();
        String courierId = couriers.onShift(1);
        String deliveryId = couriers.delivery(ParcelSize.SMALL);

        assertProblem(couriers.startShift(unknown), 404, "not-found");
        assertProblem(http.post("/api/couriers/" + unknown + "/shift/end", null), 404, "not-found");
        assertProblem(http.post("/api/couriers/" + unknown + "/location", Couriers.location(0, 0)), 404, "not-found");
        assertProblem(http.post("/api/couriers/" + unknown + "/capacity", "{\"capacity\":2}"), 404, "not-found");
        assertProblem(couriers.assign(unknown, courierId), 404, "not-found");
        assertProblem(couriers.assign(deliveryId, unknown), 404, "not-found");
        assertProblem(couriers.act(courierId, unknown, "accept", null), 404, "not-found");
        assertThat(couriers.events(deliveryId)).singleElement().isInstanceOf(DeliveryCreated.class);
    }

    @Test
    void the_openapi_document_describes_the_courier_api() {
        var paths = http.get("/v3/api-docs").json().path("paths");
        assertThat(paths.has("/api/couriers")).isTrue();
        assertThat(paths.has("/api/couriers/{courierId}/shift/start")).isTrue();
        assertThat(paths.has("/api/couriers/{courierId}/deliveries/{deliveryId}/deliver")).isTrue();
        assertThat(paths.has("/api/deliveries/{deliveryId}/assign")).isTrue();
    }

    private void awaitReleased(String courierId, String assignmentId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> couriers.events(courierId, CourierReleasedDelivery.class)
                .stream().anyMatch(released -> released.assignmentId().equals(assignmentId)));
    }

    private static List<String> fields(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return StreamSupport.stream(reply.json().path("errors").spliterator(), false)
                .map(error -> error.path("field").asText()).toList();
    }
}
