package dev.kumo.cli.service;

import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kn's {@code --revision-name}: {@code {{.Service}}}, {@code {{.Generation}}} and {@code {{.Random N}}} (N random
 * consonants) are filled in, and the name gets the Service's name and a dash as prefix if it lacks it.
 */
final class RevisionNameTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\.(\\w+)\\s*(\\d*)\\s*}}");
    private static final String CONSONANTS = "bcdfghjklmnpqrstvwxz";

    private RevisionNameTemplate() {
    }

    static String expand(String template, String service, long generation, RandomGenerator random) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder name = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "Service" -> service;
                case "Generation" -> Long.toString(generation);
                case "Random" -> random(matcher.group(2).isEmpty() ? 5 : Integer.parseInt(matcher.group(2)), random);
                default -> throw new InvalidFlag("--revision-name " + template + ": unknown placeholder "
                        + matcher.group() + " (want {{.Service}}, {{.Generation}} or {{.Random N}})");
            };
            matcher.appendReplacement(name, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(name);
        String expanded = name.toString();
        return expanded.startsWith(service + "-") ? expanded : service + "-" + expanded;
    }

    private static String random(int length, RandomGenerator random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(CONSONANTS.charAt(random.nextInt(CONSONANTS.length())));
        }
        return text.toString();
    }
}
