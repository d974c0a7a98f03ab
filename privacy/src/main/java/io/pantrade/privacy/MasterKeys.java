package io.pantrade.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
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
 * The master key that wraps every subject key, and any other 256-bit secret of the engine: from
 * configuration, or a file made at first start.
 */
public final class MasterKeys {

    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MasterKeys() {
    }

    /**
     * @param what names the key in error messages, e.g. "the master key"
     * @throws IllegalArgumentException unless the text is base64 of exactly 32 bytes; never quotes it
     */
    public static SecretKey fromBase64(String base64, String what) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            // Not chained: the decoder's message quotes a character of the key.
            throw new IllegalArgumentException(what + " is not valid base64");
        }
        try {
            if (bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException(what + " must be " + KEY_BYTES
                        + " bytes (256 bits) once base64-decoded, but it is " + bytes.length);
            }
            return new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Reads the key from {@code file}, first creating it (owner-only, 0600) with a random key if it
     * does not exist. Back a master key file up: without it nothing sealed under its keys can be read.
     */
    public static SecretKey loadOrCreate(Path file, String what) {
        try {
            if (Files.notExists(file)) {
                create(file.toAbsolutePath(), what);
            }
            return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), what);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the file of " + what + ": " + file, e);
        } catch (IllegalArgumentException badKey) {
            throw new IllegalArgumentException(badKey.getMessage() + " (in " + file + ")");
        }
    }

    private static void create(Path file, String what) throws IOException {
        Path directory = Files.createDirectories(file.getParent(),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path temporary = Files.createTempFile(directory, file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            writeDurably(temporary, randomKeyInBase64());
            // A link, unlike a move, never replaces a file: if two processes start at once, the
            // first key stays and both read it.
            Files.createLink(file, temporary);
            log.info("Created {} in {}", what, file);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            log.info("{} in {} was created by another process", what, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] randomKeyInBase64() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        try {
            return Base64.getEncoder().encode(key);
        } finally {
            Arrays.fill(key, (byte) 0);
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
