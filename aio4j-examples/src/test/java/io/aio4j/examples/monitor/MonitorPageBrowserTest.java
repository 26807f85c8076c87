package io.aio4j.examples.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.monitor.MonitorOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monitor's page in a real browser (headless Chromium through WebDriver) against the running
 * demo application: tasks appear, a task's stack opens, a cancel with a message lands in the
 * terminated list, tasks named with HTML show as text, and a stuck loop's page still loads and
 * shows where it is stuck. Needs Debian's {@code chromium} and {@code chromium-driver}
 * ({@code .ci/run} installs them); without them the test is skipped and says why.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class MonitorPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static MonitorDemo demo;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: the browser test needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER
                        + "): apt-get install -y chromium chromium-driver");
        demo = MonitorDemo.start(new MonitorOptions().jmx(false));
        profile = Files.createTempDirectory("aio4j-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (demo != null) {
                demo.close();
            }
            if (profile != null) {
                deleteTree(profile.toFile());
            }
        }
    }

    private static void deleteTree(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteTree(c);
            }
        }
        f.delete();
    }

    /** Waits for {@code condition}; the page redraws every second, so an element may go stale between two reads. */
    private static <T> T waitFor(String what, java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The text of the cells {@code cells} of each row {@code rows}, read in one go by the page's own script. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> table(String rows, String... cells) {
        Object r = ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(row => arguments[1].map(sel => { const c = row.querySelector(sel); return c ? c.textContent : null; }));",
                rows, List.of(cells));
        return (List<List<String>>) r;
    }

    private static boolean listed(String name) {
        return table("#tasks tr.task-row", ".task-name").stream().anyMatch(r -> name.equals(r.get(0)));
    }

    /** Clicks the link of the task named {@code name} in the live table (retried if the table was redrawn meanwhile). */
    private static void openTask(String name) {
        waitFor("a click on " + name, d -> {
            // Found by the page's script in one call, then clicked: the table may be redrawn in between (then retried).
            WebElement link = (WebElement) ((JavascriptExecutor) d).executeScript("return Array.from(document"
                    + ".querySelectorAll('#tasks a.task-link')).find(a => a.textContent === arguments[0]) || null;", name);
            if (link == null) {
                return null;
            }
            link.click();
            return true;
        });
    }

    private static void noAlert() {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("a script ran in the page: alert(" + text + ")");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    void tasksAppearAndOneIsCancelledWithAMessageFromItsPage() {
        browser.get(demo.uri().toString());
        waitFor("the demo's tasks listed", d -> listed("long-sleeper") && listed("order-42"));
        waitFor("both demo loops shown", d -> d.findElements(By.cssSelector("#loops .loop")).size() >= 2);

        openTask("order-42");
        waitFor("the task's stack", d -> d.findElement(By.id("task-stack")).getText().contains("MonitorDemo.order"));
        waitFor("its await graph", d -> d.findElement(By.id("awaits-chain")).getText().contains("checkout-42")
                && d.findElement(By.id("awaits-chain")).getText().contains("payment-42"));

        openTask("long-sleeper");
        waitFor("the long sleeper's page", d -> d.findElement(By.id("detail-name")).getText().equals("long-sleeper"));
        browser.findElement(By.id("cancel-message")).sendKeys("stopped from the page <b>");
        browser.findElement(By.id("cancel-button")).click();
        waitFor("the cancel's answer", d -> d.findElement(By.id("cancel-result")).getText().equals("cancellation requested"));
        List<String> row = waitFor("the task in the terminated list", d -> table("#terminated tr.terminated-row",
                ".t-name", ".t-outcome", ".t-message", ".t-by").stream().filter(r -> "long-sleeper".equals(r.get(0)))
                .findFirst().orElse(null));
        assertEquals("cancelled", row.get(1));
        assertEquals("stopped from the page <b>", row.get(2));
        assertEquals("aio4j-monitor (HTTP from 127.0.0.1)", row.get(3));
        waitFor("gone from the live list", d -> !listed("long-sleeper"));
    }

    @Test
    void tasksNamedWithHtmlAreShownAsText() {
        browser.get(demo.uri().toString());
        for (String name : MonitorDemo.HOSTILE_NAMES) {
            waitFor("the task named " + name, d -> listed(name));
        }
        assertTrue(browser.findElements(By.cssSelector("#tasks img, #tasks script, #terminated img")).isEmpty(),
                "a task name became an element");
        noAlert();
        browser.findElement(By.id("task-filter")).sendKeys("<img");
        List<List<String>> rows = waitFor("the filter applied", d -> {
            List<List<String>> r = table("#tasks tr.task-row", ".task-name");
            return r.size() == 1 ? r : null;
        });
        assertEquals(MonitorDemo.HOSTILE_NAMES.get(0), rows.get(0).get(0));
        openTask(MonitorDemo.HOSTILE_NAMES.get(0));
        waitFor("its page, titled with the name as text", d -> d.findElement(By.id("detail-name")).getText()
                .equals(MonitorDemo.HOSTILE_NAMES.get(0)));
        assertTrue(browser.findElements(By.cssSelector("#task-detail img")).isEmpty());
        noAlert();
    }

    @Test
    void aStuckLoopsPageStillLoadsAndShowsWhereItIsStuck() throws Exception {
        Spinner spinner = new Spinner();
        EventLoop loop = Aio.newEventLoop();
        Thread t = Thread.ofPlatform().daemon().name("stuck-for-the-browser").start(loop::runForever);
        try {
            loop.callSoonThreadsafe(() -> loop.createTask(spinner::spinUntilReleased, "spinner"));
            browser.get(demo.uri().toString());
            String card = waitFor("the stuck loop's card, stuck in spinUntilReleased", d -> table("#loops .loop", "h3",
                    ".loop-state", ".stuck-box").stream()
                    .filter(c -> c.get(0).contains("stuck-for-the-browser") && c.get(1).startsWith("stuck for")
                            && c.get(2) != null && c.get(2).contains("spinUntilReleased"))
                    .map(c -> c.get(2)).findFirst().orElse(null));
            assertTrue(card.contains("task 'spinner'"), card);
            // The other loops' figures still update while this one is stuck.
            waitFor("the tasks of the other loops", d -> listed("order-42"));
        } finally {
            spinner.release();
            loop.callSoonThreadsafe(loop::stop);
            t.join(10_000);
        }
    }

    /** A task body holding its loop in a CPU loop until released (stuck in both modes). */
    static final class Spinner {
        private volatile boolean released;

        Object spinUntilReleased() {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!released && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return null;
        }

        void release() {
            released = true;
        }
    }
}
