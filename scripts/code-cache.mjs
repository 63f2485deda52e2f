// Writes V8's code cache of the scenario commands' bundle
// (dist/bundle/scenario.cjs.v8cache; scripts/bundle.mjs runs this after
// building the bundle, src/cli/code-cache.ts reads it). The cache is taken
// after a validate has run, so it holds the functions that a validate
// compiles lazily as well as the bundle's top level. Output goes nowhere.

import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadBundle, SCENARIO_BUNDLE, SCENARIO_CODE_CACHE } from '../dist/cli/code-cache.js';

const WARM_UP = ['validate', fileURLToPath(new URL('../scenarios/ecommerce-shop.yaml', import.meta.url))];

const nowhere = () => new Writable({ write: (_chunk, _encoding, done) => done() });
const bundle = loadBundle(SCENARIO_BUNDLE, '');
const code = await bundle.exports.main([process.execPath, 'staffsim', ...WARM_UP], { stdout: nowhere(), stderr: nowhere() });
if (code !== 0) throw new Error(`staffsim ${WARM_UP.join(' ')} exited ${code} while the code cache was made`);
writeFileSync(SCENARIO_CODE_CACHE, bundle.createCodeCache());
