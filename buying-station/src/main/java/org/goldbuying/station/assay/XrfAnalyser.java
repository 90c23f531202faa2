package org.goldbuying.station.assay;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.goldbuying.scale.transport.JSerialCommLine;
import org.goldbuying.scale.transport.SerialSettings;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.goldbuying.scale.xrf.XrfLineFormat;
import org.goldbuying.scale.xrf.XrfSerialReader;
import org.jboss.logging.Logger;

/**
 * Listens to the counter's XRF analyser on its serial line (station.xrf.port) and announces every complete shot as
 * an {@link XrfShotReceived} event; the lot service attaches it to the lot being assayed. Analysers send when the
 * trigger is pulled, so there is nothing to ask them. A line that breaks (unplugged cable) is reopened every few
 * seconds, so the counter recovers without a restart.
 */
@ApplicationScoped
public class XrfAnalyser {
    private static final Logger LOG = Logger.getLogger(XrfAnalyser.class);

    private final XrfConfig config;
    private final Event<XrfShotReceived> shots;
    private final Event<XrfProblem> problems;
    private XrfSerialReader reader;
    private volatile String state = "not started";

    public XrfAnalyser(XrfConfig config, Event<XrfShotReceived> shots, Event<XrfProblem> problems) {
        this.config = config;
        this.shots = shots;
        this.problems = problems;
    }

    void start(@Observes StartupEvent started) {
        connect();
    }

    /** What the counter shows about the analyser: connected, not configured, or the last fault. */
    public String state() {
        return configuredPort() == null ? "not configured (shots over the API only)" : state;
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void connect() {
        String port = configuredPort();
        if (port == null || reader != null) {
            return;
        }
        SerialSettings settings = new SerialSettings(
                port,
                config.baudRate(),
                8,
                SerialSettings.Parity.NONE,
                SerialSettings.StopBits.ONE,
                SerialSettings.FlowControl.NONE,
                "\r\n");
        try {
            reader = new XrfSerialReader(
                            new JSerialCommLine(settings),
                            XrfLineFormat.defaults(),
                            shot -> shots.fire(new XrfShotReceived(shot)),
                            this::onError)
                    .start();
            state = "connected on " + port;
            LOG.infof("XRF analyser listening on %s", port);
        } catch (RuntimeException e) {
            state = "not connected: " + e.getMessage();
            LOG.debugf("XRF analyser not connected on %s: %s", port, e.getMessage());
        }
    }

    private void onError(XrfException e) {
        LOG.warnf("XRF line: %s", e.getMessage());
        if (e.fault() == XrfFault.DISCONNECTED) {
            state = "disconnected: " + e.detail();
            disconnect();
        }
        problems.fire(new XrfProblem(e.getMessage()));
    }

    private String configuredPort() {
        return config.port().filter(p -> !p.isBlank()).orElse(null);
    }

    @PreDestroy
    synchronized void disconnect() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
