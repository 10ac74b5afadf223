package dev.kumo.bench;

import java.time.Duration;

/**
 * CPU time over a run of the eventing benchmark: the mesh's, its JIT compiler threads' part, this JVM's (producers
 * and subscriber), its JIT compiler threads' part.
 */
record RunCpu(Duration mesh, Duration meshJit, Duration bench, Duration benchJit) {

    static final RunCpu NONE = new RunCpu(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    RunCpu plus(RunCpu other) {
        return new RunCpu(mesh.plus(other.mesh), meshJit.plus(other.meshJit), bench.plus(other.bench),
                benchJit.plus(other.benchJit));
    }

    RunCpu minus(RunCpu before) {
        return new RunCpu(mesh.minus(before.mesh), meshJit.minus(before.meshJit), bench.minus(before.bench),
                benchJit.minus(before.benchJit));
    }

    /** The JIT's share of the mesh's CPU in percent (0 when the mesh used none). */
    double meshJitPercent() {
        return percent(meshJit, mesh);
    }

    /** The JIT's share of this JVM's CPU in percent. */
    double benchJitPercent() {
        return percent(benchJit, bench);
    }

    private static double percent(Duration part, Duration whole) {
        return whole.isZero() ? 0 : 100.0 * part.toNanos() / whole.toNanos();
    }
}
