package io.pantrade.bench;

import io.pantrade.kernel.crypto.ClientKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * A signing client's private key in a PEM (PKCS#8) file that only its owner may read: written by
 * {@code client-key}, read by the payment load. Ed25519 or EC P-256, as the engine accepts.
 */
final class ClientKeyFile {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private ClientKeyFile() {
    }

    /**
     * {@code client-key FILE}: a new Ed25519 key pair; the private key goes to FILE, which must not
     * exist yet, the base64 SubjectPublicKeyInfo of the public key to stdout, as the engine's
     * {@code pantrade.signing.clients.<client-id>} property takes it.
     */
    static int run(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: client-key PRIVATE_KEY_FILE");
            return 2;
        }
        KeyPair pair = ClientKeys.newEd25519();
        try {
            write(Path.of(args[0]), pair.getPrivate());
        } catch (FileAlreadyExistsException e) {
            System.err.println("client-key: " + args[0] + " exists; a key file is never overwritten");
            return 2;
        }
        System.out.println(ClientKeys.base64Spki(pair.getPublic()));
        return 0;
    }

    /** Creates the file with owner-only permissions before any key byte is written. */
    static void write(Path file, PrivateKey key) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(key.getEncoded())
                + "\n" + END + "\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    /** @throws IllegalArgumentException if the file is readable by others or holds no key we can sign with */
    static PrivateKey read(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalArgumentException(file + " is open to others (" + PosixFilePermissions.toString(permissions)
                    + "): a private key file must be readable by its owner only");
        }
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException(file + " holds no PEM PKCS#8 private key (" + BEGIN + ")");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        for (String algorithm : new String[]{"Ed25519", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // try the other accepted kind
            }
        }
        throw new IllegalArgumentException(file + " holds neither an Ed25519 nor an EC private key");
    }
}
