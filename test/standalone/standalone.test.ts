// The repository stands alone: a clone with nothing beside it passes the tests, and no text in it
// sends the reader outside it.
// 1. Every tracked file (its working-tree content, so uncommitted edits count) is copied into
//    <fresh temporary directory>/repo, node_modules is linked in, and the reference tests (the
//    engine against test/fixtures/reference, and the simulator on one reference file) run there.
//    They must all pass, and as many as the same selection collects in this checkout.
// 2. Tracked text files are scanned for references to material outside the repository: the
//    sibling folder the project grew up beside, machine paths, the planning notes by file name,
//    issue numbers. Reference data and the lock file are exempt.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Set in the copy's environment, so the copy never starts a copy of its own. */
const INSIDE_COPY = 'SCALING_PLAYGROUND_STANDALONE_COPY';

/** The reference tests run in the copy: all of reference.test.ts, one simulator file. */
const FILES = ['test/model/theory/reference.test.ts', 'test/model/simulation/simulate.test.ts'];
// reference.test.ts names its suites after the reference files (S01_…); of the simulator's tests
// only the reference-file check for the cheapest file (S05, ~6 s) and the file count run.
const PATTERN =
  '^S\\d\\d_|^simulator vs the reference simulations .*(finds the reference|S05_double_descent)';

/** Tracked paths, NUL-separated so that no file name can break the list. Fails without git. */
function trackedFiles(): string[] {
  let out: string;
  try {
    out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  } catch (err) {
    throw new Error(`this test needs git and a git checkout at ${ROOT}: ${String(err)}`);
  }
  const files = out.split('\0').filter((f) => f.length > 0);
  if (files.length === 0) throw new Error(`git ls-files lists nothing in ${ROOT}`);
  return files;
}

/** A child environment without the outer Vitest's variables (worker ids, mode). */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('VITEST')) env[k] = v;
  env[INSIDE_COPY] = '1';
  return env;
}

function vitest(cwd: string, args: string[]): { status: number | null; output: string } {
  const bin = join(cwd, 'node_modules', 'vitest', 'vitest.mjs');
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env: childEnv(),
    encoding: 'utf8',
    timeout: 150_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

/** The part of Vitest's JSON report read here. */
interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: {
    name: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
  }[];
}

/** Failed files and tests with their first message line: what to read when the copy fails. */
function failures(r: VitestReport): string {
  const lines: string[] = [];
  for (const file of r.testResults) {
    if (file.message) lines.push(`${file.name}: ${file.message.split('\n')[0]}`);
    for (const t of file.assertionResults)
      if (t.status === 'failed')
        lines.push(`${t.fullName}: ${(t.failureMessages[0] ?? '').split('\n')[0]}`);
  }
  return lines.join('\n');
}

describe.skipIf(process.env[INSIDE_COPY])('a copy of the repository with nothing beside it', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'scaling-playground-standalone-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('passes the reference tests', { timeout: 180_000 }, () => {
    const repo = join(scratch, 'repo');
    let copied = 0;
    for (const f of trackedFiles()) {
      const from = join(ROOT, f);
      // A tracked file deleted in the working tree is not part of it.
      if (!existsSync(from) || !lstatSync(from).isFile()) continue;
      mkdirSync(dirname(join(repo, f)), { recursive: true });
      copyFileSync(from, join(repo, f));
      copied++;
    }
    expect(copied).toBeGreaterThan(100);
    // Only the repository itself sits in the scratch folder: a read of ../anything fails.
    expect(readdirSync(scratch)).toEqual(['repo']);
    const modules = join(ROOT, 'node_modules');
    if (!existsSync(modules)) throw new Error(`run npm ci first: ${modules} is missing`);
    symlinkSync(modules, join(repo, 'node_modules'), 'dir');

    // What the same selection collects here: the count the copy must pass.
    const list = join(scratch, 'list.json');
    const listed = vitest(ROOT, ['list', ...FILES, '-t', PATTERN, `--json=${list}`]);
    expect(listed.status, listed.output).toBe(0);
    const tests = JSON.parse(readFileSync(list, 'utf8')) as {
      name: string;
      file: string;
    }[];
    for (const f of FILES)
      expect(
        tests.some((t) => t.file.endsWith(f)),
        `no test of ${f} matches the selection`,
      ).toBe(true);
    const refs = readdirSync(join(ROOT, 'test/fixtures/reference')).filter((f) =>
      f.endsWith('.json'),
    );
    expect(tests.length).toBeGreaterThanOrEqual(3 * refs.length + 2);

    const report = join(scratch, 'report.json');
    const run = vitest(repo, [
      'run',
      ...FILES,
      '-t',
      PATTERN,
      '--reporter=json',
      `--outputFile=${report}`,
    ]);
    if (!existsSync(report)) throw new Error(`vitest wrote no report in the copy:\n${run.output}`);
    const r = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
    const why = failures(r) || run.output;
    expect(run.status, why).toBe(0);
    expect(r.numFailedTests, why).toBe(0);
    expect(r.numPassedTests).toBe(tests.length);
  });
});

// The patterns are assembled from pieces so that this file does not match them itself.
const OUTSIDE: [string, RegExp][] = [
  ['the sibling folder', new RegExp(['\\.\\.', '/shared'].join(''))],
  ['a machine path', new RegExp(['/wo', 'rk/'].join(''))],
  ['a planning note', new RegExp(['\\b(THEORY|LESSONS|DESIGN|STYLE|TOOLCHAIN)', '\\.md'].join(''))],
  ['an issue number', new RegExp(['\\bissues?', ' #?[0-9]'].join(''), 'i')],
];

/** Reference data is kept byte-identical; the lock file is generated. */
function exempt(f: string): boolean {
  return f === 'package-lock.json' || f.startsWith('test/fixtures/');
}

describe('no reference outside the repository', () => {
  it('in any tracked text file', () => {
    const offenders: string[] = [];
    let scanned = 0;
    for (const f of trackedFiles()) {
      if (exempt(f)) continue;
      const path = join(ROOT, f);
      if (!existsSync(path) || !lstatSync(path).isFile()) continue;
      const buf = readFileSync(path);
      // Binary files (a NUL byte near the start) hold no prose.
      if (buf.subarray(0, 8000).includes(0)) continue;
      scanned++;
      buf
        .toString('utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [what, re] of OUTSIDE)
            if (re.test(line)) offenders.push(`${f}:${i + 1}: ${what}: ${line.trim()}`);
        });
    }
    expect(scanned).toBeGreaterThan(100);
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('the patterns catch what they are meant to catch', () => {
    const hit = (s: string) => OUTSIDE.filter(([, re]) => re.test(s)).map(([what]) => what);
    expect(hit(['see ..', '/shared/THE', 'ORY.md'].join(''))).toEqual([
      'the sibling folder',
      'a planning note',
    ]);
    expect(hit(['/wo', 'rk/main/src'].join(''))).toEqual(['a machine path']);
    expect(hit(['(Iss', 'ue 2)'].join(''))).toEqual(['an issue number']);
    expect(hit('docs/theory.md §3, test/fixtures/reference, an issue of scale')).toEqual([]);
  });
});
