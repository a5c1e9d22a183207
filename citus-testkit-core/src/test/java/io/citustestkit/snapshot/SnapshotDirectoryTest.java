package io.citustestkit.snapshot;

import io.citustestkit.testsupport.DataDirectoryArchives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The snapshot directory without Docker: where it is, its size limit, how a set is checked (a
 * flipped byte, a missing archive, an old set), pruning by age and size, leftovers of dead JVMs, and
 * the keys file a CI cache is keyed by.
 */
class SnapshotDirectoryTest {

    private static final Duration DAY = Duration.ofHours(24);

    @TempDir
    Path root;

    @Test
    void should_use_the_property_then_the_variable_then_the_xdg_cache_then_the_home_cache() {
        Map<String, String> properties = Map.of("user.home", "/home/dev");
        assertThat(SnapshotDirectorySettings.location(properties::get, Map.<String, String>of()::get))
                .isEqualTo(Path.of("/home/dev/.cache/citus-testkit/snapshots"));
        assertThat(SnapshotDirectorySettings.location(properties::get, Map.of("XDG_CACHE_HOME", "/var/cache/dev")::get))
                .isEqualTo(Path.of("/var/cache/dev/citus-testkit/snapshots"));
        assertThat(SnapshotDirectorySettings.location(properties::get, Map.of("XDG_CACHE_HOME", "relative/cache")::get))
                .as("XDG: a relative path is to be ignored").isEqualTo(Path.of("/home/dev/.cache/citus-testkit/snapshots"));
        assertThat(SnapshotDirectorySettings.location(properties::get, Map.of(SnapshotDirectorySettings.VARIABLE, "~/ci-cache/snapshots",
                "XDG_CACHE_HOME", "/var/cache/dev")::get)).isEqualTo(Path.of("/home/dev/ci-cache/snapshots"));
        assertThat(SnapshotDirectorySettings.location(Map.of("user.home", "/home/dev", SnapshotDirectorySettings.PROPERTY, "/tmp/snaps")::get,
                Map.of(SnapshotDirectorySettings.VARIABLE, "/elsewhere")::get)).as("the property wins").isEqualTo(Path.of("/tmp/snaps"));
    }

    @Test
    void should_be_off_when_set_to_off_false_or_none() {
        for (String off : List.of("off", "OFF", " false ", "none")) {
            assertThat(SnapshotDirectorySettings.location(Map.of("user.home", "/h", SnapshotDirectorySettings.PROPERTY, off)::get, name -> null))
                    .as(off).isNull();
            assertThat(SnapshotDirectorySettings.location(Map.of("user.home", "/h")::get, Map.of(SnapshotDirectorySettings.VARIABLE, off)::get))
                    .as(off).isNull();
        }
    }

    @Test
    void should_parse_sizes_in_bytes_and_binary_units_and_fall_back_to_one_gib() {
        assertThat(SnapshotDirectorySettings.parseSize("1073741824")).isEqualTo(1L << 30);
        assertThat(SnapshotDirectorySettings.parseSize("512m")).isEqualTo(512L << 20);
        assertThat(SnapshotDirectorySettings.parseSize("2GiB")).isEqualTo(2L << 30);
        assertThat(SnapshotDirectorySettings.parseSize(" 500 MB ")).isEqualTo(500L << 20);
        assertThat(SnapshotDirectorySettings.parseSize("64k")).isEqualTo(64L << 10);
        assertThatThrownBy(() -> SnapshotDirectorySettings.parseSize("lots")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'lots' is not a size: write bytes or a number with k, m, g or t (512m, 2g).");
        assertThatThrownBy(() -> SnapshotDirectorySettings.parseSize("0g")).hasMessageContaining("not a positive size");
        assertThat(SnapshotDirectorySettings.maxSize(name -> null, name -> null)).isEqualTo(SnapshotDirectorySettings.DEFAULT_MAX_SIZE);
        assertThat(SnapshotDirectorySettings.maxSize(Map.of(SnapshotDirectorySettings.MAX_SIZE_PROPERTY, "bad")::get, name -> null))
                .isEqualTo(SnapshotDirectorySettings.DEFAULT_MAX_SIZE);
        assertThat(SnapshotDirectorySettings.maxSize(name -> null, Map.of(SnapshotDirectorySettings.MAX_SIZE_VARIABLE, "3g")::get)).isEqualTo(3L << 30);
    }

    @Test
    void should_check_a_whole_set_and_tell_what_is_wrong_with_a_damaged_one() throws IOException {
        SnapshotDirectory directory = new SnapshotDirectory(root, 1L << 30);
        assertThat(directory.check("00000000000000aa", 1, DAY).none()).as("no set").isTrue();

        writeSet(root, "00000000000000aa", Instant.now(), 1);
        SnapshotDirectory.Check whole = directory.check("00000000000000aa", 1, DAY);
        assertThat(whole.manifest()).isNotNull();
        assertThat(whole.broken()).isNull();

        assertThat(directory.check("00000000000000aa", 2, DAY).broken())
                .isEqualTo("it holds nodes [coordinator, worker-1], the cluster has [coordinator, worker-1, worker-2]");

        Path worker = root.resolve("00000000000000aa").resolve("worker-1.tar.gz");
        byte[] bytes = Files.readAllBytes(worker);
        bytes[bytes.length - 10] ^= 0x01;
        Files.write(worker, bytes);
        assertThat(directory.check("00000000000000aa", 1, DAY).broken()).startsWith("archive " + worker + " has SHA-256 ");
        assertThat(directory.check("00000000000000aa", 1, DAY).manifest()).as("never used half-way").isNull();

        Files.delete(root.resolve("00000000000000aa").resolve(SnapshotManifest.FILE));
        assertThat(directory.check("00000000000000aa", 1, DAY).broken()).isEqualTo("it has no manifest.json");
    }

    @Test
    void should_report_a_set_older_than_the_maximum_age_as_expired() throws IOException {
        SnapshotDirectory directory = new SnapshotDirectory(root, 1L << 30);
        writeSet(root, "00000000000000bb", Instant.now().minus(Duration.ofHours(25)), 1);

        SnapshotDirectory.Check check = directory.check("00000000000000bb", 1, DAY);

        assertThat(check.manifest()).isNull();
        assertThat(check.expired()).contains("h", "more than the maximum age of 24h");
    }

    @Test
    void should_prune_sets_older_than_the_maximum_age_and_then_the_least_recently_used_beyond_the_size_limit() throws IOException {
        Path old = writeSet(root, "000000000000000a", Instant.now().minus(Duration.ofDays(3)), 1);
        Path leastUsed = writeSet(root, "000000000000000b", Instant.now(), 1);
        Path used = writeSet(root, "000000000000000c", Instant.now(), 1);
        Path recent = writeSet(root, "000000000000000d", Instant.now(), 1);
        Files.setLastModifiedTime(leastUsed, FileTime.from(Instant.now().minus(Duration.ofHours(5))));
        Files.setLastModifiedTime(used, FileTime.from(Instant.now().minus(Duration.ofHours(3))));
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofHours(4))));
        new SnapshotDirectory(root, 1L << 30).touch("000000000000000c");
        long oneSet = sizeOf(recent);

        new SnapshotDirectoryPruning(new SnapshotDirectory(root, 2 * oneSet)).prune(DAY);

        assertThat(old).as("older than the maximum age").doesNotExist();
        assertThat(leastUsed).as("least recently used, beyond the size").doesNotExist();
        assertThat(used).as("used just now").exists();
        assertThat(recent).exists();
    }

    @Test
    void should_leave_a_set_another_thread_or_jvm_holds_for_a_later_pruning() throws Exception {
        Path held = writeSet(root, "00000000000000ee", Instant.now().minus(Duration.ofDays(3)), 1);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (SnapshotDirectoryLock lock = SnapshotDirectoryLock.take(root, "00000000000000ee", true, Duration.ofSeconds(5))) {
                locked.countDown();
                release.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        holder.start();
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        new SnapshotDirectoryPruning(new SnapshotDirectory(root, 1L << 30)).prune(DAY);
        assertThat(held).as("in use: left").exists();

        release.countDown();
        holder.join();
        new SnapshotDirectoryPruning(new SnapshotDirectory(root, 1L << 30)).prune(DAY);
        assertThat(held).as("free: removed").doesNotExist();
    }

    @Test
    void should_remove_what_a_dead_jvm_left_after_an_hour_but_not_a_write_in_progress() throws IOException {
        Path deadWrite = Files.createDirectories(root.resolve(".tmp-000000000000000f-1a2b3c4d"));
        Path liveWrite = Files.createDirectories(root.resolve(".tmp-000000000000000f-5e6f7a8b"));
        Files.setLastModifiedTime(deadWrite, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        new SnapshotDirectoryPruning(new SnapshotDirectory(root, 1L << 30)).prune(DAY);

        assertThat(deadWrite).doesNotExist();
        assertThat(liveWrite).exists();
    }

    @Test
    void should_write_a_sorted_keys_file_without_times_that_changes_only_when_the_sets_do() throws IOException {
        writeSet(root, "00000000000000b2", Instant.now(), 1);
        writeSet(root, "00000000000000a1", Instant.now(), 1);
        Files.createDirectories(root.resolve(".tmp-00000000000000c3-12345678"));
        SnapshotDirectory directory = new SnapshotDirectory(root, 1L << 30);

        new SnapshotKeysFile(directory.root()).write();
        String first = Files.readString(root.resolve(SnapshotKeysFile.FILE));
        directory.touch("00000000000000a1");
        new SnapshotKeysFile(directory.root()).write();

        assertThat(Files.readString(root.resolve(SnapshotKeysFile.FILE))).as("a use is no change").isEqualTo(first);
        assertThat(first.lines().filter(line -> !line.startsWith("#")).toList()).containsExactly(
                "00000000000000a1 citusdata/citus:14.0.1 (2 nodes, 1 distributed tables, 2 shards)",
                "00000000000000b2 citusdata/citus:14.0.1 (2 nodes, 1 distributed tables, 2 shards)");
    }

    @Test
    void should_remove_a_set_by_renaming_it_away_first() throws IOException {
        writeSet(root, "00000000000000a1", Instant.now(), 1);
        SnapshotDirectory directory = new SnapshotDirectory(root, 1L << 30);

        directory.remove("00000000000000a1");

        try (var children = Files.list(root)) {
            assertThat(children.map(path -> path.getFileName().toString()).toList()).doesNotContain("00000000000000a1")
                    .noneMatch(name -> name.startsWith(".trash-"));
        }
    }

    /** A set as the kit writes it: an archive per node and a manifest with their sizes and checksums. */
    static Path writeSet(Path root, String key, Instant created, int workers) throws IOException {
        Path set = Files.createDirectories(root.resolve(key));
        List<SnapshotManifest.Node> nodes = new ArrayList<>();
        for (String node : SnapshotImages.nodeNames(workers)) {
            Path archive = DataDirectoryArchives.withPgVersion(set.resolve(node + ".tar.gz"));
            nodes.add(new SnapshotManifest.Node(node, node + ".tar.gz", Files.size(archive), SnapshotArchive.sha256Of(archive)));
        }
        SnapshotManifestTest.manifest(key, created, nodes).write(set.resolve(SnapshotManifest.FILE));
        return set;
    }

    private static long sizeOf(Path set) throws IOException {
        try (var files = Files.walk(set)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
