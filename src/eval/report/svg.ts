// Small inline-SVG charts for reports (no scripts, no network): grouped horizontal bars and
// grouped vertical bars, coloured per run.
export const RUN_COLOURS = ['#3b6fd8', '#e0803a', '#3aa565', '#c2455e', '#8a5cc9', '#7a7a7a'];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One row per label, one bar per series, values in [0, max]. */
export function horizontalBars(
  labels: readonly string[],
  series: readonly { name: string; values: readonly (number | null)[] }[],
  options: { max: number; format: (v: number) => string; title: string },
): string {
  const barH = 12,
    gap = 6,
    labelW = 300,
    chartW = 420;
  const rowH = series.length * barH + gap;
  const height = labels.length * rowH + 30;
  const parts: string[] = [
    `<svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" width="${labelW + chartW + 80}" ` +
      `height="${height}" xmlns="http://www.w3.org/2000/svg">`,
  ];
  labels.forEach((label, row) => {
    const y0 = 20 + row * rowH;
    parts.push(
      `<text x="${labelW - 6}" y="${y0 + (series.length * barH) / 2 + 4}" text-anchor="end" ` +
        `font-size="11">${escapeHtml(label)}</text>`,
    );
    series.forEach((s, i) => {
      const value = s.values[row];
      if (value === null || value === undefined) return;
      const w = Math.max(1, (chartW * value) / options.max);
      parts.push(
        `<rect x="${labelW}" y="${y0 + i * barH}" width="${w.toFixed(1)}" height="${barH - 2}" ` +
          `fill="${RUN_COLOURS[i % RUN_COLOURS.length]}">` +
          `<title>${escapeHtml(`${s.name} · ${label}: ${options.format(value)}`)}</title></rect>`,
      );
      parts.push(
        `<text x="${labelW + w + 4}" y="${y0 + i * barH + barH - 3}" ` +
          `font-size="10">${escapeHtml(options.format(value))}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Grouped vertical bars: categories along x, one bar per series. */
export function verticalBars(
  categories: readonly string[],
  series: readonly { name: string; values: readonly number[] }[],
  options: { title: string; format: (v: number) => string },
): string {
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values));
  const barW = 14,
    groupGap = 12,
    chartH = 160;
  const groupW = series.length * barW + groupGap;
  const width = Math.max(200, categories.length * groupW + 60);
  const parts: string[] = [
    `<svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" width="${width}" ` +
      `height="${chartH + 50}" xmlns="http://www.w3.org/2000/svg">`,
  ];
  categories.forEach((category, c) => {
    const x0 = 40 + c * groupW;
    series.forEach((s, i) => {
      const value = s.values[c] ?? 0;
      const h = (chartH * value) / max;
      parts.push(
        `<rect x="${x0 + i * barW}" y="${(20 + chartH - h).toFixed(1)}" width="${barW - 2}" height="${h.toFixed(1)}" ` +
          `fill="${RUN_COLOURS[i % RUN_COLOURS.length]}">` +
          `<title>${escapeHtml(`${s.name} · ${category}: ${options.format(value)}`)}</title></rect>`,
      );
      if (value > 0)
        parts.push(
          `<text x="${x0 + i * barW + (barW - 2) / 2}" y="${(16 + chartH - h).toFixed(1)}" ` +
            `text-anchor="middle" font-size="9">${escapeHtml(options.format(value))}</text>`,
        );
    });
    parts.push(
      `<text x="${x0 + (series.length * barW) / 2}" y="${chartH + 36}" text-anchor="middle" ` +
        `font-size="11">${escapeHtml(category)}</text>`,
    );
  });
  parts.push(`<line x1="36" y1="${chartH + 20}" x2="${width - 10}" y2="${chartH + 20}" stroke="#999"/></svg>`);
  return parts.join('');
}

/** One row per label: a dot at the mean and a whisker across its interval, on an axis that includes 0. */
export function intervalChart(
  rows: readonly { label: string; mean: number; low: number; high: number }[],
  options: { title: string; format: (v: number) => string },
): string {
  const labelW = 280,
    chartW = 360,
    rowH = 22;
  const values = rows.flatMap((r) => [r.low, r.high, r.mean]).filter(Number.isFinite);
  let min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (max - min < 1e-9) max = min + 1;
  const pad = (max - min) * 0.05;
  min -= pad;
  max += pad;
  const x = (v: number) => labelW + ((v - min) / (max - min)) * chartW;
  const height = rows.length * rowH + 50;
  const parts: string[] = [
    `<svg class="chart" role="img" aria-label="${escapeHtml(options.title)}" width="${labelW + chartW + 70}" ` +
      `height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">`,
    `<text x="${labelW}" y="14" font-size="12">${escapeHtml(options.title)}</text>`,
    `<line x1="${x(0).toFixed(1)}" y1="20" x2="${x(0).toFixed(1)}" y2="${height - 24}" stroke="#999"/>`,
  ];
  rows.forEach((row, i) => {
    const y = 32 + i * rowH;
    const colour = RUN_COLOURS[i % RUN_COLOURS.length];
    parts.push(`<text x="${labelW - 8}" y="${y + 4}" text-anchor="end" font-size="11">${escapeHtml(row.label)}</text>`);
    if (!Number.isFinite(row.mean)) return;
    if (Number.isFinite(row.low) && Number.isFinite(row.high))
      parts.push(
        `<line x1="${x(row.low).toFixed(1)}" y1="${y}" x2="${x(row.high).toFixed(1)}" y2="${y}" stroke="${colour}" ` +
          `stroke-width="2"/>`,
      );
    parts.push(
      `<circle cx="${x(row.mean).toFixed(1)}" cy="${y}" r="4" fill="${colour}">` +
        `<title>${escapeHtml(`${row.label}: ${options.format(row.mean)}`)}</title></circle>`,
      `<text x="${labelW + chartW + 6}" y="${y + 4}" font-size="10">${escapeHtml(options.format(row.mean))}</text>`,
    );
  });
  for (const v of [min + pad, 0, max - pad])
    parts.push(
      `<text x="${x(v).toFixed(1)}" y="${height - 8}" text-anchor="middle" font-size="10">` +
        `${escapeHtml(options.format(v))}</text>`,
    );
  parts.push('</svg>');
  return parts.join('');
}
