package org.goldbuying.centre.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LbmaPriceFileTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    @Test
    void theLatestDayGivesTheUsdPriceWhateverTheOrderOfTheFile() {
        String file = """
                [{"d":"2026-11-19","v":[2641.15,2087.3,2490.55]},
                 {"d":"2026-11-20","v":[2650.40,2094.1,2501.2]},
                 {"d":"1968-04-01","v":[37.7,15.7,0]}]""";
        LbmaPriceFile.DayPrice price = LbmaPriceFile.latest(file, TODAY);
        assertThat(price.day()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(price.usdPerTroyOunce()).isEqualByComparingTo("2650.40");
        // read exactly: no binary float on the way
        assertThat(price.usdPerTroyOunce().toPlainString()).isEqualTo("2650.40");
    }

    @Test
    void aDecimalStringIsAcceptedAsTheValue() {
        assertThat(LbmaPriceFile.latest("[{\"d\":\"2026-11-20\",\"v\":[\"2650.40\"]}]", TODAY)
                        .usdPerTroyOunce())
                .isEqualByComparingTo("2650.40");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                                     | is empty",
                "'not json'                                             | is not valid JSON",
                "'{\"d\":\"2026-11-20\",\"v\":[2650]}'                  | is not a JSON array",
                "'[]'                                                   | has no prices (empty list)",
                "'[1]'                                                  | entry 1 is not an object",
                "'[{\"v\":[2650]}]'                                     | entry 1 has no date",
                "'[{\"d\":\"20/11/2026\",\"v\":[2650]}]'                | not YYYY-MM-DD: 20/11/2026",
                "'[{\"d\":\"2026-11-20\"}]'                             | has no list of values",
                "'[{\"d\":\"2026-11-20\",\"v\":[]}]'                    | has no list of values",
                "'[{\"d\":\"2026-11-20\",\"v\":[0,0,0]}]'               | USD price for 2026-11-20 is not positive: 0",
                "'[{\"d\":\"2026-11-20\",\"v\":[-2650.4]}]'             | is not positive: -2650.4",
                "'[{\"d\":\"2026-11-20\",\"v\":[null]}]'                | has no value",
                "'[{\"d\":\"2026-11-20\",\"v\":[\"2,650\"]}]'           | is not a number",
                "'[{\"d\":\"2026-11-20\",\"v\":[true]}]'                | is not a number",
                "'[{\"d\":\"2026-11-20\",\"v\":[1e999999999]}]'         | is not a plausible price",
                "'[{\"d\":\"2026-11-20\",\"v\":[2650.123456789]}]'      | is not a plausible price",
                "'[{\"d\":\"2026-12-01\",\"v\":[2650]}]'                | after today",
                "'[{\"d\":\"2026-11-20\",\"v\":[2650]},{\"d\":\"2026-11-20\",\"v\":[2700]}]' | two entries for its "
                        + "latest day",
                "'[{\"d\":\"2026-11-19\",\"v\":[2650]},{\"d\":\"2026-11-20\",\"v\":[0]}]'    | not positive",
            })
    void untrustedInputIsRefusedWithAReasonAndNoPrice(String file, String reason) {
        assertThatThrownBy(() -> LbmaPriceFile.latest(file, TODAY))
                .isInstanceOf(FeedException.class)
                .hasMessageContaining(reason);
    }
}
