package dev.kumo.dataplane.router;

/**
 * Picks a target index from a roll in [0, 100) so that each target gets exactly its percent of the rolls.
 * Performance: the 100 slots are precomputed once per route table, so a pick is one array read.
 */
final class WeightedPicker {

    private final byte[] slots = new byte[100];

    /** {@code percents} must sum to 100 and hold at most 127 targets. */
    WeightedPicker(int[] percents) {
        if (percents.length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("at most 127 targets per host, got " + percents.length);
        }
        int slot = 0;
        for (int target = 0; target < percents.length; target++) {
            for (int i = 0; i < percents[target]; i++) {
                slots[slot++] = (byte) target;
            }
        }
        if (slot != 100) {
            throw new IllegalArgumentException("percents sum to " + slot + ", want 100");
        }
    }

    /** The target owning {@code roll}, which must be in [0, 100). */
    int pick(int roll) {
        return slots[roll];
    }
}
