package org.goldbuying.scale.xrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class XrfCsvImporterTest {
    static final String CSV = "\uFEFFReading #,Instrument Serial Num,Method Name,Date,Time,Test Duration,"
            + "Au,Au +/-,Ag,Ag +/-,Cu,Cu +/-,Pb,Pb +/-,W,W +/-,Notes\r\n"
            + "101,840123,\"Precious, Gold\",2026-11-22,09:15:00,30,91.70,0.11,4.05,0.06,4.20,0.05,<LOD,,<LOD,,\r\n"
            + "102,840123,\"Precious, Gold\",2026-11-22,09:16:10,30.5,91.66,0.12,4.07,0.06,4.22,0.05,<LOD,,,,\"said "
            + "\"\"ring\"\"\"\r\n";

    final XrfCsvImporter importer = new XrfCsvImporter(XrfCsvImporter.Layout.geoChemStyle(ZoneOffset.UTC));

    @Test
    void readsEveryRowWithLodAndSigma() {
        List<XrfShot> shots = importer.importCsv(CSV);
        assertThat(shots).hasSize(2);
        XrfShot first = shots.get(0);
        assertThat(first.shotId()).isEqualTo("101");
        assertThat(first.analyser().serialNumber()).isEqualTo("840123");
        assertThat(first.measuredAt()).isEqualTo(Instant.parse("2026-11-22T09:15:00Z"));
        assertThat(first.measurementTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(first.percent(Element.AU)).isEqualByComparingTo("91.70");
        assertThat(first.reading(Element.AU).orElseThrow().sigma()).isEqualByComparingTo("0.11");
        assertThat(first.reading(Element.PB).orElseThrow().belowDetection()).isTrue();
        assertThat(first.source()).isEqualTo(XrfShot.Source.CSV_IMPORT);
        assertThat(shots.get(1).measurementTime()).isEqualTo(Duration.ofMillis(30_500));
        assertThat(shots.get(1).reading(Element.W)).isEmpty();
    }

    @Test
    void layoutProblemsAreTyped() {
        assertFault(CSV.replace("Reading #", "Reading"), XrfFault.CSV_FORMAT);
        assertFault(
                CSV.replace("Au,Au +/-,Ag,Ag +/-,Cu,Cu +/-,Pb,Pb +/-,W,W +/-", "a,b,c,d,e,f,g,h,i,j"),
                XrfFault.CSV_FORMAT);
        assertFault(CSV.replace("91.66", "91.6.6"), XrfFault.CSV_FORMAT);
        assertFault(CSV.replace("91.66", "191.66"), XrfFault.CSV_FORMAT);
        assertFault(CSV.replace("09:16:10", "9h16"), XrfFault.CSV_FORMAT);
        assertFault(CSV.replace(",30.5,", ",30.5,,"), XrfFault.CSV_FORMAT);
        assertFault(CSV.replace("\"said", "said"), XrfFault.CSV_FORMAT);
        assertFault("", XrfFault.CSV_FORMAT);
        assertFault(CSV.substring(0, CSV.indexOf("101,")), XrfFault.CSV_FORMAT);
    }

    @Test
    void badRowIsNamed() {
        assertThatThrownBy(() -> importer.importCsv(CSV.replace("91.66", "x")))
                .isInstanceOfSatisfying(
                        XrfException.class, e -> assertThat(e.detail()).startsWith("row 3"));
    }

    @Test
    void ppmExports() {
        XrfCsvImporter.Layout geo = XrfCsvImporter.Layout.geoChemStyle(ZoneOffset.UTC);
        XrfCsvImporter ppm = new XrfCsvImporter(new XrfCsvImporter.Layout(
                geo.delimiter(),
                geo.shotIdColumn(),
                geo.serialColumn(),
                null,
                "Vanta",
                geo.timeColumns(),
                geo.timeFormat(),
                geo.zone(),
                geo.durationSecondsColumn(),
                "ppm",
                geo.sigmaSuffix(),
                geo.belowDetection()));
        String csv = "Reading #,Instrument Serial Num,Date,Time,Test Duration,Au,Au +/-\n"
                + "7,S1,2026-11-22,10:00:00,20,917000,1100\n";
        XrfShot shot = ppm.importCsv(csv).get(0);
        assertThat(shot.percent(Element.AU)).isEqualByComparingTo("91.7");
        assertThat(shot.reading(Element.AU).orElseThrow().sigma()).isEqualByComparingTo("0.11");
        assertThat(shot.analyser().model()).isEqualTo("Vanta");
    }

    void assertFault(String csv, XrfFault expected) {
        assertThatThrownBy(() -> importer.importCsv(csv))
                .isInstanceOfSatisfying(
                        XrfException.class,
                        e -> assertThat(e.fault()).as(e.getMessage()).isEqualTo(expected));
    }
}
