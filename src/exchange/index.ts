// Exchange formats: exporters and importers, pure functions of records (file and store I/O live in the CLI).
export * from './common.js';
export * from './problems.js';
export { StixBundleWriter, exportStix, scoFor, tlpMarking, INCIDENT_CORE_EXTENSION, JIKENBO_EXTENSION, type StixBundle, type StixObject, type StixExportOptions } from './stix/export.js';
export { checkPattern, patternFor, indicatorsInPattern } from './stix/pattern.js';
export { StixCollector, importStixBundle } from './stix/import.js';
export { exportMisp, exportMispEvent, exportMispFeed, type MispEvent, type MispExportOptions } from './misp/export.js';
export { importMispEvent, manifestUuids } from './misp/import.js';
export { exportVeris, exportVerisIncident, type VerisIncident } from './veris/export.js';
export { importVerisIncident, looksLikeVeris } from './veris/import.js';
export { ImportSession, type ImportEvent } from './import.js';
export { splitJson, type JsonItem } from './stream.js';
export { exportCsv, csvCell, CSV_COLUMNS } from './csv.js';
export { exportAtom, type AtomOptions } from './atom.js';
export { exportCasebook, casebookIndex, casebookPages, casePageName, highlightEvidence } from './casebook/index.js';
export { escapeHtml, escapeXml, safeHref } from './html.js';
