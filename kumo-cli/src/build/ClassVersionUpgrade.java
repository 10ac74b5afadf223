import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Rewrites the classes of older than Java 6's class file format (49 and before) in the named jars of a directory as
 * Java 8 class files (52) with stack maps, the same code otherwise. Build step of the CLI (a source-file program,
 * JDK 24+ for java.lang.classfile): the JVM's AOT cache and CDS archives cannot hold a class verified by the old
 * verifier, so picocli (class file 49) and every CLI class built on it were loaded and verified anew on each call.
 * A jar whose rewritten classes do not all pass the verifier is left as it was.
 *
 * <p>Usage: {@code java ClassVersionUpgrade.java DIR NAME-PREFIX...}
 */
public final class ClassVersionUpgrade {

    private static final int OLDEST_KEPT = 50;
    private static final int WRITTEN = 52;

    private ClassVersionUpgrade() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: java ClassVersionUpgrade.java DIR NAME-PREFIX...");
        }
        Path dir = Path.of(args[0]);
        List<String> prefixes = List.of(args).subList(1, args.length);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (name.endsWith(".jar") && prefixes.stream().anyMatch(name::startsWith)) {
                    upgrade(jar);
                }
            }
        }
    }

    private static void upgrade(Path jar) throws IOException {
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".rewriting");
        int count = 0;
        List<String> errors = new ArrayList<>();
        try (JarFile in = new JarFile(jar.toFile());
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                OutputStream file = Files.newOutputStream(rewritten);
                JarOutputStream out = new JarOutputStream(file)) {
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ConstantPoolSharingOption.NEW_POOL,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
            for (JarEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".class") && majorVersion(bytes) < OLDEST_KEPT) {
                    bytes = rewrite(classFile, bytes);
                    errors.addAll(classFile.verify(bytes).stream().map(e -> entry.getName() + ": " + e).toList());
                    count++;
                }
                JarEntry copy = new JarEntry(entry.getName());
                copy.setLastModifiedTime(entry.getLastModifiedTime() == null
                        ? FileTime.fromMillis(0) : entry.getLastModifiedTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (RuntimeException e) {
            errors.add(e.toString());
        }
        if (count == 0 || !errors.isEmpty()) {
            Files.delete(rewritten);
            if (!errors.isEmpty()) {
                System.err.println("kept " + jar + " as it was (its classes stay out of the CLI's class cache): "
                        + errors.getFirst());
            }
            return;
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("rewrote " + count + " classes of " + jar.getFileName() + " as class file " + WRITTEN);
    }

    /** Same instructions and members; the version raised, so the code is rebuilt and stack maps are generated. */
    private static byte[] rewrite(ClassFile classFile, byte[] bytes) {
        ClassTransform version = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(WRITTEN, 0);
            } else {
                builder.with(element);
            }
        };
        return classFile.transformClass(classFile.parse(bytes),
                version.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
    }

    private static int majorVersion(byte[] bytes) {
        return bytes.length < 8 ? Integer.MAX_VALUE : (bytes[6] & 0xff) << 8 | bytes[7] & 0xff;
    }
}
