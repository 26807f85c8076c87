package io.aio4j.examples;

import io.aio4j.Aio;

/**
 * Prints which mode aio4j runs in, to check a build's native-mode setup: {@code ./run demo mode},
 * or {@code java -jar aio4j-examples.jar mode} (the jar's manifest says {@code Add-Opens:
 * java.base/java.lang}, so it runs in native mode with no flag).
 */
public final class WhichMode {
    private WhichMode() {
    }

    public static void main(String[] args) {
        String loop = Aio.run(() -> Aio.getRunningLoop().toString());
        boolean nativeMode = loop.contains("mode=native");
        System.out.println("aio4j runs in " + (nativeMode ? "native mode" : "compatibility mode") + ": " + loop);
    }
}
