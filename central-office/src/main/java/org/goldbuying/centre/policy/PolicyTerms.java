package org.goldbuying.centre.policy;

import java.math.BigDecimal;

/** The values of one pricing policy version: what every tick published under it carries. */
public record PolicyTerms(
        BigDecimal fxLocalPerUsd,
        BigDecimal discountPercent,
        BigDecimal royaltyPercent,
        BigDecimal feesPercent,
        BigDecimal advancePercent,
        long maxTickAgeSeconds,
        long quoteLockSeconds) {}
