package org.goldbuying.local;

import java.nio.file.Path;

/**
 * What {@code ./local-network.sh} prints once everything is up: every URL the README's table lists, the demo
 * accounts and the console's commands. Placeholders are replaced by name, not with a format string, so a {@code %}
 * in the text (the analyser's "Au%") is printed as it is.
 */
final class Banner {
    private static final String TEXT = """

            The local network is up.
              Treasury dashboard      {centre}/dashboard/
              Public price display    {centre}/display/   (?lang=fr, es, sw)
              Price as text (SMS)     {centre}/api/display/price.txt?lang=sw
              Counter page            {station}/counter/
              Central office          {centre}
                reserve               {centre}/api/reserve
                ledger                {centre}/api/ledger?by=region
                stations              {centre}/api/stations
                official price        {centre}/api/price
                pricing policy        {centre}/api/pricing/policy
                policy versions       {centre}/api/pricing/policy/versions
                manual and held       {centre}/api/pricing/prices
                pricing audit trail   {centre}/api/pricing/audit
                gold feed             {centre}/api/feed
                national sellers      {centre}/api/sellers   (compliance decides blocks with four eyes)
                receipt check page    {centre}/verify?lot={purchaseId}&code={code}
                receipt check API     {centre}/api/receipts/{purchaseId}?code={code}
                API docs              {centreManagement}/q/swagger-ui   (management interface)
                health, metrics       {centreManagement}/q/health, {centreManagement}/q/metrics
              Buying station {stationId}
                price held            {station}/api/price
                API docs              {stationManagement}/q/swagger-ui   (management interface)
                health, metrics       {stationManagement}/q/health, {stationManagement}/q/metrics
              Identity provider       {identityProvider}   (Keycloak, for the dashboard's login)
              Kafka                   {kafka}
              Logs                    {logs}
            Demo accounts at the station (the counter page asks): clerk / clerk-demo, clerk2 / clerk2-demo,
              supervisor / supervisor-demo, supervisor2 / supervisor2-demo
            Demo accounts at the centre (passwords, and the same at the identity provider): treasury / treasury-demo,
              treasury2 / treasury2-demo, auditor / auditor-demo, compliance / compliance-demo, compliance2 /
              compliance2-demo; at the identity provider also operations / operations-demo
            The gold feed is SIMULATED. Drive the simulated devices by typing here:
              place <grams> [settle-ms]   put a load on the pan     clear       empty the pan
              overload                    simulate an overload      serial <s>  report another serial number
              shoot <Au%> [Ag%] [Cu%]     send one XRF shot (after "Weigh, then XRF" on the counter page)
            Ctrl-C stops everything.
            """;

    private Banner() {}

    static String text(
            String centreUrl,
            String stationUrl,
            String centreManagementUrl,
            String stationManagementUrl,
            String identityProvider,
            String kafka,
            Path logs) {
        return TEXT.replace("{centreManagement}", centreManagementUrl)
                .replace("{stationManagement}", stationManagementUrl)
                .replace("{identityProvider}", identityProvider)
                .replace("{centre}", centreUrl)
                .replace("{station}", stationUrl)
                .replace("{stationId}", LocalNetwork.STATION_ID)
                .replace("{kafka}", kafka)
                .replace("{logs}", logs.toString());
    }
}
