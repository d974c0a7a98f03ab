package io.pantrade.app;

import io.pantrade.app.retail.OnlineRetailImport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.Arrays;

@SpringBootApplication(scanBasePackages = "io.pantrade")
@EnableScheduling
public class PantradeApplication {

    public static void main(String[] args) {
        // read by Axon only as a system property; the engine makes no outbound call of any kind
        System.setProperty("axoniq.update-checker.disabled", "true");
        // H2 interns every string value it reads or writes in a cache; hashing event payload columns
        // for it cost more than the cache saves (measured under load, see README)
        System.setProperty("h2.objectCache", "false");
        if (args.length > 0 && args[0].equals(OnlineRetailImport.COMMAND)) {
            System.exit(OnlineRetailImport.run(PantradeApplication.class, Arrays.copyOfRange(args, 1, args.length),
                    System.out, System.err));
        }
        SpringApplication.run(PantradeApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
