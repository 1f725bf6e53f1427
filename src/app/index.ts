export * from './inputs.js';
export * from './extract.js';
export * from './ingest.js';
export * from './search.js';
export * from './edit.js';
export * from './demo.js';
export { extractIndicators, loadWarninglists, INDICATOR_TYPES, type IndicatorResult, type IndicatorType, type Warninglist } from '../ioc/index.js';
