package sde.strategy;

/** Which side a vertical spread sells or buys: puts, calls, or the side the trend says (above its SMA: puts). */
public enum Side { TREND, PUT, CALL }
