// Cases per month stacked by category, drawn with uPlot as bars of cumulative sums (tallest drawn first).
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { lang, t, vocab } from '../i18n.js';

const STEPS = [1, 2, 3, 5, 6, 10, 12, 20, 24, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000];
const COLORS = ['#c0392b', '#2980b9', '#27ae60', '#8e44ad', '#d35400', '#16a085', '#f39c12', '#2c3e50', '#7f8c8d', '#e84393', '#00838f', '#6d4c41'];

export function MonthChart({ rows }: { rows: { month: string; category: string; count: number }[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const dated = rows.filter((r) => r.month !== 'unknown');
    const months = [...new Set(dated.map((r) => r.month))].sort();
    if (months.length === 0) return;
    const totals = new Map<string, number>();
    for (const r of dated) totals.set(r.category, (totals.get(r.category) ?? 0) + r.count);
    const cats = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0)).slice(0, COLORS.length);
    // Months as category positions 0..n-1 (a time scale stretches oddly around one or two months).
    const x = months.map((_, i) => i);
    const per = cats.map((c) => months.map((m) => rows.find((r) => r.month === m && r.category === c)?.count ?? 0));
    // stack: series i = sum of categories 0..i; drawn from the top sum down so each band shows
    const stacked = per.map((_, i) => months.map((__, j) => per.slice(0, i + 1).reduce((s, p) => s + p[j], 0)));
    const order = cats.map((_, i) => cats.length - 1 - i);
    const bars = uPlot.paths.bars?.({ size: [0.8, 40] });
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: 260,
      legend: { show: true },
      scales: {
        x: { time: false, range: () => [-0.5, Math.max(0, months.length - 1) + 0.5] },
        y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
      },
      axes: [
        { incrs: STEPS, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? months[v] ?? '' : '')) },
        { size: 48, incrs: STEPS, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      ],
      series: [{ label: lang.value === 'ja' ? '月' : 'Month', value: (_u: uPlot, v: number | null) => (v === null ? '' : months[v] ?? '') }, ...order.map((i) => ({ label: vocab(cats[i]), fill: COLORS[i], stroke: COLORS[i], paths: bars, points: { show: false }, value: (_u: uPlot, _v: number, _s: number, idx: number | null) => (idx === null ? '' : String(per[i][idx] ?? '')) }))],
    };
    const plot = new uPlot(opts, [x, ...order.map((i) => stacked[i])], el);
    const onResize = () => plot.setSize({ width: Math.max(280, el.clientWidth), height: 260 });
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      plot.destroy();
    };
  }, [rows]);
  const undated = rows.filter((r) => r.month === 'unknown').length > 0;
  const none = !rows.some((r) => r.month !== 'unknown');
  return (
    <>
      {none ? <p class="muted">{t('noDatedCases')}</p> : <div class="chart" ref={box} data-testid="month-chart" />}
      {undated && !none && <p class="muted small">{t('undatedNote')}</p>}
    </>
  );
}
