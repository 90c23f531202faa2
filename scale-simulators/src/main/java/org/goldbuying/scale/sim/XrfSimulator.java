package org.goldbuying.scale.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.transport.SerialLine;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.Element;

/**
 * A scriptable XRF analyser that writes result blocks in the station's default line format (see
 * {@link org.goldbuying.scale.xrf.XrfLineReader}). Values under 0.1 % are written in ppm, as analysers do for
 * trace elements, so both units are exercised. {@link #sendRaw(String)} adds screen noise, cut-off blocks and
 * anything else a test needs.
 */
public final class XrfSimulator implements AutoCloseable {
    private static final BigDecimal PPM_BELOW = new BigDecimal("0.1");

    private final SerialLine line;
    private volatile AnalyserId analyser;
    private volatile BigDecimal sigmaPercent = new BigDecimal("0.05");

    public XrfSimulator(SerialLine line, AnalyserId analyser) {
        this.line = Objects.requireNonNull(line);
        this.analyser = Objects.requireNonNull(analyser);
    }

    public XrfSimulator start() {
        line.open(new SerialLine.Listener() {
            @Override
            public void onLine(String text) {
                // analysers send on the trigger; they do not take commands on this line
            }

            @Override
            public void onFault(ScaleException fault) {
                // host gone
            }
        });
        return this;
    }

    public void analyser(AnalyserId id) {
        analyser = id;
    }

    public void sigma(BigDecimal percent) {
        sigmaPercent = percent;
    }

    /** One shot: the given percentages, and {@code <LOD} for the elements listed as below detection. */
    public void shoot(
            String shotId, Map<Element, BigDecimal> percents, Set<Element> belowDetection, Duration measurementTime) {
        line.write(block(shotId, percents, belowDetection, measurementTime));
    }

    public void shoot(String shotId, Map<Element, BigDecimal> percents) {
        shoot(shotId, percents, Set.of(), Duration.ofSeconds(30));
    }

    /** The text of one block, for tests that want to cut it or join it with other text. */
    public String block(
            String shotId, Map<Element, BigDecimal> percents, Set<Element> belowDetection, Duration measurementTime) {
        AnalyserId id = analyser;
        StringBuilder sb = new StringBuilder();
        sb.append("BEGIN shot=")
                .append(shotId)
                .append(" model=")
                .append(id.model())
                .append(" serial=")
                .append(id.serialNumber())
                .append(" time=")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append(" seconds=")
                .append(BigDecimal.valueOf(measurementTime.toMillis())
                        .movePointLeft(3)
                        .stripTrailingZeros()
                        .toPlainString())
                .append("\r\n");
        for (Element element : Element.values()) {
            if (belowDetection.contains(element)) {
                sb.append(element.symbol()).append(" <LOD\r\n");
            } else if (percents.containsKey(element)) {
                BigDecimal p = percents.get(element);
                boolean ppm = p.compareTo(PPM_BELOW) < 0;
                sb.append(element.symbol())
                        .append(' ')
                        .append(ppm ? p.movePointRight(4).stripTrailingZeros().toPlainString() : p.toPlainString())
                        .append(ppm ? " ppm +/- " : " % +/- ")
                        .append(
                                ppm
                                        ? sigmaPercent
                                                .movePointRight(4)
                                                .stripTrailingZeros()
                                                .toPlainString()
                                        : sigmaPercent.toPlainString())
                        .append("\r\n");
            }
        }
        sb.append("END shot=").append(shotId).append("\r\n");
        return sb.toString();
    }

    public void sendRaw(String text) {
        line.write(text);
    }

    @Override
    public void close() {
        line.close();
    }
}
