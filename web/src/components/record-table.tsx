// The record as a table: one row per field; clicking a row selects it so its evidence lights up in the text.
import { fieldLabel, lang, t, vocab } from '../i18n.js';
import type { Incident } from '../types.js';

export const SHOWN_FIELDS = [
  'title', 'organization', 'otherOrganizations', 'caseId', 'publishedAt', 'discoveredAt', 'occurredFrom', 'occurredTo',
  'categories', 'affectedCount', 'dataItems', 'excludedDataItems', 'leakStatus', 'authoritiesNotified', 'countermeasures',
  'timeline', 'isIncident',
] as const;

function show(field: string, r: Incident): string {
  const sep = lang.value === 'ja' ? '、' : ', ';
  switch (field) {
    case 'affectedCount':
      return r.affectedCount === null ? '—' : `${r.affectedApprox ? '約' : ''}${r.affectedCount.toLocaleString()}${r.affectedUnit ?? ''}`;
    case 'otherOrganizations':
      return r.otherOrganizations.map((p) => `${p.name}（${vocab(p.role)}）`).join(sep) || '—';
    case 'categories':
    case 'dataItems':
    case 'excludedDataItems':
    case 'authoritiesNotified':
      return (r[field] as string[]).map(vocab).join(sep) || '—';
    case 'leakStatus':
      return r.leakStatus ? vocab(r.leakStatus) : '—';
    case 'countermeasures':
      return r.countermeasures.length ? r.countermeasures.map((c) => `・${c}`).join('\n') : '—';
    case 'timeline':
      return r.timeline.map((e) => `${e.date}${e.time ? ` ${e.time}` : ''} ${e.text}`).join('\n') || '—';
    case 'isIncident':
      return r.isIncident ? '✓' : '✗';
    default: {
      const v = (r as unknown as Record<string, unknown>)[field];
      return v === null || v === undefined || v === '' ? '—' : String(v);
    }
  }
}

export function RecordTable(props: {
  record: Incident;
  provenance?: Record<string, 'auto' | 'analyst' | undefined>;
  selected: string | null;
  onSelect: (field: string | null) => void;
}) {
  const { record, provenance, selected, onSelect } = props;
  return (
    <table class="record" data-testid="record-table">
      <thead>
        <tr>
          <th>{t('field')}</th>
          <th>{t('value')}</th>
          {provenance && <th>{t('source')}</th>}
        </tr>
      </thead>
      <tbody>
        {SHOWN_FIELDS.map((f) => {
          const spans = record.evidence[f]?.length ?? 0;
          const prov = provenance?.[f] ?? 'auto';
          return (
            <tr
              key={f}
              data-field={f}
              class={`${selected === f ? 'selected' : ''} ${spans ? 'has-evidence' : ''}`}
              tabIndex={0}
              onClick={() => onSelect(selected === f ? null : f)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(selected === f ? null : f)}
            >
              <th scope="row">
                {fieldLabel(f)}
                {spans > 0 && <span class="ev-count" title="evidence">{spans}</span>}
              </th>
              <td class="value">{show(f, record)}</td>
              {provenance && (
                <td>
                  <span class={`prov prov-${prov}`} data-testid={`prov-${f}`}>{t(prov)}</span>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
