package org.goldbuying.scale.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.goldbuying.scale.and.AndParser;
import org.goldbuying.scale.balance.AccuracyClass;
import org.goldbuying.scale.balance.LegalForTrade;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.scale.balance.WeightFrame;
import org.goldbuying.scale.kern.KernParser;
import org.goldbuying.scale.mtsics.MtSicsParser;
import org.goldbuying.scale.ohaus.OhausParser;
import org.goldbuying.scale.sbi.SbiParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One received weight line turned into a weight the counter may use: the protocol's parser reads the frame (terminator
 * already removed, as the line assembler delivers it) and {@link LegalForTrade#checkFrame} checks it against the
 * registered balance (stable, within Min..Max). This is the work {@code SerialBalance.weighForTransaction} does per
 * reply. Goal (issue 3, item 9): median at most 1 us. Frames are the ones the simulators send for 123.45 g.
 *
 * <p>The lines are non-final state fields so the JIT cannot fold the parse into a constant; each method returns
 * the frame so JMH consumes it.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParseAndValidateBenchmark {
    private final RegisteredBalance balance = new RegisteredBalance(
            "counter-1",
            "B912345678",
            AccuracyClass.II,
            new BigDecimal("2100"),
            new BigDecimal("0.2"),
            new BigDecimal("0.01"),
            new BigDecimal("0.01"),
            "WM-2026-0042",
            LocalDate.of(2099, 12, 31));

    String mtSics = "S S     123.45 g";
    String sbi16 = "+   123.45 g  ";
    String sbi22 = "N     +   123.45 g  ";
    String and = "ST,+00123.45  g";
    String ohaus = "     123.45 g";
    String kernPlain = "    123.45 g  ";
    String kernTagged = "ST,GS   0.12345KG";

    @Benchmark
    public WeightFrame mtSics() {
        WeightFrame frame = MtSicsParser.weight(MtSicsParser.parse(mtSics));
        LegalForTrade.checkFrame(balance, frame);
        return frame;
    }

    @Benchmark
    public WeightFrame sbi16() {
        WeightFrame frame = SbiParser.weight(sbi16, MassUnit.GRAM);
        LegalForTrade.checkFrame(balance, frame);
        return frame;
    }

    @Benchmark
    public WeightFrame sbi22() {
        WeightFrame frame = SbiParser.weight(sbi22, MassUnit.GRAM);
        LegalForTrade.checkFrame(balance, frame);
        return frame;
    }

    @Benchmark
    public WeightFrame and() {
        WeightFrame frame = AndParser.weight(and);
        LegalForTrade.checkFrame(balance, frame);
        return frame;
    }

    @Benchmark
    public WeightFrame ohaus() {
        WeightFrame frame = OhausParser.weight(ohaus);
        LegalForTrade.checkFrame(balance, frame);
        return frame;
    }

    @Benchmark
    public WeightFrame kernPlain() {
        WeightFrame frame = KernParser.weight(kernPlain, MassUnit.GRAM);
        LegalForTrade.checkFrame(balance, frame);
        return frame;
    }

    @Benchmark
    public WeightFrame kernTagged() {
        WeightFrame frame = KernParser.weight(kernTagged, MassUnit.GRAM);
        LegalForTrade.checkFrame(balance, frame);
        return frame;
    }
}
