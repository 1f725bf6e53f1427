export * from './vocabulary.js';
export * from './incident.js';
export * from './mappings.js';
