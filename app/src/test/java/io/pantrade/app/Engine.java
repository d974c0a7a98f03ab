package io.pantrade.app;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A whole engine started on a data directory, to be stopped and started again like a real process. */
final class Engine implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Engine(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The test payment client and webhook secret are registered; {@code extraProperties} are name=value. */
    static Engine start(Path dataDir, String... extraProperties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--pantrade.data-dir=" + dataDir));
        Payments.engineProperties().forEach((name, value) -> args.add("--" + name + "=" + value));
        Arrays.stream(extraProperties).forEach(property -> args.add("--" + property));
        return new Engine(new SpringApplicationBuilder(PantradeApplication.class).run(args.toArray(String[]::new)));
    }

    /** Signs its POSTs as the test payment client. */
    Http http() {
        return unsignedHttp().signedAs(Payments.signer());
    }

    Http unsignedHttp() {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
