package dev.kumo.build.func;

import java.nio.file.Path;
import java.util.Set;

/**
 * What of an interpreter's standard library directory goes into the base (pure): all but the parts a function
 * server never loads — the stdlib's own tests, the IDE and Tk, pip's bootstrap, the static library and headers of
 * {@code config-*}, and third-party packages (the base holds the interpreter as the language ships it).
 */
final class BaseContents {

    private static final Set<String> SKIPPED_TOP = Set.of("test", "idlelib", "tkinter", "turtledemo", "ensurepip",
            "lib2to3", "site-packages", "dist-packages");
    private static final Set<String> SKIPPED_ANYWHERE = Set.of("idle_test", "tests");

    private BaseContents() {
    }

    /** Whether {@code relative} (a path inside the stdlib directory) goes into the base. */
    static boolean keeps(Path relative) {
        if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            return true;
        }
        String top = relative.getName(0).toString();
        if (SKIPPED_TOP.contains(top) || top.startsWith("config-")) {
            return false;
        }
        for (Path name : relative) {
            if (SKIPPED_ANYWHERE.contains(name.toString())) {
                return false;
            }
        }
        return true;
    }
}
