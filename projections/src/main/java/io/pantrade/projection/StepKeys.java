package io.pantrade.projection;

/**
 * Names a history entry after the sequence number of the event that made it, so that handling the
 * event twice writes the same entry. Zero-padded so the entries also sort as text, e.g. in a MongoDB shell.
 */
public final class StepKeys {

    private StepKeys() {
    }

    public static String of(long sequence) {
        return String.format("%09d", sequence);
    }

    public static long sequenceOf(String key) {
        return Long.parseLong(key);
    }
}
