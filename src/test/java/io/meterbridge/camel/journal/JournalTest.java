package io.meterbridge.camel.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path dir;

    @Test
    void aDamagedEntryIsSetAsideAndTheMessagesAfterItGoOn() throws Exception {
        Journal j = new Journal(dir, 10);
        j.openCursor("out");
        long first = j.append(Map.of(), "one").sequence();
        long second = j.append(Map.of(), "two").sequence();
        java.nio.file.Path damaged = dir.resolve(String.format("%020d.json", first));
        java.nio.file.Files.writeString(damaged, "{not json"); // e.g. a disk error while it was written

        JournalEntry next = j.poll("out", 1, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();
        assertEquals(second, next.sequence());
        assertEquals("two", next.body());
        assertEquals(1, j.size());
        assertTrue(java.nio.file.Files.exists(damaged.resolveSibling(damaged.getFileName() + ".unreadable")),
                "kept for a person to look at");
        assertEquals(1, new Journal(dir, 10).size(), "and not read again after a restart");
    }

    @Test
    void entriesComeOutInOrderAndSurviveReopening() {
        Journal j = new Journal(dir, 10);
        for (int i = 1; i <= 3; i++) {
            j.append(Map.of("topic", "t" + i, "n", i, "ok", true, "object", new Object()), "body" + i);
        }
        Journal again = new Journal(dir, 10); // as after a crash: only the files count
        assertEquals(3, again.size());
        again.openCursor("out");
        List<String> bodies = new ArrayList<>();
        while (again.peek("out").isPresent()) {
            JournalEntry e = again.peek("out").orElseThrow();
            bodies.add(e.body());
            assertEquals(Map.of("topic", "t" + e.sequence(), "n", (int) e.sequence(), "ok", true), e.headers(),
                    "plain headers kept, others dropped");
            again.advance("out", e.sequence());
        }
        assertEquals(List.of("body1", "body2", "body3"), bodies);
        assertEquals(0, new Journal(dir, 10).size());
    }

    @Test
    void sequenceNumbersAreNeverReusedEvenAfterTheJournalRanEmpty() {
        Journal j = new Journal(dir, 10);
        j.openCursor("out");
        long a = j.append(Map.of(), "a").sequence();
        j.advance("out", a);
        assertEquals(0, j.size());
        long b = new Journal(dir, 10).append(Map.of(), "b").sequence();
        assertEquals(a + 1, b);
        assertEquals(j.id(), new Journal(dir, 10).id());
    }

    @Test
    void fullJournalRefusesNewMessagesAndKeepsTheOld() {
        Journal j = new Journal(dir, 2);
        j.append(Map.of(), "1");
        j.append(Map.of(), "2");
        JournalFullException e = assertThrows(JournalFullException.class, () -> j.append(Map.of(), "3"));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("2 undelivered"), e.getMessage());
        j.openCursor("out");
        assertEquals("1", j.peek("out").orElseThrow().body());
    }

    @Test
    void anAppendCutShortByACrashIsIgnored() throws Exception {
        Journal j = new Journal(dir, 10);
        j.append(Map.of(), "whole");
        Files.writeString(dir.resolve("00000000000000000002.json.tmp"), "{\"sequence\":2,\"bo");
        Journal again = new Journal(dir, 10);
        assertEquals(1, again.size());
        assertFalse(Files.exists(dir.resolve("00000000000000000002.json.tmp")));
        assertEquals(2, again.append(Map.of(), "next").sequence());
    }

    @Test
    void pollWaitsForAnAppendAndWakeUpEndsABackOff() throws Exception {
        Journal j = new Journal(dir, 10);
        j.openCursor("out");
        assertTrue(j.poll("out", 10, TimeUnit.MILLISECONDS).isEmpty());
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            j.append(Map.of(), "late");
        });
        t.start();
        assertEquals("late", j.poll("out", 10, TimeUnit.SECONDS).orElseThrow().body());
        t.join();
        Thread waker = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            j.wakeUp();
        });
        long before = j.nudges();
        waker.start();
        assertTrue(j.awaitNudge(before, 10_000), "woken before the timeout");
        assertFalse(j.awaitNudge(j.nudges(), 10), "no wake-up: times out");
        waker.join();
        // a wake-up between taking the count and waiting (the destination came back during the
        // failed attempt) ends the wait at once instead of being missed for a whole back-off
        long seen = j.nudges();
        j.wakeUp();
        assertTrue(j.awaitNudge(seen, 60_000), "a wake-up that came before the wait still counts");
    }

    @Test
    void eachCursorDeliversEveryMessageAtItsOwnPaceAndAMessageGoesWhenAllHaveIt() {
        Journal j = new Journal(dir, 10);
        j.openCursor("files");
        j.openCursor("mqtt");
        long one = j.append(Map.of(), "1").sequence();
        long two = j.append(Map.of(), "2").sequence();
        j.advance("files", one);
        j.advance("files", two);
        assertTrue(j.peek("files").isEmpty());
        assertEquals(2, j.size(), "mqtt has not had them yet");
        assertEquals(2, j.backlog("mqtt"));
        j.advance("mqtt", one);
        assertEquals(1, j.size());
        assertFalse(Files.exists(dir.resolve(String.format("%020d.json", one))), "passed by every cursor: deleted");

        Journal again = new Journal(dir, 10); // a restart: the cursors are on disk
        assertEquals(0, again.backlog("files"));
        assertEquals("2", again.peek("mqtt").orElseThrow().body());
        again.advance("mqtt", one); // an acknowledgement that came twice
        assertEquals(1, again.backlog("mqtt"));
    }

    @Test
    void aNewCursorStartsAtTheOldestMessageKeptAndARemovedOneHoldsNothingBack() {
        Journal j = new Journal(dir, 10);
        j.append(Map.of(), "before any cursor");
        j.openCursor("files");
        assertEquals("before any cursor", j.peek("files").orElseThrow().body(),
                "a route that starts after the first append still gets it");
        j.openCursor("http");
        j.advance("files", 1);
        assertEquals(1, j.size(), "http has not had it");
        j.removeCursor("http"); // http.url emptied
        assertEquals(0, j.size());
        assertEquals(java.util.Set.of("files"), new Journal(dir, 10).cursorNames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> j.peek("http"));
        assertTrue(e.getMessage().contains("no cursor 'http'"), e.getMessage());
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Journal(dir, 0));
    }
}
