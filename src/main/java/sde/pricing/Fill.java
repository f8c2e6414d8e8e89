package sde.pricing;

/**
 * One executed leg: {@code contracts} > 0 bought, < 0 sold, at {@code price} per share.
 * {@link #cash()} is what the account receives (negative when paying), costs included.
 */
public record Fill(int contracts, double price, double commission, double fees, String reason) {
    public static final int MULTIPLIER = 100;

    public double cash() {
        return -contracts * price * MULTIPLIER - commission - fees;
    }
}
