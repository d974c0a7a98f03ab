package io.pantrade.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Development secrets the embedded mode makes at first start (the master key, the webhook secret):
 * random bytes, base64, in an owner-only file of the data directory. Production takes them from
 * configuration instead.
 */
public final class SecretFiles {

    private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /** @return the file's text (base64), first creating it (0600) with {@code bytes} random bytes if it does not exist */
    public static String readOrCreate(Path file, int bytes) {
        try {
            if (Files.notExists(file)) {
                create(file.toAbsolutePath(), bytes);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }

    private static void create(Path file, int bytes) throws IOException {
        Path directory = Files.createDirectories(file.getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            writeDurably(temporary, randomBase64(bytes));
            // A link, unlike a move, never replaces a file: if two processes start at once, the
            // first secret stays and both read it.
            Files.createLink(file, temporary);
            log.info("Created a new secret in {}", file);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            log.info("The secret in {} was created by another process", file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] randomBase64(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        try {
            return Base64.getEncoder().encode(secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content));
            channel.force(true);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
    }
}
