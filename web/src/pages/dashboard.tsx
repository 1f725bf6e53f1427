// Dashboard: cases per month by category, top data items, affected-count distribution, leak status, contractors.
import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../components/error-note.js';
import { api } from '../api.js';
import { MonthChart } from '../components/month-chart.js';
import { t, vocab, type UiKey } from '../i18n.js';
import type { StatRow, StatsReply } from '../types.js';

function Bars({ title, rows, raw, testid }: { title: UiKey; rows: StatRow[]; raw?: boolean; testid: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <section class="panel" data-testid={testid}>
      <h3>{t(title)}</h3>
      {rows.length === 0 && <p class="muted">{t('none')}</p>}
      <ul class="bars">
        {rows.map((r) => (
          <li key={r.key}>
            <span class="bar-label">{raw && r.key !== 'unknown' ? r.key : vocab(r.key)}</span>
            <span class="bar-track">
              <span class="bar" style={{ width: `${(100 * r.count) / max}%` }} />
            </span>
            <span class="count">{r.count.toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DashboardPage() {
  const [s, setS] = useState<StatsReply | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<StatsReply>('/api/stats').then(setS, (e: unknown) => setError(e));
  }, []);
  if (error !== null) return <ErrorNote error={error} />;
  if (!s) return <p>{t('loading')}</p>;
  return (
    <div class="dashboard">
      <p class="total">
        {t('total')}: <strong data-testid="dash-total">{s.total.toLocaleString()}</strong>
      </p>
      <section class="panel wide">
        <h3>{t('casesPerMonth')}</h3>
        <MonthChart rows={s.stats['month-category'] ?? []} />
      </section>
      <div class="panels">
        <Bars title="topDataItems" rows={(s.stats['data-item'] ?? []).slice(0, 10)} testid="dash-items" />
        <Bars title="affectedDist" rows={s.stats['affected-bucket'] ?? []} raw testid="dash-affected" />
        <Bars title="leakStatus" rows={s.stats.leak ?? []} testid="dash-leak" />
        <Bars title="topContractors" rows={(s.stats.contractor ?? []).slice(0, 10)} raw testid="dash-contractors" />
      </div>
    </div>
  );
}
