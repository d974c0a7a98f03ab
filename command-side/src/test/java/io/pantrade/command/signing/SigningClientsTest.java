package io.pantrade.command.signing;

import io.pantrade.kernel.crypto.ClientKeys;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client keys from configuration: a bad one stops the start, naming the client and quoting nothing. */
class SigningClientsTest {

    @Test
    void registers_ed25519_and_p256_clients() throws Exception {
        SigningClients clients = SigningClients.fromConfiguration(Map.of(
                "shop-web", ClientKeys.base64Spki(ClientKeys.newEd25519().getPublic()),
                "pos-7", ClientKeys.base64Spki(ClientKeys.newP256().getPublic())));

        assertThat(clients.find("shop-web").algorithm()).isEqualTo("Ed25519");
        assertThat(clients.find("pos-7").algorithm()).isEqualTo("ECDSA P-256");
        assertThat(clients.find("someone-else")).isNull();
        assertThat(clients.describe()).isEqualTo("pos-7 (ECDSA P-256), shop-web (Ed25519)");
    }

    @Test
    void no_clients_is_a_valid_configuration_that_accepts_nobody() {
        SigningClients clients = SigningClients.fromConfiguration(Map.of());

        assertThat(clients.find("shop-web")).isNull();
        assertThat(clients.describe()).isEqualTo("none");
    }

    @Test
    void an_rsa_key_or_another_curve_stops_the_start_naming_the_client() throws Exception {
        String rsa = ClientKeys.base64Spki(generate("RSA", null).getPublic());
        String p384 = ClientKeys.base64Spki(generate("EC", "secp384r1").getPublic());

        assertThatThrownBy(() -> SigningClients.fromConfiguration(ordered("shop-web", ClientKeys.base64Spki(ClientKeys.newEd25519().getPublic()),
                "legacy-erp", rsa)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("pantrade.signing.clients.legacy-erp: RSA keys are not accepted: use Ed25519 or EC P-256");
        assertThatThrownBy(() -> SigningClients.fromConfiguration(Map.of("pos-7", p384)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("pantrade.signing.clients.pos-7: EC keys must be on curve P-256")
                .hasMessageNotContaining(p384.substring(30, 50));
    }

    @Test
    void a_key_that_is_not_a_public_key_stops_the_start_without_being_quoted() throws Exception {
        String privateKey = Base64.getEncoder().encodeToString(ClientKeys.newEd25519().getPrivate().getEncoded());

        assertThatThrownBy(() -> SigningClients.fromConfiguration(Map.of("shop-web", privateKey)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("pantrade.signing.clients.shop-web: ")
                .hasMessageNotContaining(privateKey.substring(16, 40));
        assertThatThrownBy(() -> SigningClients.fromConfiguration(Map.of("shop-web", "c2VjcmV0?")))
                .hasMessage("pantrade.signing.clients.shop-web: the public key is not valid base64");
        assertThatThrownBy(() -> SigningClients.fromConfiguration(Map.of("shop-web", "")))
                .hasMessage("pantrade.signing.clients.shop-web: the public key is missing");
    }

    @Test
    void a_client_id_the_filter_could_never_match_stops_the_start() throws Exception {
        String key = ClientKeys.base64Spki(ClientKeys.newEd25519().getPublic());

        for (String id : new String[]{"Shop-Web", "shop:web", "-shop", "x".repeat(65)}) {
            assertThatThrownBy(() -> SigningClients.fromConfiguration(Map.of(id, key))).as(id)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a client id is 1 to 64 lowercase letters, digits or '-'");
        }
    }

    private static KeyPair generate(String algorithm, String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (curve != null) {
            generator.initialize(new ECGenParameterSpec(curve));
        }
        return generator.generateKeyPair();
    }

    private static Map<String, String> ordered(String... idsAndKeys) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < idsAndKeys.length; i += 2) {
            map.put(idsAndKeys[i], idsAndKeys[i + 1]);
        }
        return map;
    }
}
