package org.goldbuying.centre.price;

import org.goldbuying.contracts.PriceTick;

/** CDI event fired after a tick was stored and sent, so displays can push it without polling the database. */
public record PriceTickPublished(PriceTick tick) {}
