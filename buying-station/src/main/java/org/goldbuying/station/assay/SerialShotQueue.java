package org.goldbuying.station.assay;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfShot;
import org.goldbuying.station.common.StationException;
import org.jboss.logging.Logger;

/**
 * Shots from the analyser's serial line, on the line's reader thread: queued behind the one before, so shots are
 * stored in the order the analyser sent them, and stored and announced on an event loop. The reader thread goes back
 * to the line at once, and the quote goes to the counter's stream from where the database answered, without a
 * hand-back to the reader (the assay-to-price path, docs/performance.md). A shot that cannot be stored becomes an
 * {@link XrfProblem} the clerk sees.
 */
@ApplicationScoped
public class SerialShotQueue {
    private static final Logger LOG = Logger.getLogger(SerialShotQueue.class);

    private final ShotRecorder recorder;
    private final Event<XrfProblem> problems;
    private final Vertx vertx;
    /** The event loop that stores the analyser's shots, and the last shot handed to it. */
    private Context loop;

    private CompletableFuture<Void> lastShot = CompletableFuture.completedFuture(null);

    public SerialShotQueue(ShotRecorder recorder, Event<XrfProblem> problems, Vertx vertx) {
        this.recorder = recorder;
        this.problems = problems;
        this.vertx = vertx;
    }

    void onSerialShot(@Observes XrfShotReceived received) {
        XrfShot shot = received.shot();
        synchronized (this) {
            if (loop == null) {
                // on the reader thread, which has no Vert.x context: this takes one of the event loops
                loop = VertxContext.getRootContext(vertx.getOrCreateContext());
            }
            Context on = loop;
            lastShot = lastShot.thenCompose(previousDone -> store(on, shot));
        }
    }

    /** Completes when the shot is stored and announced, or its problem reported: it never fails. */
    private CompletableFuture<Void> store(Context on, XrfShot shot) {
        CompletableFuture<Void> handled = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(on);
        // Hibernate Reactive works only on a context marked safe (one that no other work shares)
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom()
                .deferred(() -> recorder.addSerialShot(shot))
                .subscribe()
                .with(
                        view -> {
                            try {
                                recorder.announce(view);
                            } finally {
                                handled.complete(null);
                            }
                        },
                        failure -> {
                            try {
                                report(shot, failure);
                            } finally {
                                handled.complete(null);
                            }
                        }));
        return handled;
    }

    private void report(XrfShot shot, Throwable failure) {
        if (failure instanceof StationException || failure instanceof XrfException) {
            problems.fire(new XrfProblem(failure.getMessage()));
        } else {
            LOG.errorf(failure, "XRF shot %s could not be stored", shot.shotId());
            // the shot and its lot change are stored together or not at all, so a new shot is what the lot needs
            problems.fire(new XrfProblem("XRF shot " + shot.shotId() + " could not be stored (" + failure.getMessage()
                    + "). Take the shot again; if this message comes back, call the supervisor."));
        }
    }
}
