package org.goldbuying.centre.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class StoredInTurnTest {
    private final StoredInTurn inTurn = new StoredInTurn();
    private final List<String> log = new CopyOnWriteArrayList<>();

    private Uni<Void> hand(String batch, CompletableFuture<Void> storing) {
        return inTurn.next(
                () -> Uni.createFrom().item(() -> {
                    log.add("read " + batch);
                    return batch;
                }),
                read -> {
                    log.add("store " + read);
                    return Uni.createFrom().completionStage(storing).invoke(() -> log.add("stored " + read));
                },
                failure -> log.add("refused " + batch + ": " + failure.getMessage()));
    }

    @Test
    void theNextBatchIsReadWhileTheOneBeforeIsStoredAndStoredAfterIt() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();

        // handing in returns as soon as the batch's storing began, not when it ends
        hand("A", first).await().atMost(Duration.ofSeconds(5));
        CompletableFuture<Void> handedB = hand("B", second).subscribeAsCompletionStage();
        assertThat(log).containsExactly("read A", "store A", "read B");
        assertThat(handedB).isNotDone();

        first.complete(null);
        handedB.join();
        second.complete(null);
        assertThat(log).containsExactly("read A", "store A", "read B", "stored A", "store B", "stored B");
    }

    @Test
    void noBatchIsStoredAfterOneThatFailed() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        hand("A", first).await().atMost(Duration.ofSeconds(5));
        CompletableFuture<Void> handedB = hand("B", new CompletableFuture<>()).subscribeAsCompletionStage();

        first.completeExceptionally(new IllegalStateException("database unreachable"));
        handedB.join();
        hand("C", CompletableFuture.completedFuture(null)).await().atMost(Duration.ofSeconds(5));

        assertThat(log)
                .containsExactly(
                        "read A",
                        "store A",
                        "read B",
                        "refused A: database unreachable",
                        "refused B: database unreachable",
                        "read C",
                        "refused C: database unreachable");
    }

    @Test
    void aBatchThatCannotBeReadIsRefusedAndStopsTheOnesAfterIt() {
        inTurn.next(
                        () -> Uni.createFrom().failure(new IllegalArgumentException("unreadable")),
                        read -> Uni.createFrom().voidItem(),
                        failure -> log.add("refused X: " + failure.getMessage()))
                .await()
                .atMost(Duration.ofSeconds(5));
        hand("Y", CompletableFuture.completedFuture(null)).await().atMost(Duration.ofSeconds(5));

        assertThat(log).containsExactly("refused X: unreadable", "read Y", "refused Y: unreadable");
    }
}
