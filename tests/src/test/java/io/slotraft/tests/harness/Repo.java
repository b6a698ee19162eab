package io.slotraft.tests.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the built node are; failsafe passes the repository root as a property. */
public final class Repo {
  private Repo() {}

  public static Path root() {
    String configured = System.getProperty("slotraft.repo");
    Path root = configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
    return root.toAbsolutePath().normalize();
  }

  public static Path nodeJar() {
    return built("node/target/slotraft-node.jar");
  }

  public static Path adminJar() {
    return built("cluster-admin/target/slotraft-admin.jar");
  }

  private static Path built(String relative) {
    Path jar = root().resolve(relative);
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: run the tests through 'mvn verify' so it is packaged first");
    }
    return jar;
  }
}
