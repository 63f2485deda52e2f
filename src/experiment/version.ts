import { readFileSync } from 'node:fs';

// package.json sits two folders up from both src/experiment and dist/experiment.
const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION: string = manifest.version;
