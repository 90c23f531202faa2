package org.goldbuying.scale.mtsics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.balance.LegalForTrade;
import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.scale.balance.TransactionReading;
import org.goldbuying.scale.balance.WeightFrame;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A registered MT-SICS balance on a serial line. One command at a time (balances may drop or reorder
 * pipelined commands), each waiting for its reply. Transaction readings come only from the stable-weight
 * command {@code S} and pass every legal-for-trade check; {@link #readLive()} is for the display only.
 */
public final class MtSicsBalance implements AutoCloseable {
    private static final String CRLF = "\r\n";

    private final SerialLine line;
    private final RegisteredBalance registered;
    private final Clock clock;
    private final ReadingIds readingIds;
    private final Duration replyTimeout;
    private final ReentrantLock commandLock = new ReentrantLock();
    private final LinkedBlockingQueue<Object> replies = new LinkedBlockingQueue<>();
    private volatile String verifiedSerialNumber;
    private volatile boolean zeroSeenSinceLastLot = true;

    public MtSicsBalance(SerialLine line, RegisteredBalance registered, Clock clock, ReadingIds readingIds,
            Duration replyTimeout) {
        this.line = Objects.requireNonNull(line);
        this.registered = Objects.requireNonNull(registered);
        this.clock = Objects.requireNonNull(clock);
        this.readingIds = Objects.requireNonNull(readingIds);
        this.replyTimeout = Objects.requireNonNull(replyTimeout);
    }

    /** Opens the line and checks the device's identity and verification before anything else. */
    public MtSicsBalance connect() {
        line.open(new SerialLine.Listener() {
            @Override
            public void onLine(String text) {
                replies.add(text);
            }

            @Override
            public void onFault(ScaleException fault) {
                replies.add(fault);
            }
        });
        verifyDevice();
        return this;
    }

    public RegisteredBalance registered() {
        return registered;
    }

    /** Reads the serial number from the device itself (I4) and checks it and the verification date. */
    public void verifyDevice() {
        String serial = MtSicsParser.serialNumber(command("I4"));
        LegalForTrade.checkDevice(registered, serial, LocalDate.now(clock));
        verifiedSerialNumber = serial;
    }

    /** A reading for a transaction: explicit stable request, every legal-for-trade rule checked. */
    public TransactionReading weighForTransaction() {
        if (verifiedSerialNumber == null) {
            verifyDevice();
        }
        LegalForTrade.checkDevice(registered, verifiedSerialNumber, LocalDate.now(clock));
        if (!zeroSeenSinceLastLot) {
            // The pan may still hold the previous lot; only a reading near zero proves it was emptied.
            WeightFrame now = readLive();
            if (!zeroSeenSinceLastLot) {
                throw new ScaleException(ScaleFault.NOT_ZERO, "balance shows " + now.grams().toPlainString()
                        + " g and has not returned to zero since the previous lot");
            }
        }
        WeightFrame frame = MtSicsParser.weight(command("S"));
        LegalForTrade.checkFrame(registered, frame);
        zeroSeenSinceLastLot = false;
        return new TransactionReading(readingIds.next(), registered.deviceId(), clock.instant(), frame.grams(),
                registered, frame.rawFrame());
    }

    /** The weight right now, stable or not: for the live display, never for a transaction. */
    public WeightFrame readLive() {
        WeightFrame frame = MtSicsParser.weight(command("SI"));
        observe(frame);
        return frame;
    }

    /** Zeroes the balance (Z). */
    public void zero() {
        MtSicsParser.zeroDone(command("Z"));
    }

    private void observe(WeightFrame frame) {
        if (frame.grams().abs().compareTo(registered.verificationIntervalGrams()) < 0) {
            zeroSeenSinceLastLot = true;
        }
    }

    private MtSicsReply command(String command) {
        commandLock.lock();
        try {
            replies.clear();
            line.write(command + CRLF);
            Object reply = replies.poll(replyTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (reply == null) {
                throw new ScaleException(ScaleFault.TIMEOUT, "no reply to '" + command + "' within "
                        + replyTimeout.toMillis() + " ms");
            }
            if (reply instanceof ScaleException fault) {
                throw fault;
            }
            return MtSicsParser.parse((String) reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScaleException(ScaleFault.TIMEOUT, "interrupted while waiting for '" + command + "'", e);
        } finally {
            commandLock.unlock();
        }
    }

    /** The verification interval e, for callers that must round or flag non-verified digits. */
    public BigDecimal verificationIntervalGrams() {
        return registered.verificationIntervalGrams();
    }

    @Override
    public void close() {
        line.close();
    }
}
