package org.goldbuying.station.receipt;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.scale.balance.RegisteredBalance;
import org.goldbuying.station.StationConfig;
import org.goldbuying.station.common.MoneyFormat;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.lot.LotPayment;
import org.goldbuying.station.lot.LotRepository;
import org.goldbuying.station.lot.LotStatus;
import org.goldbuying.station.lot.LotWeighing;
import org.goldbuying.station.lot.QuoteTerms;
import org.goldbuying.station.outbox.OutboxRepository;
import org.goldbuying.station.seller.LimitsConfig;
import org.goldbuying.station.seller.MineSite;
import org.goldbuying.station.seller.Seller;
import org.goldbuying.station.seller.SellerRepository;
import org.goldbuying.station.weighing.CounterBalance;

/** Gathers a paid lot, its seller, site and the balance's legal metrology into a receipt. */
@ApplicationScoped
public class ReceiptService {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private final LotRepository lots;
    private final SellerRepository sellers;
    private final CounterBalance balance;
    private final StationConfig station;
    private final LimitsConfig limits;
    private final ReceiptConfig config;
    private final OutboxRepository outbox;

    public ReceiptService(
            LotRepository lots,
            SellerRepository sellers,
            CounterBalance balance,
            StationConfig station,
            LimitsConfig limits,
            ReceiptConfig config,
            OutboxRepository outbox) {
        this.outbox = outbox;
        this.lots = lots;
        this.sellers = sellers;
        this.balance = balance;
        this.station = station;
        this.limits = limits;
        this.config = config;
    }

    @WithSession
    public Uni<Receipt> receipt(UUID lotId) {
        return lots.require(lotId)
                .invoke(lot -> {
                    if (lot.status() != LotStatus.PAID) {
                        throw new StationException(
                                StationError.WRONG_STATE,
                                "Lot " + lot.id() + " is " + lot.status() + "; a receipt exists only for a paid lot.");
                    }
                })
                .chain(lot -> sellers.findById(UUID.fromString(lot.sellerId()))
                        .chain(seller -> outbox.of(lot.id(), Contract.SIGNED_PURCHASE_EVENT.name())
                                .map(event -> build(lot, seller, event == null ? null : event.payload))));
    }

    private Receipt build(Lot lot, Seller seller, String signedPurchase) {
        ZoneId zone = limits.timeZone();
        RegisteredBalance b = balance.registered();
        MineSite site = seller.sites.stream()
                .filter(s -> s.id.equals(lot.mineSiteId()))
                .findFirst()
                .orElse(null);
        QuoteTerms quote = lot.quote();
        LotWeighing weighing = lot.weighing();
        LotPayment payment = lot.payment();
        String approvedBy = lot.approval().approvedBy();
        int exp = quote.currencyExponent();
        String ccy = quote.currency();
        List<Receipt.Line> amounts = List.of(
                new Receipt.Line("Gross value", MoneyFormat.money(quote.grossValueMinor(), exp, ccy)),
                new Receipt.Line("Discount", "- " + MoneyFormat.money(quote.discountMinor(), exp, ccy)),
                new Receipt.Line("Royalty / withholding", "- " + MoneyFormat.money(quote.royaltyMinor(), exp, ccy)),
                new Receipt.Line("Fees", "- " + MoneyFormat.money(quote.feesMinor(), exp, ccy)));
        String verifyUrl = config.verifyUrl() + "?lot=" + lot.id() + "&code="
                + URLEncoder.encode(payment.verificationCode(), StandardCharsets.UTF_8);
        // the QR carries the signed purchase too, so a phone can check it offline (docs/architecture.md)
        String qrLink = verifyUrl + (signedPurchase == null ? "" : SignedPurchases.receiptFragment(signedPurchase));
        return new Receipt(
                station.id(),
                station.region(),
                lot.id().toString(),
                payment.stationSequence(),
                TIME.format(payment.paidAt().atZone(zone)),
                payment.paidBy(),
                approvedBy,
                seller.name,
                seller.id.toString(),
                seller.type.name(),
                seller.nationalId != null ? "National ID " + seller.nationalId : "Licence " + seller.licenceNumber,
                site == null ? "" : site.name,
                site == null ? "" : site.latitude.toPlainString() + ", " + site.longitude.toPlainString(),
                weighing.deviceId(),
                b.accuracyClass().name(),
                b.maxGrams().toPlainString(),
                b.minGrams().toPlainString(),
                b.verificationIntervalGrams().toPlainString(),
                b.displayIntervalGrams().toPlainString(),
                b.certificateNumber(),
                b.verificationExpiry().toString(),
                weighing.readingId(),
                weighing.rawFrame(),
                weighing.typed()
                        ? "typed by " + lot.createdBy() + " (" + weighing.overrideReason() + "), approved by "
                                + approvedBy
                        : null,
                weighing.grossGrams().toPlainString(),
                lot.assay().finenessPerMille().toPlainString(),
                lot.assay().method().name(),
                quote.fineGrams().toPlainString(),
                quote.tickSequence(),
                quote.spotUsdPerTroyOunce().toPlainString(),
                quote.spotUsdPerGram().toPlainString(),
                quote.fxLocalPerUsd().toPlainString(),
                quote.localPerFineGram().toPlainString(),
                amounts,
                MoneyFormat.money(quote.netPayableMinor(), exp, ccy),
                MoneyFormat.money(quote.advanceMinor(), exp, ccy),
                MoneyFormat.money(quote.retentionMinor(), exp, ccy),
                payment.method(),
                payment.verificationCode(),
                verifyUrl,
                qrLink,
                QrCode.svg(qrLink));
    }
}
