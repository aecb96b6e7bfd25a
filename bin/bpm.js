#!/usr/bin/env node
// Entry point: all logic lives in dist/cli.js (compiled from src/cli.ts by `npm run build`).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
