package org.goldbuying.station.weighing;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.station.security.Roles;

@Path("/api/balance")
@RolesAllowed(Roles.CLERK)
public class BalanceResource {
    private final CounterBalance balance;

    public BalanceResource(CounterBalance balance) {
        this.balance = balance;
    }

    /** The legal metrology printed with every weighing: Max, Min, e, d, class, certificate, expiry. */
    public record Registration(
            String deviceId,
            String serialNumber,
            String accuracyClass,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxGrams,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal minGrams,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal verificationIntervalGrams,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal displayIntervalGrams,
            String certificateNumber,
            LocalDate verificationExpiry) {}

    /** A live weight for the display; {@code stable=false} values must never be used for a transaction. */
    public record LiveWeight(
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grams, boolean stable, String rawFrame) {}

    @GET
    @Operation(summary = "The registered balance's legal metrology")
    public Registration registration() {
        RegisteredBalance b = balance.registered();
        return new Registration(
                b.deviceId(),
                b.serialNumber(),
                b.accuracyClass().name(),
                b.maxGrams(),
                b.minGrams(),
                b.verificationIntervalGrams(),
                b.displayIntervalGrams(),
                b.certificateNumber(),
                b.verificationExpiry());
    }

    @GET
    @Path("live")
    @Operation(summary = "The weight on the pan now, stable or not (display only)")
    public Uni<LiveWeight> live() {
        return balance.readLive().map(f -> new LiveWeight(f.grams(), f.stable(), f.rawFrame()));
    }
}
