package io.pantrade.kernel.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/**
 * The two algorithms a client may sign with, recognised from its key. Signatures are made and
 * checked by BouncyCastle through JCA: on JDK 17 its Ed25519 verification takes ~50 µs against the
 * JDK's ~380 µs, its P-256 ~140 µs against ~660 µs (bench {@code SignatureBench}), and every signed
 * payment request pays for one. The provider is used by name here only, not installed in the
 * JVM, so nothing else (TLS, key stores) changes implementation.
 */
enum SigningAlgorithm {

    ED25519("Ed25519", "Ed25519"),
    /** DER-encoded signatures, as Java and most libraries produce them. */
    ECDSA_P256("ECDSA P-256", "SHA256withECDSA");

    /**
     * The fixed-size r||s encoding WebCrypto produces (IEEE P1363, BouncyCastle's "plain" ECDSA);
     * only ECDSA has a second encoding.
     */
    static final String ECDSA_P1363 = "SHA256withPLAIN-ECDSA";
    static final int P1363_SIGNATURE_BYTES = 64;

    private static final ECParameterSpec P256 = namedCurve("secp256r1");

    private final String displayName;
    private final String jcaName;

    SigningAlgorithm(String displayName, String jcaName) {
        this.displayName = displayName;
        this.jcaName = jcaName;
    }

    static SigningAlgorithm of(Key key) {
        if (key instanceof EdECKey edwards) {
            String curve = edwards.getParams().getName();
            if (!"Ed25519".equalsIgnoreCase(curve)) {
                throw new UnsupportedKeyException(curve + " keys are not accepted: use Ed25519 or EC P-256");
            }
            return ED25519;
        }
        if (key instanceof ECKey ec) {
            if (!isP256(ec.getParams())) {
                throw new UnsupportedKeyException("EC keys must be on curve P-256 (secp256r1); this one is on a "
                        + ec.getParams().getCurve().getField().getFieldSize() + "-bit curve that is not P-256");
            }
            return ECDSA_P256;
        }
        throw new UnsupportedKeyException(key.getAlgorithm() + " keys are not accepted: use Ed25519 or EC P-256");
    }

    String displayName() {
        return displayName;
    }

    Signature newSignature() {
        return signature(jcaName);
    }

    static Signature signature(String jcaName) {
        try {
            return Signature.getInstance(jcaName, BouncyCastle.PROVIDER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(jcaName + " is missing from BouncyCastle", e);
        }
    }

    private static boolean isP256(ECParameterSpec spec) {
        return spec.getCurve().equals(P256.getCurve())
                && spec.getGenerator().equals(P256.getGenerator())
                && spec.getOrder().equals(P256.getOrder())
                && spec.getCofactor() == P256.getCofactor();
    }

    private static ECParameterSpec namedCurve(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is missing from this Java runtime", e);
        }
    }

    /** Built on first use: the provider's constructor registers all of its algorithms (~0.2 s). */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
