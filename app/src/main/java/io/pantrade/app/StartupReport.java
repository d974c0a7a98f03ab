package io.pantrade.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who just started the engine where its data lives and what to open. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ObjectProvider<DataDirectory> dataDirectory;
    private final ReadModelStore.MongoConnection mongo;
    private final DeadlineStorage deadlines;

    StartupReport(ObjectProvider<DataDirectory> dataDirectory, ReadModelStore.MongoConnection mongo,
                  DeadlineStorage deadlines) {
        this.dataDirectory = dataDirectory;
        this.mongo = mongo;
        this.deadlines = deadlines;
    }

    /** Not in a run without the web server (an import), which reports on its own. */
    @EventListener
    void ready(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        String base = "http://localhost:" + port;
        String events = dataDirectory.stream().findFirst()
                .map(directory -> "H2 file database in " + directory.path())
                .orElse("Axon Server");
        log.info("""
                Pantrade is ready
                  events:      {}
                  read models: {}
                  deadlines:   {}
                  API:         {}/api/orders
                  Swagger UI:  {}/swagger-ui.html   (OpenAPI: {}/v3/api-docs)
                  metrics:     {}/actuator/prometheus""",
                events, mongo.description(), deadlines.location(), base, base, base, base);
    }
}
