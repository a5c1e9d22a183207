package io.citustestkit.node;

import org.apiguardian.api.API;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The SCRAM-SHA-256 verifier of a password, in the form PostgreSQL stores
 * ({@code SCRAM-SHA-256$4096:salt$StoredKey:ServerKey}, RFC 5802 / 7677). PostgreSQL accepts such a
 * string wherever a password is set and stores it as it is, so the kit hands Docker (whose client logs
 * container environments and exec commands at DEBUG) only the verifier, never the password: it lets
 * the server check a login but cannot be used to log in.
 */
@API(status = INTERNAL, since = "0.1")
public final class ScramVerifier {

    private static final int ITERATIONS = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScramVerifier() {
    }

    public static String of(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return of(password, salt, ITERATIONS);
    }

    public static String of(String password, byte[] salt, int iterations) {
        try {
            SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] saltedPassword = pbkdf2.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            byte[] clientKey = hmac(saltedPassword, "Client Key");
            byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
            byte[] serverKey = hmac(saltedPassword, "Server Key");
            Base64.Encoder base64 = Base64.getEncoder();
            return "SCRAM-SHA-256$" + iterations + ":" + base64.encodeToString(salt) + "$" + base64.encodeToString(storedKey) + ":"
                    + base64.encodeToString(serverKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 and HmacSHA256 are part of every Java 17 runtime", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    /** 24 URL-safe characters (144 bits) from a secure random source. */
    public static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
