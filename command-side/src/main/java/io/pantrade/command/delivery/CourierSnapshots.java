package io.pantrade.command.delivery;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A courier's stream grows by two events per delivery (taken, released) all shift long, and every
 * assignment loads it: without snapshots each load replays the whole working day. A snapshot every
 * {@code pantrade.couriers.snapshot-every} events bounds that (the state is small: capacity, shift,
 * the holds of the moment).
 */
@Configuration(proxyBeanMethods = false)
class CourierSnapshots {

    static final String TRIGGER = "courierSnapshotTrigger";

    @Bean(name = TRIGGER)
    SnapshotTriggerDefinition courierSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${pantrade.couriers.snapshot-every:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
