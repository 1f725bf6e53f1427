export { exportCasebook, casebookIndex, casebookPages, casePageName, highlightEvidence } from './site.js';
