package io.carelake.pipelines.staffing.report;

/** The report's CSS: plain, light, sized for a laptop screen, charts two abreast where they fit. */
final class ReportStyle {
  static final String CSS = """
      :root { --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee5; --employee: #4c78a8; --contract: #f58518;
        --high: #54a24b; --low: #e45756; --box: #c6dbef; --box-edge: #3b6a98; }
      * { box-sizing: border-box; }
      body { margin: 0; background: #f4f6f8; color: var(--ink);
        font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      main { max-width: 1320px; margin: 0 auto; padding: 24px 28px 48px; }
      h1 { font-size: 1.6rem; margin: 0 0 4px; }
      h2 { font-size: 1.15rem; margin: 32px 0 4px; }
      .meta, .note { color: var(--muted); }
      .about { max-width: 80ch; }
      .figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
      .figures div { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px;
        min-width: 150px; }
      .figures dt { color: var(--muted); font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.04em; }
      .figures dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
      .no-data { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 24px;
        font-size: 1.1rem; }
      .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 20px;
        align-items: start; margin-top: 20px; }
      figure.chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px;
        padding: 14px 16px 10px; }
      figcaption { font-weight: 600; margin-bottom: 8px; }
      figure .note { font-size: 0.8rem; margin: 6px 0 0; }
      figure.chart-empty p { color: var(--muted); }
      svg { display: block; }
      svg text { font-size: 11px; fill: var(--ink); }
      svg .tick, svg .caption { fill: var(--muted); }
      svg .caption { font-size: 12px; }
      svg .heading { font-size: 12px; font-weight: 600; }
      svg .value { fill: var(--muted); }
      svg .grid { stroke: #e8ebef; }
      svg .domain { stroke: #9aa5b1; }
      svg .box rect { fill: var(--box); stroke: var(--box-edge); }
      svg .box:hover rect { fill: #9ecae1; }
      svg .whisker { stroke: var(--box-edge); }
      svg .median { stroke: #0b2e55; stroke-width: 2.5; }
      svg .reference { stroke: #c0392b; stroke-dasharray: 4 3; }
      svg .reference-label { fill: #c0392b; }
      svg .employee { fill: var(--employee); }
      svg .contract { fill: var(--contract); }
      svg .high { fill: var(--high); }
      svg .low { fill: var(--low); }
      svg rect:hover { opacity: 0.75; }
      svg .points circle { fill: var(--employee); fill-opacity: 0.4; }
      svg .points circle:hover { fill: #0b2e55; fill-opacity: 1; }
      .table-wrap { max-height: 34rem; overflow: auto; background: #fff; border: 1px solid var(--line);
        border-radius: 8px; }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      th, td { padding: 5px 8px; border-bottom: 1px solid #eef0f3; text-align: left; }
      td.num { white-space: nowrap; }
      th { position: sticky; top: 0; background: #eef2f6; cursor: pointer; user-select: none; vertical-align: bottom; }
      th:hover { background: #e2e8f0; }
      th.num, td.num { text-align: right; }
      th[aria-sort="ascending"]::after { content: " \\25B2"; }
      th[aria-sort="descending"]::after { content: " \\25BC"; }
      tbody tr:hover { background: #f7f9fc; }
      """;

  private ReportStyle() {}
}
