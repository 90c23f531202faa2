package org.goldbuying.station.assay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.goldbuying.scale.xrf.AnalyserId;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.junit.jupiter.api.Test;

class RegisteredAnalysersTest {
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final AnalyserId COUNTER = new AnalyserId("XR-100", "XRF123");

    static void refused(Runnable check, XrfFault fault, String because) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(XrfException.class, e -> {
            assertThat(e.fault()).isEqualTo(fault);
            assertThat(e.getMessage()).startsWith(fault.clerkMessage()).contains(because);
        });
    }

    @Test
    void aCheckHoldsItsDaysAndNotADayMore() {
        RegisteredAnalysers registered =
                RegisteredAnalysers.parse(List.of("XRF123@2026-12-07", " XRF9@2026-11-01 "), 7);
        registered.require(COUNTER, MONDAY);
        registered.require(COUNTER, MONDAY.plusDays(6));
        refused(
                () -> registered.require(COUNTER, MONDAY.plusDays(7)),
                XrfFault.CALIBRATION_OVERDUE,
                "last checked on 2026-12-07; a check holds 7 days");
        refused(() -> registered.require(COUNTER, MONDAY.minusDays(1)), XrfFault.CALIBRATION_OVERDUE, "after today");
        refused(
                () -> registered.require(new AnalyserId("XR-100", "XRF9"), MONDAY),
                XrfFault.CALIBRATION_OVERDUE,
                "2026-11-01");
    }

    @Test
    void onlyRegisteredSerialNumbersCount() {
        RegisteredAnalysers registered = RegisteredAnalysers.parse(List.of("XRF123@2026-12-07"), 7);
        refused(
                () -> registered.require(new AnalyserId("XR-100", "XRF124"), MONDAY),
                XrfFault.UNREGISTERED_ANALYSER,
                "(registered: XRF123)");
        refused(
                () -> RegisteredAnalysers.parse(List.of(), 7).require(COUNTER, MONDAY),
                XrfFault.UNREGISTERED_ANALYSER,
                "no analyser is (station.xrf.analysers)");
    }

    @Test
    void aBadRegistrationIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> RegisteredAnalysers.parse(List.of("XRF123"), 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not SERIAL@YYYY-MM-DD");
        assertThatThrownBy(() -> RegisteredAnalysers.parse(List.of("XRF123@7.12.2026"), 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a date");
        assertThatThrownBy(() -> RegisteredAnalysers.parse(List.of("XRF123@2026-12-07"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
