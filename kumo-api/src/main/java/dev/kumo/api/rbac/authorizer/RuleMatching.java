package dev.kumo.api.rbac.authorizer;

import dev.kumo.api.rbac.PolicyRule;

/**
 * Whether one policy rule allows a request, as Kubernetes' {@code rbac.RuleAllows}: the verb, then for resources the
 * API group, the resource ({@code *}, {@code pods/log}, {@code *\/log}) and the names; for URLs the path, exact or by
 * a trailing {@code *}.
 */
final class RuleMatching {

    private static final String ALL = "*";

    private RuleMatching() {
    }

    static boolean allows(PolicyRule rule, Attributes attributes) {
        if (!rule.verbs().contains(ALL) && !rule.verbs().contains(attributes.verb())) {
            return false;
        }
        return switch (attributes) {
            case Attributes.Resource r -> (rule.apiGroups().contains(ALL) || rule.apiGroups().contains(r.apiGroup()))
                    && resourceMatches(rule, r) && (rule.resourceNames().isEmpty()
                            || rule.resourceNames().contains(r.name()));
            case Attributes.NonResource n -> rule.nonResourceURLs().stream().anyMatch(url -> urlMatches(url, n.path()));
        };
    }

    private static boolean resourceMatches(PolicyRule rule, Attributes.Resource request) {
        String combined = request.resourceWithSubresource();
        for (String resource : rule.resources()) {
            if (resource.equals(ALL) || resource.equals(combined)) {
                return true;
            }
            if (!request.subresource().isEmpty() && resource.equals("*/" + request.subresource())) {
                return true;
            }
        }
        return false;
    }

    private static boolean urlMatches(String ruleUrl, String path) {
        return ruleUrl.equals(ALL) || ruleUrl.equals(path)
                || ruleUrl.endsWith(ALL) && path.startsWith(ruleUrl.substring(0, ruleUrl.length() - 1));
    }
}
