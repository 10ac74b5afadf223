package dev.kumo.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The package cycles of a source tree: each {@code .java} file's package depends on every {@code dev.kumo} package
 * whose class it names (imports, static imports, qualified names); a cycle is a strongly connected set of two or more
 * packages. Read as text, so it is cheap and needs no compiled classes.
 */
public final class PackageCycles {

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern NAMED = Pattern.compile("\\b(dev\\.kumo(?:\\.[a-z_]\\w*)*)\\.[A-Z]");

    private PackageCycles() {
    }

    /** The cycles among the packages under {@code sourceRoot}, each as its sorted package names. */
    public static List<Set<String>> in(Path sourceRoot) {
        return cycles(graph(sourceRoot));
    }

    /** Each package under {@code sourceRoot} and the packages it names. */
    public static Map<String, Set<String>> graph(Path sourceRoot) {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher declared = PACKAGE.matcher(text);
                if (!declared.find()) {
                    continue;
                }
                String pkg = declared.group(1);
                Set<String> uses = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher named = NAMED.matcher(text);
                named.region(declared.end(), text.length());
                while (named.find()) {
                    if (!named.group(1).equals(pkg)) {
                        uses.add(named.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the sources under " + sourceRoot, e);
        }
        return graph;
    }

    /** The strongly connected sets of two or more packages (Tarjan's algorithm, iterative). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, List<String>>> work = new ArrayDeque<>();
            visit(start, graph, index, low, stack, onStack, work);
            while (!work.isEmpty()) {
                Map.Entry<String, List<String>> top = work.peek();
                String node = top.getKey();
                List<String> next = top.getValue();
                if (!next.isEmpty()) {
                    String to = next.remove(0);
                    if (!index.containsKey(to)) {
                        visit(to, graph, index, low, stack, onStack, work);
                    } else if (onStack.contains(to)) {
                        low.put(node, Math.min(low.get(node), index.get(to)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    Set<String> component = new TreeSet<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        cycles.add(component);
                    }
                }
            }
        }
        return cycles;
    }

    private static void visit(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
            Deque<Map.Entry<String, List<String>>> work) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        List<String> next = new ArrayList<>(graph.get(node).stream().filter(graph::containsKey).toList());
        work.push(Map.entry(node, next));
    }
}
