package io.carelake.pipelines.staffing.report;

import java.util.List;
import java.util.function.Function;

/** An HTML table whose rows re-order when a column header is clicked, by {@link #SCRIPT}. */
final class SortableTable {
  /**
   * Sorts by the clicked column, ascending first, again to reverse: numbers by their data-value, which
   * keeps full precision, text by locale; missing values last either way.
   */
  static final String SCRIPT = """
      document.querySelectorAll('table.sortable th').forEach((header) => {
        header.addEventListener('click', () => {
          const table = header.closest('table');
          const column = header.cellIndex;
          const numeric = header.classList.contains('num');
          const ascending = header.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('th').forEach((th) => th.removeAttribute('aria-sort'));
          header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          const key = (row) => {
            const cell = row.cells[column];
            if (!numeric) return cell.textContent;
            return cell.dataset.value === '' ? null : Number(cell.dataset.value);
          };
          const body = table.tBodies[0];
          const rows = Array.from(body.rows, (row) => [key(row), row]);
          rows.sort((a, b) => {
            if (a[0] === null || b[0] === null) return (a[0] === null) - (b[0] === null);
            const order = numeric ? a[0] - b[0] : a[0].localeCompare(b[0]);
            return ascending ? order : -order;
          });
          body.append(...rows.map((pair) => pair[1]));
        });
      });
      """;

  private SortableTable() {}

  /** A column: its header, its cell text and, for a numeric column, the value it sorts by. */
  record Column<T>(String header, Function<T, String> text, Function<T, Number> value) {
    static <T> Column<T> text(String header, Function<T, String> text) {
      return new Column<>(header, text, null);
    }

    static <T, N extends Number> Column<T> number(String header, Function<T, N> value, Function<N, String> format) {
      return new Column<>(header, row -> format.apply(value.apply(row)), value::apply);
    }

    boolean numeric() {
      return value != null;
    }
  }

  static <T> String html(String id, List<Column<T>> columns, List<T> rows) {
    StringBuilder html = new StringBuilder()
        .append("<div class=\"table-wrap\"><table class=\"sortable\" id=\"").append(id).append("\"><thead><tr>");
    for (Column<T> column : columns) {
      html.append(column.numeric() ? "<th class=\"num\"" : "<th").append(" title=\"Sort by this column\">")
          .append(Html.escape(column.header())).append("</th>");
    }
    html.append("</tr></thead><tbody>\n");
    for (T row : rows) {
      html.append("<tr>");
      for (Column<T> column : columns) {
        if (column.numeric()) {
          Number value = column.value().apply(row);
          html.append("<td class=\"num\" data-value=\"").append(value == null ? "" : value.toString()).append("\">");
        } else {
          html.append("<td>");
        }
        html.append(Html.escape(column.text().apply(row))).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody></table></div>\n").toString();
  }
}
