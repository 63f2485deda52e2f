#!/usr/bin/env node
// The command line, bundled into one file by `npm run build` (scripts/bundle.mjs).
import { main } from '../dist/bundle/cli.js';

process.exitCode = await main(process.argv);
