package org.goldbuying.station.assay;

import org.goldbuying.scale.xrf.XrfShot;

/** A CDI event: the analyser on this counter's serial line sent a complete shot. */
public record XrfShotReceived(XrfShot shot) {}
