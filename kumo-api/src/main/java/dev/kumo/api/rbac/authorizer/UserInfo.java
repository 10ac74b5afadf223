package dev.kumo.api.rbac.authorizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a request runs as: a user name and the groups it belongs to. A ServiceAccount is the user
 * {@code system:serviceaccount:NAMESPACE:NAME} in the groups {@code system:serviceaccounts},
 * {@code system:serviceaccounts:NAMESPACE} and {@code system:authenticated}.
 */
public record UserInfo(String name, List<String> groups) {

    public static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";
    public static final String SERVICE_ACCOUNTS = "system:serviceaccounts";
    public static final String AUTHENTICATED = "system:authenticated";
    public static final String MASTERS = "system:masters";
    /** Who holds Kumo's token: a cluster admin, as a client certificate in {@code system:masters} is. */
    public static final UserInfo ADMIN = new UserInfo("kumo-admin", List.of(MASTERS, AUTHENTICATED));

    public UserInfo {
        groups = List.copyOf(groups);
    }

    /** The user of ServiceAccount {@code name} in {@code namespace}. */
    public static UserInfo serviceAccount(String namespace, String name) {
        return new UserInfo(SERVICE_ACCOUNT_PREFIX + namespace + ":" + name, serviceAccountGroups(namespace));
    }

    /**
     * The user a request impersonates, as Kubernetes' impersonation filter makes it: a ServiceAccount's user name
     * gets the ServiceAccount groups unless groups are given, and every user but {@code system:anonymous} is in
     * {@code system:authenticated}.
     */
    public static UserInfo impersonated(String name, List<String> groups) {
        List<String> all = new ArrayList<>(groups);
        if (groups.isEmpty()) {
            serviceAccountNamespace(name).ifPresent(namespace -> all.addAll(serviceAccountGroups(namespace)));
        }
        if (!name.equals("system:anonymous") && !all.contains(AUTHENTICATED)) {
            all.add(AUTHENTICATED);
        }
        return new UserInfo(name, all.stream().distinct().toList());
    }

    /** The namespace of a ServiceAccount's user name ({@code system:serviceaccount:NS:NAME}). */
    static Optional<String> serviceAccountNamespace(String user) {
        if (!user.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1);
        return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty() ? Optional.of(parts[0])
                : Optional.empty();
    }

    private static List<String> serviceAccountGroups(String namespace) {
        return List.of(SERVICE_ACCOUNTS, SERVICE_ACCOUNTS + ":" + namespace, AUTHENTICATED);
    }
}
