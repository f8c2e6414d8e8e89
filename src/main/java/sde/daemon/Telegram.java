package sde.daemon;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Progress reports to Telegram through the Bot API's sendMessage, when
 * TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID are set. The token is part of the URL, so no message this
 * class returns or logs ever contains the URL: a failure is described by status or exception type.
 * A failed send returns its reason and never throws: the daemon logs it and carries on.
 */
public final class Telegram {
    private final String api, token, chat;
    private final Duration timeout;
    private final HttpClient http;

    public Telegram(String api, String token, String chat, int timeoutSeconds) {
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.token = token;
        this.chat = chat;
        this.timeout = Duration.ofSeconds(timeoutSeconds);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** From the environment, or null when either variable is unset or empty. */
    public static Telegram fromEnv(Map<String, String> env, DaemonSettings s) {
        String token = env.get("TELEGRAM_BOT_TOKEN"), chat = env.get("TELEGRAM_CHAT_ID");
        if (token == null || token.isBlank() || chat == null || chat.isBlank()) return null;
        return new Telegram(s.telegramApi(), token.strip(), chat.strip(), s.telegramTimeoutSeconds());
    }

    /** Sends {@code text}; null on success, else why it failed (never containing the token). */
    public String send(String text) {
        String body = "chat_id=" + enc(chat) + "&text=" + enc(text.length() > 4000 ? text.substring(0, 4000) : text);
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(api + "/bot" + token + "/sendMessage")).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() / 100 == 2 ? null : "Telegram answered HTTP " + r.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return "Telegram send failed: " + e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Telegram send interrupted";
        }
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
