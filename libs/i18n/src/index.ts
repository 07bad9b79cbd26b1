export * from './catalogue.js';
export * from './load-catalogues.js';
