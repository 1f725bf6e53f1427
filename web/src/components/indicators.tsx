// Indicators as plain text (never links, they are attack infrastructure); clicking one highlights where the
// notice mentions it.
import { t } from '../i18n.js';
import type { Indicators } from '../types.js';

export function IndicatorList({ indicators, selected, onSelect }: { indicators: Indicators; selected: string | null; onSelect: (v: string | null) => void }) {
  const all = Object.entries(indicators).flatMap(([kind, list]) => (list as string[]).map((v) => ({ kind, v })));
  if (all.length === 0) return <p class="muted">{t('indicators')}: {t('none')}</p>;
  return (
    <div class="indicators" data-testid="indicators">
      <h3>{t('indicators')}</h3>
      <ul>
        {all.map(({ kind, v }) => (
          <li key={`${kind}:${v}`}>
            <button type="button" class={`ioc ${selected === v ? 'selected' : ''}`} onClick={() => onSelect(selected === v ? null : v)}>
              <span class="ioc-kind">{kind}</span> <code>{v}</code>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where an indicator appears in the text, also when the notice wrote it defanged (hxxp, [.], (at)). */
export function findIndicator(text: string, value: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const lower = text.toLowerCase();
  const variants = new Set([value, value.replace(/\./g, '[.]'), value.replace(/^http/i, 'hxxp'), value.replace(/^http/i, 'hxxp').replace(/\./g, '[.]'), value.replace('@', '[@]'), value.replace('@', '(at)')]);
  for (const v of variants) {
    const needle = v.toLowerCase();
    if (!needle) continue;
    for (let i = lower.indexOf(needle); i !== -1 && out.length < 100; i = lower.indexOf(needle, i + needle.length)) out.push({ start: i, end: i + needle.length });
  }
  return out;
}
