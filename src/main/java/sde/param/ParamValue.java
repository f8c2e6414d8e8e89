package sde.param;

import java.io.Serializable;

/**
 * One checked parameter value, of the type its {@link ParamSpec} declares. A value knows its type,
 * so reading a parameter is a method call, not a cast from {@code Object}; the JSON edges turn it
 * back into a plain number, boolean or text with {@link #plain}.
 */
public sealed interface ParamValue extends Serializable {

    /** A {@code ParamSpec.dbl} value. */
    record Real(double value) implements ParamValue {
        @Override public double number() { return value; }
        @Override public Object plain() { return value; }
    }

    /** A {@code ParamSpec.integer} value. */
    record Whole(int value) implements ParamValue {
        @Override public double number() { return value; }
        @Override public Object plain() { return value; }
    }

    /** A {@code ParamSpec.bool} value, or the on/off switch of an optional strategy. */
    record Flag(boolean value) implements ParamValue {
        @Override public boolean flag() { return value; }
        @Override public Object plain() { return value; }
    }

    /** A {@code ParamSpec.choice} value: one of the declared words. */
    record Label(String value) implements ParamValue {
        public Label {
            if (value == null) throw new IllegalArgumentException("a choice needs a word, not null");
        }
        @Override public String text() { return value; }
        @Override public Object plain() { return value; }
    }

    /** A number's value as a double (a whole number too); an error for a flag or a word. */
    default double number() {
        throw new IllegalArgumentException("expected a number, got '" + plain() + "'");
    }

    /** A flag's value; an error for anything else. */
    default boolean flag() {
        throw new IllegalArgumentException("expected true or false, got '" + plain() + "'");
    }

    /** A word's value; an error for anything else. */
    default String text() {
        throw new IllegalArgumentException("expected a word, got '" + plain() + "'");
    }

    /** The value as JSON and YAML carry it: Double, Integer, Boolean or String. */
    Object plain();
}
