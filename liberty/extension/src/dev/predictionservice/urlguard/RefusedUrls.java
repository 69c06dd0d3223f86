package dev.predictionservice.urlguard;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;

/**
 * The URLs Liberty's web container refuses before it picks an application, with the same rules, so that this
 * feature answers exactly those and nothing else. Ported from Open Liberty 26.0.0.3:
 * {@code WebContainer.handleRequest} decodes the path with {@code WSURLDecoder.decode} (400 when that throws) and, for
 * Servlet 6.0 and later, canonicalizes it with {@code RequestUtils.canonicalizeURI} (400 when that throws). A change
 * of those rules in a Liberty update shows in BadInputIT, which sends each kind of URL.
 */
final class RefusedUrls {

  private RefusedUrls() {}

  /** @param rawPath the request path as sent, still percent-encoded, without the query */
  static boolean refuses(String rawPath) {
    String decoded = decode(rawPath);
    return decoded == null || !isCanonical(decoded);
  }

  /** WSURLDecoder: "%" needs two hex digits (else it throws); the bytes are UTF-8. Null where Liberty throws. */
  static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        continue;
      }
      int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (high < 0 || low < 0) {
        return null;
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** RequestUtils.canonicalizeURI, step by step: false where it throws. */
  static boolean isCanonical(String decoded) {
    String path = decoded;
    if (path.indexOf(';') >= 0) {
      path = withoutPathParameters(path);
      if (path == null) {
        return false;
      }
    }
    if (path.contains("//")) {
      path = path.replaceAll("//{1,}+", "/");
    }
    if (path.contains("/.")) {
      while (path.contains("/./")) {
        path = path.replace("/./", "/");
      }
      if (path.endsWith("/.")) {
        path = path.substring(0, path.lastIndexOf("/."));
      }
    }
    if (path.contains("/..")) {
      path = withoutDotDots(path);
      if (path == null) {
        return false;
      }
    }
    // Checked on what is left: a control character in a segment that ".." removed does not count, as in Liberty.
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Drops ";parameters" from each segment (keeps jsessionid); null for "/.;x", "/..;x" or ";x" before the last. */
  private static String withoutPathParameters(String path) {
    List<String> segments = segments(path);
    StringBuilder rebuilt = new StringBuilder();
    int index = 0;
    for (String segment : segments) {
      index++;
      if (segment.startsWith(".;") || segment.startsWith("..;")
          || segment.startsWith(";") && index < segments.size()) {
        return null;
      }
      boolean session = segment.toLowerCase(Locale.ROOT).contains(";jsessionid");
      int parameters = segment.indexOf(';');
      rebuilt.append('/').append(session || parameters < 0 ? segment : segment.substring(0, parameters));
    }
    return rebuilt.toString();
  }

  /** Resolves each ".." against the segment before it; null when one would climb above the root. */
  private static String withoutDotDots(String path) {
    ListIterator<String> segments = segments(path).listIterator();
    StringBuilder rebuilt = new StringBuilder();
    int depth = 0;
    while (segments.hasNext()) {
      String segment = segments.next();
      if (!segment.equals("..")) {
        depth++;
        rebuilt.append('/').append(segment);
      } else if (depth == 0) {
        return null;
      } else {
        segments.remove();
        String previous = segments.previous();
        segments.remove();
        rebuilt.setLength(rebuilt.length() - previous.length() - 1);
        depth--;
      }
    }
    return rebuilt.length() == 0 ? "/" : rebuilt.toString();
  }

  private static List<String> segments(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return new ArrayList<>(Arrays.asList(relative.split("/", -1)));
  }
}
