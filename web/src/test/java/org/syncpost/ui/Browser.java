package org.syncpost.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, with a throw-away profile; waits on
 * page loads and PrimeFaces' Ajax queue instead of sleeping.
 */
final class Browser implements AutoCloseable {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final Path profileDir;
  private final ChromeDriver driver;
  private final URI base;

  Browser(URI base) {
    this.base = base;
    try {
      profileDir = Files.createTempDirectory("syncpost-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profileDir);
    // the test server's certificate is self-signed
    options.setAcceptInsecureCerts(true);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
  }

  private static String chromium() {
    return Files.exists(Path.of("/usr/bin/chromium"))
        ? "/usr/bin/chromium"
        : "/usr/bin/chromium-browser";
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(base.resolve(path).toString());
    awaitQuiet();
  }

  /**
   * Signs in and waits for the answer: the form posts without Ajax, and a page opened before the
   * answer arrived would cancel that navigation, its session cookie with it (the next page then
   * shows the sign-in form again). Answered: another page (signed in) or the refusal's message.
   */
  void signIn(String user, String password) {
    open("login.xhtml");
    type(By.id("login:username"), user);
    type(By.id("login:password"), password);
    click(By.id("login:signIn"));
    new WebDriverWait(driver, PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                !d.getCurrentUrl().contains("login.xhtml")
                    || d.findElements(By.id("login:messages")).stream()
                        .anyMatch(messages -> !messages.getText().isBlank()));
  }

  WebElement find(By by) {
    return new WebDriverWait(driver, PATIENCE)
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Present in the page, visible or not (hidden inputs). */
  WebElement present(By by) {
    return new WebDriverWait(driver, PATIENCE)
        .until(ExpectedConditions.presenceOfElementLocated(by));
  }

  /** Waits for an Ajax update to have enabled ({@code true}) or disabled an input. */
  void awaitEnabled(By by, boolean enabled) {
    new WebDriverWait(driver, PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> d.findElement(by).isEnabled() == enabled);
  }

  /** Waits for an Ajax update to have given an element a CSS class ({@code true}) or taken it. */
  void awaitClass(By by, String cssClass, boolean present) {
    new WebDriverWait(driver, PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              String classes = d.findElement(by).getAttribute("class");
              return (classes != null && classes.contains(cssClass)) == present;
            });
  }

  /**
   * Chooses an option of a PrimeFaces select menu by its value, through the widget's own API (as a
   * click on the option would, change event included) so that the menu's animation cannot race.
   */
  void selectOne(String menuId, String value) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "var menu = PrimeFaces.getWidgetById(arguments[0]);"
                + " menu.selectValue(arguments[1]); menu.triggerChange();",
            menuId,
            value);
    awaitQuiet();
  }

  void type(By by, String text) {
    WebElement input = find(by);
    input.clear();
    input.sendKeys(text);
  }

  /** Clicks once the element is clickable, again on a fresh copy if Ajax replaced it meanwhile. */
  void click(By by) {
    new WebDriverWait(driver, PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
              if (element == null) {
                return false;
              }
              element.click();
              return true;
            });
    awaitQuiet();
  }

  /**
   * Filters a PrimeFaces table by one column in a single request: typing key by key would start one
   * filter request per key, and an early answer could replace the rows being clicked.
   */
  void filterTable(String tableId, int filterIndex, String text) {
    filterBy(
        By.cssSelector("[id='" + tableId + "'] thead input.ui-column-filter"),
        filterIndex,
        tableId,
        text);
  }

  /** Filters a table by the search field in its header (its global filter), in one request. */
  void searchTable(String tableId, String text) {
    filterBy(By.id(tableId + ":globalFilter"), 0, tableId, text);
  }

  private void filterBy(By inputs, int index, String tableId, String text) {
    // a tab's table may still be rendering when the document itself is complete
    WebElement filter =
        new WebDriverWait(driver, PATIENCE)
            .until(
                d -> {
                  List<WebElement> found = d.findElements(inputs);
                  return found.size() > index ? found.get(index) : null;
                });
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].value = arguments[1]; PrimeFaces.getWidgetById(arguments[2]).filter();",
            filter,
            text,
            tableId);
    awaitQuiet();
  }

  /** The text of each row a table shows, once Ajax has settled. */
  List<String> rows(String tableId) {
    return new WebDriverWait(driver, PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr")).stream()
                    .map(WebElement::getText)
                    .toList());
  }

  /**
   * Waits until a table's first row is the one containing {@code text} (after paging or sorting).
   */
  void awaitFirstRow(String tableId, String text) {
    new WebDriverWait(driver, PATIENCE)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              List<WebElement> rows =
                  d.findElements(By.cssSelector("[id='" + tableId + "_data'] > tr"));
              return !rows.isEmpty() && rows.get(0).getText().contains(text);
            });
  }

  /** Shows the next page of a paginated table. */
  void nextPage(String tableId) {
    click(By.cssSelector("[id='" + tableId + "_paginator_bottom'] .ui-paginator-next"));
  }

  /** The document has loaded and PrimeFaces has no Ajax request in flight. */
  void awaitQuiet() {
    new WebDriverWait(driver, PATIENCE)
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return document.readyState === 'complete'"
                                + " && (!window.PrimeFaces || !PrimeFaces.ajax"
                                + " || PrimeFaces.ajax.Queue.isEmpty());")));
  }

  void awaitText(By by, String text) {
    new WebDriverWait(driver, PATIENCE)
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Saved under docs/screenshots/ of the project, for the README. */
  void screenshot(String name) {
    Path project = Path.of(System.getProperty("syncpost.serverConfig")).getParent();
    Path target = project.resolve("docs/screenshots/" + name + ".png");
    try {
      Files.createDirectories(target.getParent());
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (Stream<Path> files = Files.walk(profileDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
