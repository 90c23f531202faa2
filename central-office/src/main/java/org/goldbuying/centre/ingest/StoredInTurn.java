package org.goldbuying.centre.ingest;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Batches stored one after another, in the order they were handed in, while the next one is read meanwhile: a batch's
 * reading (CPU work) overlaps the storing of the one before (mostly the database's). No batch is stored after one
 * whose storing failed; it is refused instead. With several consumers in the group (CENTRE_INGEST_CONSUMERS) their
 * batches queue in one line too: each is still read while another is stored, and a failure stops them all, as the
 * channel's failure strategy does anyway.
 */
final class StoredInTurn {
    private final AtomicReference<CompletableFuture<Void>> storing =
            new AtomicReference<>(CompletableFuture.completedFuture(null));

    /**
     * Reads a batch now, and stores it once the batch handed in before it is stored. The stage returned completes when
     * this batch's storing has begun (or the batch was refused), which is when the next batch may be handed in.
     *
     * @param read reads the batch (may run while the batch before is stored)
     * @param store stores what was read; completes when stored
     * @param refuse told why the batch was not stored: its reading or storing failed, or the one before was not stored
     */
    <T> Uni<Void> next(Supplier<Uni<T>> read, Function<T, Uni<Void>> store, Consumer<Throwable> refuse) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        CompletableFuture<Void> before = storing.getAndSet(stored);
        Consumer<Throwable> refused = failure -> {
            if (!stored.isDone()) {
                refuse.accept(failure); // before the batches behind it hear of the failure: refusals in order
                stored.completeExceptionally(failure);
            }
        };
        return read.get()
                .call(nothing -> Uni.createFrom().completionStage(before))
                .invoke(batch -> store.apply(batch).subscribe().with(done -> stored.complete(null), refused))
                .onFailure()
                .invoke(refused)
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
