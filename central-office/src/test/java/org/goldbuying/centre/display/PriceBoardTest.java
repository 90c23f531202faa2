package org.goldbuying.centre.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.goldbuying.centre.display.DisplayPrice.Status;
import org.goldbuying.contracts.PriceTick;
import org.junit.jupiter.api.Test;

class PriceBoardTest {
    static final Instant PUBLISHED = Instant.parse("2026-11-22T09:00:00Z");
    static final PriceBoard BOARD = new PriceBoard(
            List.of(Purity.parse("999"), Purity.parse("916:22k"), Purity.parse("750:18k")),
            List.of(LocalUnit.parse("castellano:4.6"), LocalUnit.parse("tomin:0.575")),
            ZoneId.of("Africa/Kampala"));

    static PriceTick active(long maxAgeSeconds, Duration validity) {
        return new PriceTick(
                PriceTick.CONTRACT,
                7,
                PriceTick.Status.ACTIVE,
                null,
                PUBLISHED,
                PUBLISHED,
                PUBLISHED.plus(validity),
                new PriceTick.Source("simulated-spot", true),
                new BigDecimal("2650.00"),
                "UGX",
                0,
                new BigDecimal("3700.00"),
                new PriceTick.Policy(
                        new BigDecimal("5"),
                        new BigDecimal("4"),
                        BigDecimal.ZERO,
                        new BigDecimal("99"),
                        maxAgeSeconds,
                        120));
    }

    static PriceTick suspended() {
        return new PriceTick(
                PriceTick.CONTRACT,
                8,
                PriceTick.Status.SUSPENDED,
                "The gold feed moved 20.00%.",
                PUBLISHED,
                PUBLISHED,
                PUBLISHED.plus(Duration.ofHours(24)),
                new PriceTick.Source("price-guard", false),
                null,
                "UGX",
                null,
                null,
                null);
    }

    @Test
    void anActiveTickShowsEveryPurityAndUnit() {
        DisplayPrice view =
                BOARD.view(Optional.of(active(86400, Duration.ofHours(12))), PUBLISHED.plusSeconds(60), false);
        assertThat(view.status()).isEqualTo(Status.ACTIVE);
        assertThat(view.simulated()).as("the tick's source says simulated").isTrue();
        assertThat(view.currentUntil()).isEqualTo(PUBLISHED.plus(Duration.ofHours(12)));
        assertThat(view.rows()).extracting(DisplayPrice.Row::key).containsExactly("fine", "999", "916", "750");
        assertThat(view.rows())
                .extracting(r -> r.perGram().minor())
                .containsExactly(286_866L, 286_580L, 262_770L, 215_151L);
        assertThat(view.rows().get(2).label()).isEqualTo("22k");
        assertThat(view.rows().get(0).perUnit())
                .extracting(DisplayPrice.Amount::minor)
                .containsExactly(1_319_586L, 164_949L);
        assertThat(view.units()).extracting(DisplayPrice.Unit::name).containsExactly("castellano", "tomin");
        assertThat(view.timeZone()).isEqualTo("Africa/Kampala");
    }

    @Test
    void aSuspendedTickShowsNoPriceEvenIfAnEarlierOneWasActive() {
        DisplayPrice view = BOARD.view(Optional.of(suspended()), PUBLISHED.plusSeconds(60), true);
        assertThat(view.status()).isEqualTo(Status.SUSPENDED);
        assertThat(view.reason()).contains("moved 20.00%");
        assertThat(view.rows()).isEmpty();
        assertThat(view.spotUsdPerTroyOunce()).isNull();
        assertThat(view.simulated()).as("the active feed is simulated").isTrue();
    }

    @Test
    void anAgedOrExpiredTickIsStaleAndShowsNoPrice() {
        PriceTick tick = active(3600, Duration.ofHours(24));
        assertThat(BOARD.view(Optional.of(tick), PUBLISHED.plusSeconds(3600), false)
                        .status())
                .isEqualTo(Status.ACTIVE);
        DisplayPrice aged = BOARD.view(Optional.of(tick), PUBLISHED.plusSeconds(3601), false);
        assertThat(aged.status()).isEqualTo(Status.STALE);
        assertThat(aged.rows()).isEmpty();
        assertThat(aged.reason()).contains("went out of date at 2026-11-22T10:00:00Z");

        PriceTick expiring = active(86400, Duration.ofHours(2));
        assertThat(BOARD.view(
                                Optional.of(expiring),
                                PUBLISHED.plus(Duration.ofHours(2)).plusSeconds(1),
                                false)
                        .status())
                .isEqualTo(Status.STALE);
    }

    @Test
    void noTickAtAll() {
        DisplayPrice view = BOARD.view(Optional.empty(), PUBLISHED, true);
        assertThat(view.status()).isEqualTo(Status.NO_PRICE);
        assertThat(view.rows()).isEmpty();
    }

    @Test
    void theTextEndpointHasOneShortLinePerPurityInEachLanguage() {
        DisplayPrice view =
                BOARD.view(Optional.of(active(86400, Duration.ofHours(12))), PUBLISHED.plusSeconds(60), true);
        assertThat(DisplayText.render(view, Language.EN)).isEqualTo("""
                Gold buying price, UGX per gram (SIMULATED)
                Fine gold: 286,866
                999: 286,580
                916 (22k): 262,770
                750 (18k): 215,151
                Updated 2026-11-22 12:00 GMT+3
                """);
        assertThat(DisplayText.render(view, Language.SW))
                .contains("Dhahabu safi: 286,866")
                .contains("Imesasishwa");
        assertThat(DisplayText.render(view, Language.FR)).contains("Or fin: 286 866");
        assertThat(DisplayText.render(view, Language.ES)).contains("Oro fino: 286.866");
        assertThat(DisplayText.render(view, Language.EN).lines())
                .allSatisfy(line -> assertThat(line.length()).isLessThan(60));

        String suspended = DisplayText.render(BOARD.view(Optional.of(suspended()), PUBLISHED, false), Language.SW);
        assertThat(suspended).contains("IMESIMAMISHWA").doesNotContain("286");
    }

    @Test
    void amountsAreGroupedFromMinorUnits() {
        assertThat(DisplayText.format(123456789L, 2, Language.EN)).isEqualTo("1,234,567.89");
        assertThat(DisplayText.format(123456789L, 2, Language.ES)).isEqualTo("1.234.567,89");
        assertThat(DisplayText.format(999L, 0, Language.FR)).isEqualTo("999");
        assertThat(DisplayText.format(5L, 2, Language.EN)).isEqualTo("0.05");
    }

    @Test
    void configuredPuritiesAndUnitsAreChecked() {
        assertThat(Purity.parse(" 585 : 14k ").name()).isEqualTo("585 (14k)");
        assertThat(Purity.parse("750.0").perMille().toString()).isEqualTo("750");
        assertThat(Purity.parse("916.7").perMille().toString()).isEqualTo("916.7");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Purity.parse("1200"))
                .hasMessageContaining("not in (0, 1000]");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalUnit.parse("tomin"))
                .hasMessageContaining("name:grams");
    }
}
