import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/server-process.js';

// The project runs on the Node that package.json's `engines` names, brought by the `node` package
// (decision 024): npm scripts find node_modules/.bin/node before the system's.
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string }; dependencies: Record<string, string> };

describe('the runtime', () => {
  it('is the Node that engines names', () => {
    const [, major, minor, below] = /^>=(\d+)\.(\d+) <(\d+)$/.exec(packageJson.engines.node)!.map(Number);
    const [runningMajor, runningMinor] = process.versions.node.split('.').map(Number);
    expect(runningMajor! > major! || (runningMajor === major && runningMinor! >= minor!), process.version).toBe(true);
    expect(runningMajor!, process.version).toBeLessThan(below!);
    expect(packageJson.dependencies.node).toMatch(new RegExp(`^\\^${major}\\.`));
  });

  it.runIf(process.env.CI)('in CI is the project\'s own Node, not the system\'s', () => {
    expect(process.execPath.startsWith(join(repoRoot, 'node_modules')), process.execPath).toBe(true);
  });
});
