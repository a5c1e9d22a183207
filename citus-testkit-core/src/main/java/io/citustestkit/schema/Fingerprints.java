package io.citustestkit.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 digests of schema content, for {@link SchemaSource#fingerprint()}. */
final class Fingerprints {

    private Fingerprints() {
    }

    /** The hexadecimal SHA-256 of the parts, each length-prefixed so that no two lists collide. */
    static String sha256(String... parts) {
        return sha256(Arrays.stream(parts).map(part -> part.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** The hexadecimal SHA-256 of binary parts (file contents), each length-prefixed like {@link #sha256(String...)}. */
    static String sha256(List<byte[]> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] bytes : parts) {
                digest.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
