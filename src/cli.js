#!/usr/bin/env node
// The package's bin (`npx lifeline ...`): runs the TypeScript CLI through tsx, so it works from
// a fresh clone after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./cli/main.ts');
