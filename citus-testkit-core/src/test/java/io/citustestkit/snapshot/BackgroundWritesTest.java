package io.citustestkit.snapshot;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundWritesTest {

    private final SnapshotKey key = new SnapshotKey("bgwrites" + UUID.randomUUID().toString().substring(0, 8), List.of());

    @Test
    void should_run_the_writes_in_the_order_they_were_queued_and_go_on_after_one_that_failed() {
        List<String> ran = new CopyOnWriteArrayList<>();

        BackgroundWrites.submit(key, false, () -> ran.add("archives"));
        BackgroundWrites.submit(key, true, () -> {
            ran.add("images");
            throw new IllegalStateException("the engine refused the commit");
        });
        BackgroundWrites.submit(key, false, () -> ran.add("archives again"));

        assertThat(BackgroundWrites.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(ran).containsExactly("archives", "images", "archives again");
    }

    @Test
    void should_say_when_the_writes_are_not_done_within_the_wait() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundWrites.submit(key, false, () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(BackgroundWrites.awaitIdle(Duration.ofMillis(100))).as("a write still runs").isFalse();
        release.countDown();
        assertThat(BackgroundWrites.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void should_hold_the_sets_exclusive_lock_while_making_images() {
        List<Boolean> othersCouldTakeIt = new CopyOnWriteArrayList<>();

        BackgroundWrites.submit(key, true, () -> othersCouldTakeIt.add(CompletableFuture.supplyAsync(() -> { // another thread
            try (SnapshotLock other = SnapshotLock.tryExclusive(key.value())) {
                return other != null;
            }
        }).join()));

        assertThat(BackgroundWrites.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(othersCouldTakeIt).containsExactly(false);
    }
}
