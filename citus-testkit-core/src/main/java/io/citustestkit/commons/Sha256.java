package io.citustestkit.commons;

import org.apiguardian.api.API;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * SHA-256 over lines of text, as the kit's keys and fingerprints use it (snapshot keys, the metadata a
 * snapshot recorded, the initialised image's tag): each line is followed by a newline, so that no two
 * lists of lines that differ give the same input.
 *
 * <pre>{@code
 * String hex = Sha256.ofLines(List.of("workers 2", "shards 4")); // 64 hexadecimal characters
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class Sha256 {

    private Sha256() {
    }

    /**
     * The digest of {@code lines}, each followed by a newline.
     *
     * @param lines the lines, in order
     * @return 64 lower-case hexadecimal characters
     */
    public static String ofLines(List<String> lines) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        for (String line : lines) {
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
