package io.pantrade.app.retail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pantrade.command.idempotency.CommitDurability;
import io.pantrade.command.order.OrderPlacement;
import io.pantrade.kernel.behaviour.ProductCatalogued;
import io.pantrade.kernel.privacy.PersonalDataCipher;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * {@code java -jar pantrade.jar import-online-retail --file online_retail.csv.gz}: starts the engine
 * on its data directory without the web server and replays the UCI Online Retail file through the
 * command path, its invoices as historical orders and returns. Several invoices are in flight at
 * once (each is its own aggregate); the file is read once, in order, streaming.
 */
public final class OnlineRetailImport {

    public static final String COMMAND = "import-online-retail";
    static final String CITATION = "Daqing Chen, \"Online Retail\", UCI Machine Learning Repository, 2015, "
            + "doi:10.24432/C5BW33 (CC BY 4.0)";
    private static final String USAGE = "usage: java -jar pantrade.jar " + COMMAND
            + " --file <online_retail.csv[.gz]> [--data-dir <dir>] [--in-flight <invoices, default 8>]"
            + " [--show-problems <lines, default 20>] [--<property>=<value> ...]";

    private final Options options;
    private final PrintStream out;
    private final PrintStream err;

    private OnlineRetailImport(Options options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /**
     * @param application the engine's Spring Boot application class
     * @return the exit code: 0 when the whole file was read and every invoice imported or reported,
     * 1 when a fault stopped it, 2 for a usage error
     */
    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException wrongUsage) {
            err.println(wrongUsage.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (!Files.isRegularFile(options.file())) {
            err.println("no such file: " + options.file());
            return 2;
        }
        // the engine's start-up and shutdown lines would bury the summary; --logging.level.root=info shows them
        try (ConfigurableApplicationContext engine = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).properties("logging.level.root=warn")
                .run(options.springArguments().toArray(String[]::new))) {
            return new OnlineRetailImport(options, out, err).importInto(engine);
        } catch (IOException unreadable) {
            err.println("cannot read " + options.file() + ": " + unreadable.getMessage());
            return 1;
        } catch (UncheckedIOException unreadable) {
            // what was sent before stays imported; importing again resumes safely
            err.println(unreadable.getMessage() + ": " + unreadable.getCause().getMessage());
            return 1;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return 1;
        }
    }

    private int importInto(ConfigurableApplicationContext engine) throws IOException, InterruptedException {
        stopEventProcessors(engine);
        Catalogue catalogue = Catalogue.readFrom(engine.getBean(EventStore.class));
        long size = Files.size(options.file());
        try (CountingInputStream file = new CountingInputStream(Files.newInputStream(options.file()));
             Reader text = new InputStreamReader(decompressed(file, options.file()), StandardCharsets.UTF_8)) {
            Progress progress = new Progress(err, System.console() != null, file::count, size);
            Tally tally = new Tally(progress::printAbove, options.problemsShown());
            InvoiceSender sender = new InvoiceSender(engine.getBean(CommandGateway.class), engine.getBean(OrderPlacement.class),
                    engine.getBean(EventGateway.class), engine.getBean(PersonalDataCipher.class),
                    engine.getBean(ObjectMapper.class), tally);
            progress.start(tally);
            try (progress; RetailRows rows = new RetailRows(text, tally)) {
                sendAll(new Invoices(rows, tally), catalogue, sender, tally);
            }
            engine.getBeanProvider(CommitDurability.class).getIfAvailable(() -> CommitDurability.ALREADY_DURABLE)
                    .awaitDurable();
            printSummary(tally, catalogue, progress.elapsed());
            return tally.faults.sum() == 0 ? 0 : 1;
        }
    }

    /**
     * The import only writes events. Read models, sagas and policies catch up at the engine's next
     * start (in the embedded mode its read models are in memory, so whatever they built here would
     * be thrown away at exit); meanwhile both cores go to the command path.
     */
    private static void stopEventProcessors(ConfigurableApplicationContext engine) {
        engine.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                .forEach(EventProcessor::shutDown);
    }

    private static InputStream decompressed(InputStream file, Path name) throws IOException {
        return name.toString().endsWith(".gz") ? new GZIPInputStream(file, 1 << 16) : new BufferedInputStream(file, 1 << 16);
    }

    /** The reader waits while every sender is busy and one invoice waits for each, so memory stays flat. */
    private void sendAll(Invoices invoices, Catalogue catalogue, InvoiceSender sender, Tally tally)
            throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(options.inFlight(), runnable -> {
            Thread thread = new Thread(runnable, "import-sender");
            thread.setDaemon(true);
            return thread;
        });
        Semaphore room = new Semaphore(2 * options.inFlight());
        try {
            for (Invoice invoice = invoices.next(); invoice != null && tally.faults.sum() == 0; invoice = invoices.next()) {
                List<ProductCatalogued> newProducts = catalogue.newIn(invoice);
                room.acquire();
                Invoice sending = invoice;
                senders.execute(() -> {
                    try {
                        sender.send(sending, newProducts);
                    } finally {
                        room.release();
                    }
                });
            }
        } finally {
            senders.shutdown();
            if (!senders.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("invoices still being sent after 10 minutes");
            }
        }
    }

    private void printSummary(Tally tally, Catalogue catalogue, Duration took) {
        double seconds = Math.max(1e-3, took.toNanos() / 1e9);
        out.printf("""
                Online Retail import of %s
                  data set:                 %s
                  rows read:                %,d
                  invoices:                 %,d orders, %,d returns (an invoice imported before is left as it was)
                  invoices refused:         %,d %s
                  customers:                %,d
                  products:                 %,d (%,d catalogued now, the others already were)
                  rows without a customer:  %,d (skipped)
                  bad rows:                 %,d
                  problems not shown:       %,d
                  duration:                 %s (%,.0f rows/s, %,.0f invoices/s)
                %s%n""",
                options.file(), CITATION, tally.rowsRead.sum(), tally.orders.sum(), tally.returns.sum(),
                tally.refused.sum(), tally.refusedByCode(), tally.customers(), catalogue.products(),
                catalogue.published(), tally.withoutCustomer.sum(), tally.badRows.sum(), tally.problemsNotShown(),
                Progress.format(took), tally.rowsRead.sum() / seconds, tally.invoices() / seconds,
                tally.faults.sum() == 0 ? "done" : "STOPPED by a fault (above); importing again resumes safely");
    }

    /** Its own options, then any Spring property of the engine as {@code --name=value}. */
    record Options(Path file, List<String> springArguments, int inFlight, int problemsShown) {

        private static final Set<String> OWN = Set.of("--file", "--data-dir", "--in-flight", "--show-problems");

        static Options parse(String[] args) {
            Path file = null;
            int inFlight = 8;
            int problemsShown = 20;
            List<String> spring = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                if (!OWN.contains(name)) {
                    if (!arg.startsWith("--") || equals < 0) {
                        throw new IllegalArgumentException("unknown argument: " + arg);
                    }
                    spring.add(arg);
                    continue;
                }
                String value = equals >= 0 ? arg.substring(equals + 1) : valueAfter(args, ++i, name);
                switch (name) {
                    case "--file" -> file = Path.of(value);
                    case "--data-dir" -> spring.add("--pantrade.data-dir=" + value);
                    case "--in-flight" -> inFlight = positive(value, name);
                    default -> problemsShown = positive(value, name);
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("--file is required");
            }
            return new Options(file, List.copyOf(spring), inFlight, problemsShown);
        }

        private static String valueAfter(String[] args, int index, String name) {
            if (index >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[index];
        }

        private static int positive(String value, String name) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException notANumber) {
                // reported below, like any other unusable value
            }
            throw new IllegalArgumentException(name + " must be a positive whole number, not " + value);
        }
    }
}
