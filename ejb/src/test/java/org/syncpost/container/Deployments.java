package org.syncpost.container;

import java.io.File;
import java.util.Arrays;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment the container tests share: the EJB module's classes, migrations and
 * persistence unit as the product ships them, plus the test helpers, on Payara Micro's default (H2)
 * datasource.
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive facades() {
    WebArchive archive =
        ShrinkWrap.create(WebArchive.class, "syncpost-facades.war")
            .addPackages(true, Deployments::isProductOrHelper, "org.syncpost")
            .addAsResource("META-INF/persistence.xml")
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsWebInfResource("container-glassfish-web.xml", "glassfish-web.xml")
            .addAsWebInfResource("container-glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml");
    for (File migration : new File("src/main/resources/db/migration").listFiles()) {
      archive.addAsResource(migration, "db/migration/" + migration.getName());
    }
    Arrays.stream(System.getProperty("deployment.libraries").split(","))
        .map(File::new)
        .forEach(archive::addAsLibrary);
    return archive;
  }

  /** The cap of an incoming cycle in the {@link #engines()} deployment: small, to be reached. */
  public static final int ENGINES_MESSAGES_PER_CYCLE = 5;

  /**
   * The facades plus GreenMail, for the engine tests that run mail servers inside the test: the
   * schedulers are off (a test runs each cycle itself, so no timer races it for a mailbox) and an
   * incoming cycle takes at most {@value #ENGINES_MESSAGES_PER_CYCLE} messages.
   */
  public static WebArchive engines() {
    WebArchive archive =
        facades()
            .addAsResource(
                new StringAsset(
                    "syncpost.incoming.enabled=false\n"
                        + "syncpost.outgoing.enabled=false\n"
                        + "syncpost.incoming.max-messages-per-cycle="
                        + ENGINES_MESSAGES_PER_CYCLE
                        + "\n"),
                "META-INF/microprofile-config.properties");
    Arrays.stream(System.getProperty("deployment.greenmail").split(","))
        .map(File::new)
        .forEach(archive::addAsLibrary);
    return archive;
  }

  /** Unit tests stay out: they are not meant to run in the container. */
  private static boolean isProductOrHelper(org.jboss.shrinkwrap.api.ArchivePath path) {
    String name = path.get();
    return !name.endsWith("Test.class") && !name.contains("Test$");
  }
}
