package dev.kumo.api.placeholder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.Admission;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.kinds.FieldValidation;
import java.util.List;
import java.util.Optional;

/**
 * Admission that refuses every write with one message, 405 as kube-apiserver answers a verb a resource does not
 * allow; kubectl prints it per object ({@code Error from server (MethodNotAllowed): error when creating …}) and
 * goes on with the rest of the file.
 */
record RefusingAdmission(String message) implements Admission {

    @Override
    public Admitted admit(ObjectNode incoming, Optional<ObjectNode> existing, FieldValidation validation) {
        throw new ApiException(StatusReason.MethodNotAllowed, message, "", "", List.of());
    }
}
