package org.goldbuying.scale.balance;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A registered balance of any supported make on a serial line. One command at a time (balances may drop or
 * reorder pipelined commands), each waiting for its reply. Transaction readings come only from the protocol's
 * stable-weight request and pass every legal-for-trade check; {@link #readLive()} is for the display only.
 */
public final class SerialBalance implements AutoCloseable {
    private final SerialLine line;
    private final BalanceProtocol protocol;
    private final RegisteredBalance registered;
    private final Clock clock;
    private final ReadingIds readingIds;
    private final Duration replyTimeout;
    private final ReentrantLock commandLock = new ReentrantLock();
    private final LinkedBlockingQueue<Object> replies = new LinkedBlockingQueue<>();
    private volatile String verifiedSerialNumber;
    private volatile boolean zeroSeenSinceLastLot = true;

    public SerialBalance(
            SerialLine line,
            BalanceProtocol protocol,
            RegisteredBalance registered,
            Clock clock,
            ReadingIds readingIds,
            Duration replyTimeout) {
        this.line = Objects.requireNonNull(line);
        this.protocol = Objects.requireNonNull(protocol);
        this.registered = Objects.requireNonNull(registered);
        this.clock = Objects.requireNonNull(clock);
        this.readingIds = Objects.requireNonNull(readingIds);
        this.replyTimeout = Objects.requireNonNull(replyTimeout);
    }

    /** Opens the line and checks the device's identity and verification before anything else. */
    public SerialBalance connect() {
        line.open(new SerialLine.Listener() {
            @Override
            public void onLine(String text) {
                replies.add(text);
            }

            @Override
            public void onFault(ScaleException fault) {
                replies.add(fault);
            }

            @Override
            public void onReconnected() {
                // Whatever is on the cable now must prove again that it is the registered balance, and the pan
                // may hold anything: it must be seen at zero before the next lot.
                verifiedSerialNumber = null;
                zeroSeenSinceLastLot = false;
            }
        });
        verifyDevice();
        return this;
    }

    public RegisteredBalance registered() {
        return registered;
    }

    public BalanceProtocol protocol() {
        return protocol;
    }

    /** Reads the serial number from the device itself and checks it and the verification date. */
    public void verifyDevice() {
        Optional<String> command = protocol.serialNumberCommand();
        if (command.isEmpty()) {
            // The registered serial number is the only proof that this is the verified instrument.
            throw new ScaleException(
                    ScaleFault.IDENTITY_MISMATCH,
                    "protocol " + protocol.name()
                            + " cannot report the device's serial number, so balance " + registered.deviceId()
                            + " cannot be identified; switch the balance to a protocol that can");
        }
        String serial = protocol.parseSerialNumber(command(command.get()));
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
                throw new ScaleException(
                        ScaleFault.NOT_ZERO,
                        "balance shows " + now.grams().toPlainString()
                                + " g and has not returned to zero since the previous lot");
            }
        }
        WeightFrame frame = protocol.parseWeight(stableReply());
        LegalForTrade.checkFrame(registered, frame);
        zeroSeenSinceLastLot = false;
        return new TransactionReading(
                readingIds.next(),
                registered.deviceId(),
                clock.instant(),
                LegalForTrade.legalGrams(registered, frame.grams()),
                registered,
                frame.rawFrame());
    }

    private String stableReply() {
        try {
            return command(protocol.stableWeightCommand());
        } catch (ScaleException e) {
            if (e.fault() != ScaleFault.TIMEOUT || !protocol.stableRequestWaitsForStability()) {
                throw e;
            }
            throw unsettledOrDead(e, "no stable weight");
        }
    }

    /**
     * Silence after a request the balance holds until the load is stable is ambiguous: a load that never settles,
     * or a dead line. The balance is first told to drop the held request (where the protocol can), then a live
     * reading tells the two apart, so the clerk gets the right instruction.
     */
    private ScaleException unsettledOrDead(ScaleException timeout, String what) {
        WeightFrame live;
        try {
            cancelHeldRequest();
            live = readLive();
        } catch (ScaleException failed) {
            if (failed.fault() == ScaleFault.IDENTITY_MISMATCH) {
                return failed;
            }
            timeout.addSuppressed(failed);
            return timeout;
        }
        return new ScaleException(
                ScaleFault.UNSTABLE,
                what + " within " + replyTimeout.toMillis() + " ms; the balance shows "
                        + live.grams().toPlainString() + " g",
                timeout);
    }

    /**
     * Sends the protocol's cancel request, if it has one; a serial number in its reply is checked again. The held
     * request's own answer may still arrive just before the cancel's (the balance gave up at the same moment as
     * the driver): lines that are not a cancel reply are skipped until the reply timeout.
     */
    private void cancelHeldRequest() {
        Optional<String> cancel = protocol.cancelCommand();
        if (cancel.isEmpty()) {
            return;
        }
        if (!protocol.cancelAcknowledged()) {
            commandLock.lock();
            try {
                line.write(cancel.get());
            } finally {
                commandLock.unlock();
            }
            return;
        }
        Optional<String> serial;
        commandLock.lock();
        try {
            replies.clear();
            line.write(cancel.get());
            long deadline = System.nanoTime() + replyTimeout.toNanos();
            while (true) {
                Object reply = replies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (reply == null) {
                    throw new ScaleException(
                            ScaleFault.TIMEOUT,
                            "no reply to '" + FrameText.printable(cancel.get().strip()) + "' within "
                                    + replyTimeout.toMillis() + " ms");
                }
                if (reply instanceof ScaleException fault) {
                    throw fault;
                }
                try {
                    serial = protocol.parseCancelReply((String) reply);
                    break;
                } catch (ScaleException notTheCancelReply) {
                    if (notTheCancelReply.fault() != ScaleFault.MALFORMED) {
                        throw notTheCancelReply;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScaleException(ScaleFault.TIMEOUT, "interrupted while waiting for a reply", e);
        } finally {
            commandLock.unlock();
        }
        if (serial.isPresent()) {
            try {
                LegalForTrade.checkDevice(registered, serial.get(), LocalDate.now(clock));
            } catch (ScaleException e) {
                verifiedSerialNumber = null;
                throw e;
            }
        }
    }

    /** The weight right now, stable or not: for the live display, never for a transaction. */
    public WeightFrame readLive() {
        WeightFrame frame = protocol.parseWeight(command(protocol.liveWeightCommand()));
        observe(frame);
        return frame;
    }

    /** Zeroes the balance (or tares it, where the protocol has no separate zero). */
    public void zero() {
        if (protocol.zeroAcknowledged()) {
            String reply;
            try {
                reply = command(protocol.zeroCommand());
            } catch (ScaleException e) {
                if (e.fault() != ScaleFault.TIMEOUT || !protocol.zeroWaitsForStability()) {
                    throw e;
                }
                throw unsettledOrDead(e, "not zeroed: no stable weight");
            }
            protocol.checkZeroReply(reply);
        } else {
            commandLock.lock();
            try {
                line.write(protocol.zeroCommand());
            } finally {
                commandLock.unlock();
            }
        }
    }

    private void observe(WeightFrame frame) {
        if (frame.grams().abs().compareTo(registered.verificationIntervalGrams()) < 0) {
            zeroSeenSinceLastLot = true;
        }
    }

    private String command(String command) {
        commandLock.lock();
        try {
            // Lines that arrived unasked (a print key, a stray continuous frame) must not answer this command.
            replies.clear();
            line.write(command);
            Object reply = replies.poll(replyTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (reply == null) {
                throw new ScaleException(
                        ScaleFault.TIMEOUT,
                        "no reply to '" + FrameText.printable(command.strip()) + "' within " + replyTimeout.toMillis()
                                + " ms");
            }
            if (reply instanceof ScaleException fault) {
                throw fault;
            }
            return (String) reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScaleException(ScaleFault.TIMEOUT, "interrupted while waiting for a reply", e);
        } finally {
            commandLock.unlock();
        }
    }

    @Override
    public void close() {
        line.close();
    }
}
