package io.aio4j.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.sync.Event;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API: every endpoint, bad ids, missing and wrong tokens, hostile names, a stuck loop. */
class MonitorApiTest {
    static final String SCRIPT_NAME = "<script>alert(1)</script>";
    static final String IMG_NAME = "<img src=x onerror=alert(1)>\"'&\u2028";

    static Monitor monitor;
    static MonitorClient http;
    static LoopThread app;

    @BeforeAll
    static void start() throws Exception {
        monitor = Monitor.start(new MonitorOptions().jmx(false));
        http = new MonitorClient(monitor);
        app = LoopThread.start("api-test-loop");
        for (String name : List.of(SCRIPT_NAME, IMG_NAME, "sleeper")) {
            app.task(name, MonitorApiTest::sleepForever);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        monitor.close();
    }

    static Object sleepForever() {
        Aio.sleep(Double.POSITIVE_INFINITY);
        return null;
    }

    static long loopId(LoopThread t) throws Exception {
        return loopIdOf(http, t);
    }

    static long loopIdOf(MonitorClient http, LoopThread t) throws Exception {
        for (JsonElement e : http.getJson("/api/loops").getAsJsonArray("loops")) {
            JsonObject l = e.getAsJsonObject();
            if (t.thread.getName().equals(str(l, "thread"))) {
                return l.get("id").getAsLong();
            }
        }
        throw new AssertionError("loop of thread " + t.thread.getName() + " not listed");
    }

    static JsonObject taskNamed(String name) throws Exception {
        for (JsonElement e : http.getJson("/api/tasks").getAsJsonArray("tasks")) {
            if (name.equals(str(e.getAsJsonObject(), "name"))) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    static JsonObject terminatedNamed(String name) throws Exception {
        for (JsonElement e : http.getJson("/api/terminated").getAsJsonArray("terminated")) {
            if (name.equals(str(e.getAsJsonObject(), "name"))) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** Polls {@code probe} every 20 ms until it holds (10 s at most). */
    static <T> T await(String what, ThrowingSupplier<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last: " + last);
            }
            Thread.sleep(20);
            last = probe.get();
        }
        return last;
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    @Test
    void loopsListsEveryOpenLoopWithItsThreadModeAndFigures() throws Exception {
        long id = loopId(app);
        JsonObject loop = null;
        for (JsonElement e : http.getJson("/api/loops").getAsJsonArray("loops")) {
            if (e.getAsJsonObject().get("id").getAsLong() == id) {
                loop = e.getAsJsonObject();
            }
        }
        assertNotNull(loop);
        assertEquals(System.getProperty("aio4j.expectMode", "native"), str(loop, "mode"));
        assertTrue(List.of("idle", "running").contains(str(loop, "state")), str(loop, "state"));
        assertTrue(loop.get("tasks").getAsInt() >= 3, loop.toString());
        assertTrue(loop.getAsJsonObject("tasksByState").get("awaiting").getAsInt() >= 3, loop.toString());
        assertEquals(60, loop.getAsJsonObject("lag").getAsJsonArray("perSecondMax").size());
        assertTrue(loop.get("stuck").isJsonNull());
        // The lag probe runs on a running loop: samples come in.
        await("lag samples", () -> http.getJson("/api/loops").getAsJsonArray("loops"), loops -> {
            for (JsonElement e : loops) {
                JsonObject l = e.getAsJsonObject();
                if (l.get("id").getAsLong() == id) {
                    return l.getAsJsonObject("lag").get("samples").getAsLong() > 0 && !l.getAsJsonObject("lag").get("p99").isJsonNull();
                }
            }
            return false;
        });
    }

    @Test
    void tasksAreListedOldestFirstWithHostileNamesAsData() throws Exception {
        HttpResponse<String> r = http.get("/api/tasks");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(r.body().contains("<"), "raw '<' in the JSON: " + r.body());
        JsonObject script = taskNamed(SCRIPT_NAME);
        JsonObject img = taskNamed(IMG_NAME);
        assertNotNull(script, r.body());
        assertNotNull(img, r.body());
        assertEquals("awaiting", str(script, "state"));
        assertTrue(str(script, "coroutine").contains("lambda"), script.toString());
        JsonArray tasks = http.getJson("/api/tasks").getAsJsonArray("tasks");
        long previous = Long.MIN_VALUE;
        for (JsonElement e : tasks) {
            JsonObject t = e.getAsJsonObject();
            long created = t.get("createdAt").isJsonNull() ? -1 : t.get("createdAt").getAsLong();
            assertTrue(created >= previous, "not oldest first: " + tasks);
            previous = created;
        }
    }

    @Test
    void theFilterMatchesNamesCoroutinesAndStates() throws Exception {
        JsonObject r = http.getJson("/api/tasks?q=" + java.net.URLEncoder.encode("<SCRIPT>", "UTF-8"));
        List<String> names = new ArrayList<>();
        r.getAsJsonArray("tasks").forEach(e -> names.add(str(e.getAsJsonObject(), "name")));
        assertEquals(List.of(SCRIPT_NAME), names);
        assertTrue(r.get("total").getAsInt() >= 3);
        assertEquals(0, http.getJson("/api/tasks?q=no-such-task-xyz").getAsJsonArray("tasks").size());
        assertEquals(400, http.get("/api/tasks?loop=abc").statusCode());
    }

    @Test
    void aTaskPageHasItsStackAndItsAwaitGraph() throws Exception {
        Event never = app.call(Event::new);
        Task<Object> child = app.task("graph-child", () -> {
            never.await();
            return null;
        });
        app.task("graph-parent", () -> Aio.await(child));
        JsonObject parent = await("graph-parent awaiting", () -> taskNamed("graph-parent"),
                t -> t != null && "awaiting".equals(str(t, "state")) && t.get("awaitsTask").isJsonPrimitive());
        JsonObject c = taskNamed("graph-child");
        assertEquals(c.get("id").getAsLong(), parent.get("awaitsTask").getAsLong());
        JsonObject page = http.getJson("/api/tasks/" + c.get("id").getAsLong());
        assertEquals("graph-child", str(page, "name"));
        JsonArray stack = page.getAsJsonArray("stack");
        assertTrue(stack.size() > 0 && stack.toString().contains("MonitorApiTest"), stack.toString());
        JsonObject tree = page.getAsJsonObject("awaitTree");
        assertEquals("graph-child", str(tree, "name"));
        assertEquals("graph-parent", str(tree.getAsJsonArray("awaitedBy").get(0).getAsJsonObject(), "name"));
        JsonObject parentPage = http.getJson("/api/tasks/" + parent.get("id").getAsLong());
        assertEquals("graph-child", str(parentPage.getAsJsonArray("awaitsChain").get(0).getAsJsonObject(), "name"));
        app.call(() -> {
            child.cancel();
            return null;
        });
    }

    @Test
    void badTaskIdsAre404WithAJsonError() throws Exception {
        for (String id : List.of("abc", "99999999", "-1", "1.5", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "99999999999999999999999", "")) {
            HttpResponse<String> r = http.get("/api/tasks/" + id);
            assertEquals(404, r.statusCode(), id + ": " + r.body());
            JsonObject body = MonitorClient.parse(r.body());
            assertNotNull(str(body, "error"), r.body());
            assertFalse(r.body().contains("<"), r.body());
            HttpResponse<String> c = http.cancel(0, "x");
            assertEquals(404, c.statusCode(), c.body());
        }
        assertEquals(404, http.get("/api/tasks/1/stack").statusCode());
        assertEquals(404, http.get("/api/nothing").statusCode());
        assertEquals(404, http.get("/index.php").statusCode());
    }

    @Test
    void wrongMethodsAre405() throws Exception {
        assertEquals(405, http.send("DELETE", "/api/loops", null).statusCode());
        assertEquals(405, http.send("POST", "/api/tasks", "x=1").statusCode());
        assertEquals(405, http.send("PUT", "/metrics", "x").statusCode());
        assertEquals(405, http.send("POST", "/", "x").statusCode());
        HttpResponse<String> r = http.get("/api/tasks/1/cancel");
        assertEquals(405, r.statusCode());
        assertEquals("POST", r.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void cancellingNeedsTheTokenAndASameOriginRequest() throws Exception {
        app.task("guarded", MonitorApiTest::sleepForever);
        long id = taskNamed("guarded").get("id").getAsLong();
        String path = "/api/tasks/" + id + "/cancel";
        assertEquals(403, http.send("POST", path, "message=x").statusCode());
        assertEquals(403, http.send("POST", path, "message=x", "X-Aio4j-Token", "0".repeat(32)).statusCode());
        assertEquals(403, http.send("POST", path, "message=x", "X-Aio4j-Token", http.token() + "0").statusCode());
        assertEquals(403, http.send("POST", path, "message=x", "X-Aio4j-Token", http.token(),
                "Origin", "http://evil.example").statusCode());
        assertEquals(403, http.send("POST", path, "message=x", "X-Aio4j-Token", http.token(),
                "Sec-Fetch-Site", "cross-site").statusCode());
        JsonObject still = taskNamed("guarded");
        assertNotNull(still);
        assertEquals(0, still.get("cancelling").getAsInt());
    }

    @Test
    void aCancelRunsOnTheLoopAndTheTaskEndsInTheTerminatedList() throws Exception {
        app.task("victim", MonitorApiTest::sleepForever);
        long id = taskNamed("victim").get("id").getAsLong();
        HttpResponse<String> r = http.cancel(id, "bye <b>now</b>");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = MonitorClient.parse(r.body());
        assertTrue(body.get("delivered").getAsBoolean());
        assertTrue(body.get("cancelRequested").getAsBoolean());
        JsonObject t = await("victim terminated", () -> terminatedNamed("victim"), x -> x != null);
        assertEquals("cancelled", str(t, "outcome"));
        assertEquals("bye <b>now</b>", str(t, "message"));
        assertEquals("aio4j-monitor (HTTP from 127.0.0.1)", str(t, "cancelledBy"));
        assertEquals(id, t.get("id").getAsLong());
        HttpResponse<String> gone = http.get("/api/tasks/" + id);
        assertEquals(404, gone.statusCode());
        assertEquals("cancelled", str(MonitorClient.parse(gone.body()).getAsJsonObject("terminated"), "outcome"));
        // The loop keeps running.
        assertEquals(42, (int) app.call(() -> 42));
    }

    @Test
    void terminatedTasksShowTheirOutcomeNeverTheirValue() throws Exception {
        Task<Object> ok = app.task("returns", () -> new StringBuilder("secret payload"));
        Task<Object> bad = app.task("throws", () -> {
            throw new IllegalStateException("boom");
        });
        app.task("canceller", () -> {
            Task<Object> target = Aio.createTask(MonitorApiTest::sleepForever, "cancelled-by-a-task");
            Aio.sleep(0);
            target.cancel("stop it");
            return null;
        });
        JsonObject r = await("returns", () -> terminatedNamed("returns"), x -> x != null);
        assertEquals("result", str(r, "outcome"));
        assertEquals("java.lang.StringBuilder", str(r, "resultType"));
        assertFalse(http.get("/api/terminated").body().contains("secret payload"));
        JsonObject e = await("throws", () -> terminatedNamed("throws"), x -> x != null);
        assertEquals("exception", str(e, "outcome"));
        assertEquals("java.lang.IllegalStateException", str(e, "exceptionType"));
        assertEquals("boom", str(e, "message"));
        JsonObject c = await("cancelled-by-a-task", () -> terminatedNamed("cancelled-by-a-task"), x -> x != null);
        assertEquals("stop it", str(c, "message"));
        assertEquals("task 'canceller'", str(c, "cancelledBy"));
        assertTrue(c.get("createdAt").getAsLong() <= c.get("endedAt").getAsLong());
        assertEquals("boom", app.call(() -> bad.exception().getMessage()));
        assertTrue(ok.isDone());
    }

    @Test
    void aStuckLoopStillAnswersAndShowsWhereItIsStuck() throws Exception {
        try (LoopThread stuck = LoopThread.start("stuck-loop")) {
            Spinner spinner = new Spinner();
            Task<Object> victim = stuck.task("stuck-victim", MonitorApiTest::sleepForever);
            stuck.loop.callSoonThreadsafe(() -> stuck.loop.createTask(() -> spinner.spinUntilReleased(), "spinner"));
            long id = loopId(stuck);
            JsonObject loop = await("the loop stuck", () -> loopById(id),
                    l -> "stuck".equals(str(l, "state")) && l.getAsJsonObject("stuck").getAsJsonArray("stack").toString()
                            .contains("spinUntilReleased"));
            assertEquals("spinner", str(loop.getAsJsonObject("stuck"), "task"));
            assertTrue(loop.get("stuckSeconds").getAsDouble() >= 0.1, loop.toString());
            // Everything else still answers, and a cancel is queued, not delivered.
            assertEquals(200, http.get("/api/tasks").statusCode());
            assertEquals(200, http.get("/metrics").statusCode());
            long victimId = taskNamed("stuck-victim").get("id").getAsLong();
            HttpResponse<String> c = http.cancel(victimId, "while stuck");
            assertEquals(202, c.statusCode(), c.body());
            assertFalse(MonitorClient.parse(c.body()).get("delivered").getAsBoolean());
            spinner.release();
            JsonObject t = await("the queued cancel delivered", () -> terminatedNamed("stuck-victim"), x -> x != null);
            assertEquals("while stuck", str(t, "message"));
            JsonObject after = await("a slow step recorded", () -> loopById(id), l -> l.getAsJsonArray("slowSteps").size() > 0);
            JsonObject step = after.getAsJsonArray("slowSteps").get(0).getAsJsonObject();
            assertTrue(step.getAsJsonArray("stack").toString().contains("spinUntilReleased"), step.toString());
            assertTrue(step.get("seconds").getAsDouble() >= 0.1, step.toString());
            assertTrue(victim.isDone());
        }
    }

    static JsonObject loopById(long id) throws Exception {
        for (JsonElement e : http.getJson("/api/loops").getAsJsonArray("loops")) {
            if (e.getAsJsonObject().get("id").getAsLong() == id) {
                return e.getAsJsonObject();
            }
        }
        return null;
    }

    /** A task body that holds its loop in a CPU loop until released (a stuck loop, in both modes). */
    static final class Spinner {
        private volatile boolean released;

        Object spinUntilReleased() {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!released && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return null;
        }

        void release() {
            released = true;
        }
    }

    @Test
    void aHostHeaderThatIsNotLoopbackIsRefused() throws Exception {
        assertEquals("HTTP/1.1 403 Forbidden", http.raw("GET /api/loops HTTP/1.1\r\nHost: attacker.example:80\r\nConnection: close\r\n\r\n"));
        assertEquals("HTTP/1.1 200 OK", http.raw("GET /api/loops HTTP/1.1\r\nHost: localhost:1\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void thePageAndItsFilesAreServedWithAStrictPolicy() throws Exception {
        HttpResponse<String> page = http.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"/monitor.js\""));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        HttpResponse<String> js = http.get("/monitor.js");
        assertEquals(200, js.statusCode());
        assertFalse(js.body().contains("innerHTML"), "the page must not build HTML from data");
        assertEquals(200, http.get("/monitor.css").statusCode());
        assertEquals(200, http.send("HEAD", "/api/loops", null).statusCode());
    }

    @Test
    void aNonLoopbackAddressIsRefusedUnlessAllowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Monitor.start(new MonitorOptions().host("192.0.2.1")));
        assertTrue(e.getMessage().contains("allowRemote"), e.getMessage());
    }
}
