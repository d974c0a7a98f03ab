package io.pantrade.app;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

/** A whole engine started on a data directory, to be stopped and started again like a real process. */
final class Engine implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private Engine(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static Engine start(Path dataDir, String... extraProperties) {
        String[] args = new String[extraProperties.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--pantrade.data-dir=" + dataDir;
        for (int i = 0; i < extraProperties.length; i++) {
            args[i + 2] = "--" + extraProperties[i];
        }
        return new Engine(new SpringApplicationBuilder(PantradeApplication.class).run(args));
    }

    Http http() {
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
