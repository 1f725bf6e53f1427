export * from './chars.js';
export * from './normalize.js';
export * from './dates.js';
export * from './numbers.js';
export * from './sections.js';
