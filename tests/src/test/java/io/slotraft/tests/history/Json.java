package io.slotraft.tests.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for histories and run records: null, booleans, strings, integers (as {@code
 * Long}), other numbers (as {@code Double}), lists and string-keyed objects. Hand-written rather than
 * a new dependency because the schema is flat and tiny, and the tests module should not pull a JSON
 * library the product does not use.
 *
 * <p>Values are {@link #normalize normalized} before they are stored in an event, so a value that is
 * written and read back is {@code equals} to the original (an {@code Integer} 5 becomes {@code Long}
 * 5 on both sides, a set becomes a list).
 */
public final class Json {
  private Json() {}

  /** The value in the shapes this class reads back: Long, Double, String, Boolean, List, Map. */
  public static Object normalize(Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        throw new IllegalArgumentException("JSON has no " + number);
      }
      return number;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(collection.size());
      for (Object element : collection) {
        list.add(normalize(element));
      }
      return Collections.unmodifiableList(list);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys must be strings: " + entry.getKey());
        }
        copy.put(key, normalize(entry.getValue()));
      }
      return Collections.unmodifiableMap(copy);
    }
    throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
  }

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(normalize(value), out);
    return out.toString();
  }

  /** Appends an already normalized value. */
  static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String string) {
      writeString(string, out);
    } else if (value instanceof Long || value instanceof Double || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(list.get(i), out);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString((String) entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException("not a normalized JSON value: " + value.getClass().getName());
    }
  }

  private static void writeString(String string, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // Control characters must be escaped; everything else (including non-ASCII) goes as is.
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Parses one complete JSON value; trailing characters other than whitespace are an error. */
  public static Object parse(String text) {
    Parser parser = new Parser(text);
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.position != text.length()) {
      throw parser.error("trailing characters");
    }
    return value;
  }

  private static final class Parser {
    private final String text;
    private int position;

    Parser(String text) {
      this.text = text;
    }

    Object value() {
      skipWhitespace();
      if (position >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(position);
      return switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> number();
      };
    }

    private Map<String, Object> object() {
      position++;
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (peek() == '}') {
        position++;
        return Collections.unmodifiableMap(map);
      }
      while (true) {
        skipWhitespace();
        if (peek() != '"') {
          throw error("expected a string key");
        }
        String key = string();
        skipWhitespace();
        expect(':');
        if (map.put(key, value()) != null) {
          throw error("duplicate key " + key);
        }
        skipWhitespace();
        if (peek() == ',') {
          position++;
        } else {
          expect('}');
          return Collections.unmodifiableMap(map);
        }
      }
    }

    private List<Object> array() {
      position++;
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (peek() == ']') {
        position++;
        return Collections.unmodifiableList(list);
      }
      while (true) {
        list.add(value());
        skipWhitespace();
        if (peek() == ',') {
          position++;
        } else {
          expect(']');
          return Collections.unmodifiableList(list);
        }
      }
    }

    private String string() {
      position++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (position >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(position++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (position >= text.length()) {
          throw error("unterminated escape");
        }
        char escaped = text.charAt(position++);
        switch (escaped) {
          case '"', '\\', '/' -> out.append(escaped);
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (position + 4 > text.length()) {
              throw error("short unicode escape");
            }
            out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
            position += 4;
          }
          default -> throw error("bad escape \\" + escaped);
        }
      }
    }

    private Object number() {
      int start = position;
      while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
        position++;
      }
      String token = text.substring(start, position);
      if (token.isEmpty()) {
        throw error("unexpected character");
      }
      try {
        if (token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0) {
          return Long.parseLong(token);
        }
        return Double.parseDouble(token);
      } catch (NumberFormatException badNumber) {
        throw error("bad number " + token);
      }
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, position)) {
        throw error("unexpected token");
      }
      position += word.length();
      return value;
    }

    private char peek() {
      return position < text.length() ? text.charAt(position) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      position++;
    }

    void skipWhitespace() {
      while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
        position++;
      }
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("bad JSON at " + position + ": " + what + " in: " + text);
    }
  }
}
