package org.goldbuying.scale.balance;

/** OIML R76 accuracy classes. Precious metals are traded on class I or II only. */
public enum AccuracyClass {
    I,
    II,
    III,
    IIII;

    public boolean allowedForPreciousMetals() {
        return this == I || this == II;
    }
}
