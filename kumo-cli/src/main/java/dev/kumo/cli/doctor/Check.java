package dev.kumo.cli.doctor;

import java.util.Optional;

/**
 * One line of {@code kumo doctor}: what was checked, what was found and, for a problem, what to install or change.
 *
 * @param name what was checked ({@code podman}, {@code cgroups}, …)
 * @param status the verdict
 * @param found what the machine has, in a few words
 * @param fix what to install or change, for anything but {@link Status#OK}
 */
record Check(String name, Status status, String found, Optional<String> fix) {

    /** A check's verdict; only {@link #MISSING} makes the machine not ready. */
    enum Status {
        /** There and usable. */
        OK("✓"),
        /** Usable, with less than it could: Kumo works, a feature is weaker. */
        WARNING("!"),
        /** Needed and not there: Kumo cannot run containers until it is fixed. */
        MISSING("✗"),
        /** Not checked because something it needs is missing (said on its own line). */
        SKIPPED("-");

        private final String mark;

        Status(String mark) {
            this.mark = mark;
        }

        String mark() {
            return mark;
        }
    }

    static Check ok(String name, String found) {
        return new Check(name, Status.OK, found, Optional.empty());
    }

    static Check warning(String name, String found, String fix) {
        return new Check(name, Status.WARNING, found, Optional.of(fix));
    }

    static Check missing(String name, String found, String fix) {
        return new Check(name, Status.MISSING, found, Optional.of(fix));
    }

    static Check skipped(String name, String found) {
        return new Check(name, Status.SKIPPED, found, Optional.empty());
    }
}
