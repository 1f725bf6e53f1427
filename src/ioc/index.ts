// The IoC engine: find, refang, validate and tag indicators in Japanese and English text.
export { extractIndicators, type ExtractIndicatorsOptions } from './extract.js';
export { findIndicators } from './scan.js';
export { refang, type Refanged } from './refang.js';
export { ipClass } from './ip.js';
export {
  compileSafeRegex,
  loadWarninglists,
  matchWarninglists,
  parseWarninglist,
  type Warninglist,
  type WarninglistKind,
} from './warninglists.js';
export * from './types.js';
