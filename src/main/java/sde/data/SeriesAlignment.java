package sde.data;

import java.util.List;

/**
 * What aligning one series to the axis found. Indexes are axis indexes.
 *
 * @param firstIndex   first axis day the series covers (first non-missing value), -1 when none
 * @param lastIndex    last axis day it covers, -1 when none
 * @param missing      axis days inside [firstIndex, lastIndex] with no value
 * @param offAxisDays  epoch days of rows inside the axis range that are not trading days (dropped)
 * @param longestGap   longest run of consecutive missing trading days
 * @param errors       the gaps SPEC §1 does not allow (missing underlying bars, index gaps over the limit)
 */
public record SeriesAlignment(String name, int firstIndex, int lastIndex, int[] missing, int[] offAxisDays,
                              int longestGap, List<String> errors) {
    public boolean ok() { return errors.isEmpty(); }
}
