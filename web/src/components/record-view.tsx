// Record table beside the notice text; the selected field's (or indicator's) evidence is highlighted.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../i18n.js';
import type { Incident, Span } from '../types.js';
import { Highlighted } from './highlighted.js';
import { findIndicator, IndicatorList } from './indicators.js';
import { RecordTable } from './record-table.js';

export function RecordView({ record, provenance }: { record: Incident; provenance?: Record<string, 'auto' | 'analyst' | undefined> }) {
  const [field, setField] = useState<string | null>(null);
  const [ioc, setIoc] = useState<string | null>(null);
  const spans: Span[] = useMemo(() => {
    if (ioc) {
      const found = findIndicator(record.text, ioc);
      return found.length ? found : record.evidence.indicators ?? [];
    }
    return field ? record.evidence[field] ?? [] : [];
  }, [record, field, ioc]);
  return (
    <div class="record-view">
      <div class="record-side">
        <p class="hint">{t('clickHint')}</p>
        <RecordTable record={record} provenance={provenance} selected={field} onSelect={(f) => (setField(f), setIoc(null))} />
        <IndicatorList indicators={record.indicators} selected={ioc} onSelect={(v) => (setIoc(v), setField(null))} />
      </div>
      <div class="text-side">
        <h3>{t('noticeText')}</h3>
        <Highlighted text={record.text} spans={spans} />
      </div>
    </div>
  );
}
