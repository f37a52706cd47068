package org.syncpost.container;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Stream;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every container test class of this module runs in, deployed once for the whole
 * Failsafe run (arquillian.xml names this class to the suite extension): a Payara Micro boot takes
 * 15–60 s, and a boot per class made the fast tier several times slower than its tests.
 *
 * <p>It holds the EJB module's classes, migrations and persistence unit as the product ships them,
 * the test helpers and GreenMail, on Payara Micro's default (H2) datasource. The schedulers are off
 * (a test runs each cycle, the mailbox sender or a lease renewal itself, so no timer races it for a
 * mailbox) and an incoming cycle takes at most {@value #MESSAGES_PER_CYCLE} messages. The classes
 * share one database, so each test keeps to rows it created ({@link UniqueNames}).
 */
@ArquillianSuiteDeployment
public final class ContainerSuite {

  /** The cap of an incoming cycle in this deployment: small, to be reached. */
  public static final int MESSAGES_PER_CYCLE = 5;

  private ContainerSuite() {}

  @Deployment
  public static WebArchive deployment() {
    WebArchive archive =
        ShrinkWrap.create(WebArchive.class, "syncpost-container-tests.war")
            .addPackages(true, ContainerSuite::isProductOrHelper, "org.syncpost")
            .addAsResource("META-INF/persistence.xml")
            .addAsResource(
                new StringAsset(
                    "syncpost.incoming.enabled=false\n"
                        + "syncpost.outgoing.enabled=false\n"
                        + "syncpost.incoming.max-messages-per-cycle="
                        + MESSAGES_PER_CYCLE
                        + "\n"),
                "META-INF/microprofile-config.properties")
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsWebInfResource("container-glassfish-web.xml", "glassfish-web.xml")
            .addAsWebInfResource("container-glassfish-ejb-jar.xml", "glassfish-ejb-jar.xml");
    for (File migration : new File("src/main/resources/db/migration").listFiles()) {
      archive.addAsResource(migration, "db/migration/" + migration.getName());
    }
    // the product's libraries, and GreenMail (Payara ships Angus Mail itself)
    Stream.of("deployment.libraries", "deployment.greenmail")
        .flatMap(property -> Arrays.stream(System.getProperty(property).split(",")))
        .map(File::new)
        .forEach(archive::addAsLibrary);
    return archive;
  }

  /** Unit tests stay out: they are not meant to run in the container. */
  private static boolean isProductOrHelper(ArchivePath path) {
    String name = path.get();
    return !name.endsWith("Test.class") && !name.contains("Test$");
  }
}
