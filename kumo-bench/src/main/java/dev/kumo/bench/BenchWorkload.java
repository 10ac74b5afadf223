package dev.kumo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A sample workload as the cold-start benchmark runs it: directly (its command in its directory with PORT set) and
 * as a Kumo Service with the same container, plus revision-template annotations; its {@link #variants()} are the
 * ways Kumo runs it.
 */
record BenchWorkload(String name, List<String> command, Path workingDir, Map<String, String> annotations) {

    BenchWorkload {
        command = List.copyOf(command);
        annotations = Map.copyOf(annotations);
    }

    /** samples/hello-python: {@code python3 app.py}. */
    static BenchWorkload python(Path samples) {
        return new BenchWorkload("hello-python", List.of("python3", "app.py"), samples.resolve("hello-python"),
                Map.of());
    }

    /** samples/hello-java: {@code java Hello.java}, the JDK's source launcher. */
    static BenchWorkload java(Path samples) {
        return new BenchWorkload("hello-java", List.of("java", "Hello.java"), samples.resolve("hello-java"), Map.of());
    }

    /**
     * {@code busybox httpd} (Debian's busybox-static) serving {@code www}: a static server whose own start is a few
     * milliseconds, so what Kumo adds shows. Through {@code sh -c} in both runs, as Kumo passes no {@code $(PORT)}.
     */
    static BenchWorkload busybox(Path busybox, Path www) {
        return new BenchWorkload("hello-busybox", List.of("/bin/sh", "-c", "exec " + busybox
                + " httpd -f -p 127.0.0.1:$PORT -h " + www), www, Map.of());
    }

    /** The ways Kumo runs this workload: as a host process, compared with the same command spawned directly. */
    List<ColdStartVariant> variants() {
        return List.of(new ColdStartVariant("process", name -> service(name, true),
                List.of(DirectStart.spawn(this, command))));
    }

    /** This workload with more revision-template annotations and another name. */
    BenchWorkload annotated(String newName, Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(annotations);
        all.putAll(more);
        return new BenchWorkload(newName, command, workingDir, all);
    }

    /** The command line with JVM or interpreter options inserted after the program. */
    List<String> withOptions(List<String> options) {
        List<String> line = new ArrayList<>(command.subList(0, 1));
        line.addAll(options);
        line.addAll(command.subList(1, command.size()));
        return line;
    }

    /** A Knative Service running this workload, created at zero (initial-scale 0) when {@code atZero}. */
    String service(String serviceName, boolean atZero) {
        StringBuilder annotationsJson = new StringBuilder();
        Map<String, String> all = new java.util.TreeMap<>(annotations);
        if (atZero) {
            all.put("autoscaling.knative.dev/initial-scale", "0");
        }
        all.forEach((key, value) -> annotationsJson.append(annotationsJson.isEmpty() ? "" : ",")
                .append(quote(key)).append(':').append(quote(value)));
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":"
                + quote(serviceName) + "},\"spec\":{\"template\":{\"metadata\":{\"annotations\":{" + annotationsJson
                + "}},\"spec\":{\"containers\":[{\"command\":[" + quote(command.getFirst()) + "],\"args\":["
                + String.join(",", command.subList(1, command.size()).stream().map(BenchWorkload::quote).toList())
                + "],\"workingDir\":" + quote(workingDir.toString()) + "}]}}}}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
