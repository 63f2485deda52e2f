// Injected into the CommonJS bundles (scripts/bundle.mjs), where
// import.meta.url is defined as this: the bundle file's own URL, as
// import.meta.url is a module's.
export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;
