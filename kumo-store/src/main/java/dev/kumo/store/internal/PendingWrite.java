package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/** One queued write operation and, once its batch has run, its result or its failure. */
final class PendingWrite {

    private final Function<Transaction, ObjectNode> operation;
    private ObjectNode result;
    private RuntimeException failure;
    private volatile boolean done;

    PendingWrite(Function<Transaction, ObjectNode> operation) {
        this.operation = operation;
    }

    Function<Transaction, ObjectNode> operation() {
        return operation;
    }

    boolean isDone() {
        return done;
    }

    /** Records the result; the caller is told only after the batch is durable (see StoreEngine). */
    void succeed(ObjectNode value) {
        result = value;
    }

    void fail(RuntimeException e) {
        result = null;
        failure = e;
        done = true;
    }

    /** Marks a successful operation acknowledged. */
    void acknowledge() {
        done = true;
    }

    /** The result, or the failure rethrown; only after the batch that ran this write has finished. */
    ObjectNode result() {
        if (!done) {
            throw new IllegalStateException("write not run");
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
