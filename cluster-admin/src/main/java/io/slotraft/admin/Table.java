package io.slotraft.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Left-aligned text columns, two spaces apart, each as wide as its widest cell; the last column is
 * not padded. A note is a free line under the row before it (an operation's step history), left
 * out of the widths.
 */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final List<List<String>> notes = new ArrayList<>();

  Table(String... headers) {
    rows.add(headers);
    notes.add(new ArrayList<>());
  }

  Table row(Object... cells) {
    if (cells.length != rows.get(0).length) {
      throw new IllegalArgumentException(cells.length + " cells for " + rows.get(0).length + " columns");
    }
    rows.add(Arrays.stream(cells).map(String::valueOf).toArray(String[]::new));
    notes.add(new ArrayList<>());
    return this;
  }

  /** A line printed as it is under the last row. */
  Table note(String line) {
    notes.get(notes.size() - 1).add(line);
    return this;
  }

  boolean isEmpty() {
    return rows.size() == 1;
  }

  String render() {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        line.append(row[c]);
        if (c < columns - 1) {
          line.append(" ".repeat(widths[c] - row[c].length() + 2));
        }
      }
      text.append(line.toString().stripTrailing()).append('\n');
      notes.get(r).forEach(note -> text.append(note).append('\n'));
    }
    return text.toString();
  }
}
