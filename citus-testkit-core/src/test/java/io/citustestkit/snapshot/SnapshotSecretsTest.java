package io.citustestkit.snapshot;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The password a snapshot was made with: kept for this user only, replaced, forgotten with the snapshot. */
class SnapshotSecretsTest {

    @Test
    void should_keep_the_password_readable_by_this_user_only_and_forget_it() throws Exception {
        SnapshotKey key = new SnapshotKey(UUID.randomUUID().toString().replace("-", "").substring(0, 16), List.of());
        try {
            assertThat(SnapshotSecrets.read(key.value())).isEmpty();
            SnapshotSecrets.store(key, "first");
            SnapshotSecrets.store(key, "second");
            assertThat(SnapshotSecrets.read(key.value())).contains("second");
            assertThat(Files.getPosixFilePermissions(SnapshotLock.directory().resolve(key.value() + ".secret")))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        } finally {
            SnapshotSecrets.delete(key.value());
        }
        assertThat(SnapshotSecrets.read(key.value())).isEmpty();
    }
}
