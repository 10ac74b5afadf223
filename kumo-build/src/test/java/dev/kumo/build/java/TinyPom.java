package dev.kumo.build.java;

/**
 * A Maven project with no dependencies, its plugins pinned to the versions Kumo's own build uses (so the shared
 * local repository has them offline); surefire is not run (Maven 3.8 resolves it with jars Kumo's build never needs).
 */
final class TinyPom {

    static final String XML = withDependencies("");

    /** The pom with {@code dependencies} (Maven's {@code <dependency>} elements) added. */
    static String withDependencies(String dependencies) {
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>demo</groupId>
              <artifactId>hello</artifactId>
              <version>1.0</version>
              <properties>
                <maven.compiler.release>21</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>%s</dependencies>
              <build>
                <plugins>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                  <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version>
                    <executions><execution><id>default-test</id><phase>none</phase></execution></executions></plugin>
                </plugins>
              </build>
            </project>
            """.formatted(dependencies);
    }

    private TinyPom() {
    }
}
