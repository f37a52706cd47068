package org.syncpost.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Deque's axe-core (npm, fetched by the build into target/axe-core) run in the page a browser
 * shows: the WCAG 2.0/2.1 A and AA rules, reporting the violations axe rates serious or critical.
 * The script goes in through WebDriver, so the pages' Content-Security-Policy does not apply to it.
 */
final class Axe {

  private static final String SOURCE = read(Path.of(System.getProperty("syncpost.axeCore")));

  private static final String RUN =
      "var done = arguments[arguments.length - 1];"
          + " axe.run(document, {runOnly: {type: 'tag',"
          + " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
          + ".then(function (result) { done(result.violations"
          + ".filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
          + ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at '"
          + " + v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }).join(', '); }));"
          + " }, function (e) { done(['axe failed: ' + e]); });";

  private Axe() {}

  private static String read(Path script) {
    try {
      return Files.readString(script, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core is fetched by the build (web/pom.xml)", e);
    }
  }

  /** The serious and critical WCAG 2.1 AA violations of the page the browser shows now. */
  @SuppressWarnings("unchecked")
  static List<String> seriousViolations(Browser browser) {
    browser.awaitQuiet();
    JavascriptExecutor page = browser.driver();
    // a message still fading in would be measured at part of its contrast
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .until(
            d ->
                Boolean.TRUE.equals(
                    page.executeScript(
                        "return Array.from(document.querySelectorAll('.ui-growl-item-container'))"
                            + ".every(function (e) { return getComputedStyle(e).opacity === '1'; });")));
    browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
      page.executeScript(SOURCE);
    }
    return (List<String>) page.executeAsyncScript(RUN);
  }
}
