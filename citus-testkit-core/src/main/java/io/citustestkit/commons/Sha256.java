package io.citustestkit.commons;

import org.apiguardian.api.API;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The kit's one SHA-256 helper, for its keys and fingerprints (snapshot keys, the metadata a snapshot
 * recorded, the initialised image's tag, schema fingerprints): each part is framed by its length
 * ({@code <length>:} then its bytes), so that no two different lists of parts give the same input,
 * whatever the parts contain (newlines, binary file contents).
 *
 * <pre>{@code
 * String hex = Sha256.ofText(List.of("workers 2", "shards 4")); // 64 hexadecimal characters
 * String files = Sha256.ofBytes(List.of(Files.readAllBytes(v1), Files.readAllBytes(v2)));
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Sha256 {

    private Sha256() {
    }

    /**
     * The digest of text parts (as UTF-8), each framed by its length.
     *
     * @param parts the parts, in order
     * @return 64 lower-case hexadecimal characters
     */
    public static String ofText(List<String> parts) {
        return ofBytes(parts.stream().map(part -> part.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /**
     * The digest of binary parts, each framed by its length.
     *
     * @param parts the parts, in order
     * @return 64 lower-case hexadecimal characters
     */
    public static String ofBytes(List<byte[]> parts) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        for (byte[] part : parts) {
            digest.update((part.length + ":").getBytes(StandardCharsets.UTF_8));
            digest.update(part);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
