package sde.data;

/** The file layouts the reader recognises from a CSV header (README: "Bring your own data"). */
public enum Layout {
    /** Yahoo-style bars: Date, Open, High, Low, Close, Adj Close, Volume, any order, extra columns ignored. */
    YAHOO,
    /** Plain bars: date,open,high,low,close[,volume][,dividend], any order, no adjusted close. */
    PLAIN,
    /** Cboe index history: DATE,OPEN,HIGH,LOW,CLOSE with MM/DD/YYYY (or MM/DD/YY) dates. */
    CBOE,
    /** Cboe close-only history: DATE,NAME (VVIX, SKEW). */
    CBOE_CLOSE,
    /** FRED: observation_date (or DATE/date),SERIES with '.' or blank for missing. */
    FRED,
    /** Cash dividends on ex-dates: Date,Dividend. */
    DIVIDENDS,
    /** Event dates, one per row: date. */
    EVENT_DATES,
    /** Event table: event,release_date[,release_time_et]. */
    EVENT_TABLE
}
