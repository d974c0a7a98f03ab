package io.pantrade.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the embedded mode keeps everything that must survive a restart. */
record DataDirectory(Path path) {

    static DataDirectory create(String configured) {
        Path path = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + path, e);
        }
        return new DataDirectory(path);
    }
}
