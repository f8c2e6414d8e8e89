package sde.pricing;

/**
 * One executed leg: {@code quantity} > 0 bought, < 0 sold (contracts, or shares when
 * {@code multiplier} is 1), at {@code price} per share. {@link #cash()} is what the account
 * receives (negative when paying), costs included.
 */
public record Fill(int quantity, double price, double commission, double fees, int multiplier, String reason) {
    public static final int CONTRACT = 100, SHARE = 1;

    public double cash() {
        return -quantity * price * multiplier - commission - fees;
    }

    public double costs() { return commission + fees; }
}
