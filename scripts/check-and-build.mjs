// The type check and the build of `npm test` in one TypeScript program:
// every file of tsconfig.json (src/ and test/) is type-checked, and src/ is
// emitted to dist/ with tsconfig.build.json's options, the output of
// `tsc -p tsconfig.build.json` byte for byte. Run as two compilers (the build,
// then `tsc --noEmit -p tsconfig.json`), src/ was parsed and checked twice,
// and the type check of src/scenario/schema.ts's zod types alone is seconds
// (docs/testing.md, "Suite time"). Exit 1 on any diagnostic, printed as tsc
// prints it.

import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => ts.sys.newLine };

function fail(diagnostics) {
  const format = ts.sys.writeOutputIsTTY?.() ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stderr.write(format(diagnostics, host));
  process.exit(1);
}

function config(name) {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, name), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
  if (parsed.errors.length > 0) fail(parsed.errors);
  return parsed;
}

const checked = config('tsconfig.json');
const built = config('tsconfig.build.json');
const program = ts.createProgram({ rootNames: checked.fileNames, options: built.options });
// TS6059: a test file lies outside the build's rootDir (src/). Test files are checked here, never emitted.
const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.code !== 6059);
if (diagnostics.length > 0) fail(diagnostics);
const src = join(root, 'src') + sep;
for (const file of program.getSourceFiles()) {
  if (!file.fileName.startsWith(src)) continue;
  const { diagnostics: emitted } = program.emit(file);
  if (emitted.length > 0) fail(emitted);
}
