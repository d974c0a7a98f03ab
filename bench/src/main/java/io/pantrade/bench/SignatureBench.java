package io.pantrade.bench;

import io.pantrade.kernel.crypto.CanonicalRequest;
import io.pantrade.kernel.crypto.ClientKeys;
import io.pantrade.kernel.crypto.RequestSigner;
import io.pantrade.kernel.crypto.RequestVerifier;
import io.pantrade.kernel.crypto.WebhookSecret;
import io.pantrade.kernel.crypto.WebhookSigner;
import io.pantrade.kernel.crypto.WebhookVerdict;
import io.pantrade.kernel.crypto.WebhookVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What checking a signed payment request and a provider webhook costs per request, on a typical
 * 300-byte JSON body; and, for comparison, the same two signature checks by the JDK's own
 * implementation (SunEC), which the engine does not use. Run from the classes, not the repackaged
 * jar (JMH forks a JVM on the class path):
 * <pre>
 *   ./mvnw -o -q -pl bench -am compile dependency:build-classpath -Dmdep.outputFile=/tmp/bench.cp
 *   java -cp bench/target/classes:$(cat /tmp/bench.cp) org.openjdk.jmh.Main SignatureBench -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SignatureBench {

    private static final String PATH = "/api/payments/7c9e6679-7425-40de-944b-e07fc1f90ae7/capture";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private byte[] body;
    private long timestamp;
    private String nonce;
    private byte[] canonical;
    private RequestVerifier ed25519;
    private String ed25519Signature;
    private RequestVerifier p256;
    private String p256DerSignature;
    private String p256P1363Signature;
    private KeyPair ed25519Keys;
    private KeyPair p256Keys;
    private WebhookVerifier webhooks;
    private String webhookHeader;

    @Setup
    public void setUp() throws GeneralSecurityException {
        body = typicalBody();
        timestamp = NOW.getEpochSecond();
        nonce = RequestSigner.newNonce();
        canonical = CanonicalRequest.of("POST", PATH, timestamp, nonce, body);

        ed25519Keys = ClientKeys.newEd25519();
        ed25519 = RequestVerifier.fromBase64Spki(ClientKeys.base64Spki(ed25519Keys.getPublic()));
        ed25519Signature = new RequestSigner("shop-web", ed25519Keys.getPrivate(), CLOCK)
                .sign("POST", PATH, body, timestamp, nonce).signature();

        p256Keys = ClientKeys.newP256();
        p256 = RequestVerifier.fromBase64Spki(ClientKeys.base64Spki(p256Keys.getPublic()));
        p256DerSignature = new RequestSigner("pos-7", p256Keys.getPrivate(), CLOCK)
                .sign("POST", PATH, body, timestamp, nonce).signature();
        Signature webCrypto = Signature.getInstance("SHA256withECDSAinP1363Format");
        webCrypto.initSign(p256Keys.getPrivate());
        webCrypto.update(canonical);
        p256P1363Signature = Base64.getEncoder().encodeToString(webCrypto.sign());

        WebhookSecret secret = WebhookSecret.of("whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
        webhooks = new WebhookVerifier(List.of(secret), WebhookVerifier.DEFAULT_TOLERANCE, CLOCK);
        webhookHeader = new WebhookSigner(secret, CLOCK).sign(body);
        check();
    }

    @Benchmark
    public boolean ed25519Verify() {
        return ed25519.verify(canonical, ed25519Signature);
    }

    @Benchmark
    public boolean p256VerifyDer() {
        return p256.verify(canonical, p256DerSignature);
    }

    @Benchmark
    public boolean p256VerifyP1363() {
        return p256.verify(canonical, p256P1363Signature);
    }

    @Benchmark
    public boolean jdkEd25519Verify() throws GeneralSecurityException {
        return jdkVerify("Ed25519", ed25519Keys, ed25519Signature);
    }

    @Benchmark
    public boolean jdkP256VerifyDer() throws GeneralSecurityException {
        return jdkVerify("SHA256withECDSA", p256Keys, p256DerSignature);
    }

    @Benchmark
    public WebhookVerdict webhookHmacVerify() {
        return webhooks.verify(webhookHeader, body);
    }

    /** The canonical form with the SHA-256 of the body: the work before any signature is checked. */
    @Benchmark
    public byte[] canonicalFormWithBodyHash() {
        return CanonicalRequest.of("POST", PATH, timestamp, nonce, body);
    }

    private boolean jdkVerify(String algorithm, KeyPair keys, String signature) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm, "SunEC");
        verifier.initVerify(keys.getPublic());
        verifier.update(canonical);
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    /** A benchmark of a check that fails measures nothing useful. */
    private void check() throws GeneralSecurityException {
        if (!ed25519Verify() || !p256VerifyDer() || !p256VerifyP1363() || webhookHmacVerify() != WebhookVerdict.VALID
                || !jdkEd25519Verify() || !jdkP256VerifyDer()) {
            throw new IllegalStateException("a benchmarked signature does not verify");
        }
    }

    private static byte[] typicalBody() {
        String json = """
                {"orderId":"0b8f4e5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b","amount":{"amountMinor":125000,"currency":"EUR"},\
                "paymentMethodId":"pm_5f2c9a7e-3b1d-4c8e-9f60-a7b8c9d0e1f2","capture":"automatic",\
                "customerId":"3f2c1a4e-5b6d-4c7e-8f90-a1b2c3d4e5f6","reference":"INV-2025-000417","note":"x\"""";
        StringBuilder padded = new StringBuilder(json);
        while (padded.length() < 298) {
            padded.append('x');
        }
        return padded.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
