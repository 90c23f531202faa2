package org.goldbuying.scale.mtsics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

import org.goldbuying.scale.balance.ReadingIds;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.scale.balance.SerialBalance;
import org.goldbuying.scale.balance.TransactionReading;
import org.goldbuying.scale.balance.WeightFrame;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A registered MT-SICS balance on a serial line: a {@link SerialBalance} speaking {@link MtSicsProtocol}, kept as
 * its own type because the station names it. Transaction readings come only from the stable-weight command
 * {@code S} and pass every legal-for-trade check; {@link #readLive()} is for the display only.
 */
public final class MtSicsBalance implements AutoCloseable {
    private final SerialBalance balance;

    public MtSicsBalance(SerialLine line, RegisteredBalance registered, Clock clock, ReadingIds readingIds,
            Duration replyTimeout) {
        this.balance = new SerialBalance(line, new MtSicsProtocol(), registered, clock, readingIds, replyTimeout);
    }

    /** Opens the line and checks the device's identity and verification before anything else. */
    public MtSicsBalance connect() {
        balance.connect();
        return this;
    }

    public RegisteredBalance registered() {
        return balance.registered();
    }

    /** Reads the serial number from the device itself (I4) and checks it and the verification date. */
    public void verifyDevice() {
        balance.verifyDevice();
    }

    /** A reading for a transaction: explicit stable request, every legal-for-trade rule checked. */
    public TransactionReading weighForTransaction() {
        return balance.weighForTransaction();
    }

    /** The weight right now, stable or not: for the live display, never for a transaction. */
    public WeightFrame readLive() {
        return balance.readLive();
    }

    /** Zeroes the balance (Z). */
    public void zero() {
        balance.zero();
    }

    /** The verification interval e, for callers that must round or flag non-verified digits. */
    public BigDecimal verificationIntervalGrams() {
        return balance.registered().verificationIntervalGrams();
    }

    @Override
    public void close() {
        balance.close();
    }
}
