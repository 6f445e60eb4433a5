#!/usr/bin/env node
// The `incubator` command: runs core/cli/main.ts through tsx (no build step), passing the
// command line and returning its exit code. See `incubator --help`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../core/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv);
