// A built checkout's own modules, for the bench scripts that compare one
// checkout with another (pair.mjs, instructions.mjs) or load this one
// (hidden-classes.mjs): only DIR/dist/ is read, so an older checkout without
// these scripts can be measured.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The module at `path` under DIR/dist/. */
export function loadDist(dir, path) {
  return import(pathToFileURL(join(dir, 'dist', path)).href);
}

/** DIR's simulateReplication and loadScenarioFile. */
export async function loadSimulator(dir) {
  const { simulateReplication } = await loadDist(dir, 'model/contact-centre.js');
  const { loadScenarioFile } = await loadDist(dir, 'scenario/load.js');
  return { simulateReplication, loadScenarioFile };
}
