package org.goldbuying.station.counter;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import org.goldbuying.station.assay.XrfProblem;
import org.goldbuying.station.lot.LotChanged;

/**
 * Fans lot changes and analyser problems out to every open counter page. Nothing is kept: a page that connects
 * later reads the lot it shows through the API, then follows the stream. Events come from request threads and the
 * analyser's reader thread, so emission is serialized.
 */
@ApplicationScoped
public class CounterEvents {
    private final BroadcastProcessor<CounterEvent> processor = BroadcastProcessor.create();
    private final Clock clock;

    public CounterEvents(Clock clock) {
        this.clock = clock;
    }

    void lotChanged(@Observes LotChanged change) {
        emit(new CounterEvent(change.what(), clock.instant(), change.lot(), null));
    }

    void xrfProblem(@Observes XrfProblem problem) {
        emit(new CounterEvent("XRF_PROBLEM", clock.instant(), null, problem.message()));
    }

    private synchronized void emit(CounterEvent event) {
        processor.onNext(event);
    }

    /**
     * Every event from now on, preceded by CONNECTED once this subscriber receives them (so a client knows it will
     * not miss what it does next).
     */
    public Multi<CounterEvent> follow() {
        // The processor does not wait for slow readers: each subscriber gets its own buffer, so a burst of shots
        // does not cut a page's stream (a page that falls 256 events behind reconnects and reads its lot again).
        return Multi.createBy()
                .merging()
                .streams(
                        processor.onOverflow().buffer(256),
                        Multi.createFrom().item(() -> new CounterEvent("CONNECTED", clock.instant(), null, null)));
    }
}
