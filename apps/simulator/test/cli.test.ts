// The CLI: bad arguments and unparsable files → one message naming the problem, exit 2; a short
// live run against a DSO on 127.0.0.1 dials every access point in; the control API drives it.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DsoHarness } from './dso-harness.js';

const root = join(import.meta.dirname, '..');

function simulate(args: string[], timeoutMs = 15_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'src/cli.ts', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let dso: DsoHarness | undefined;
afterEach(async () => {
  await dso?.stop();
  dso = undefined;
});

describe('simulate CLI', () => {
  it.each([
    [['--public', 'many'], '--public must be a whole number, got "many"'],
    [['--server', 'http://x'], '--server must be a ws:// or wss:// URL'],
    [['--fleet', 'a.json', '--public', '3'], '--fleet cannot be combined'],
    [['--frobnicate'], "Unknown option '--frobnicate'"],
    [['--fleet', '/nonexistent/fleet.json'], 'cannot read the file (ENOENT)'],
  ])('%j → exit 2 naming the problem', async (args, message) => {
    const r = await simulate(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toContain(message);
  });

  it('a scenario file that does not parse → exit 2 with its path and field', async () => {
    const file = join(tmpdir(), `bad-scenario-${process.pid}.json`);
    writeFileSync(file, '{"name":"x","useCase":"3.1","architecture":"public","steps":[{"do":"warp"}]}');
    const r = await simulate(['--scenario', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('steps[0].do: unknown step "warp"');
    writeFileSync(file, '{"name": ');
    const r2 = await simulate(['--scenario', file]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('not valid JSON');
  });

  it('a short live run dials every access point in with its token', async () => {
    dso = await new DsoHarness({ 'VC-0001': 't0k', 'VC-0002': 't0k', 'GW-HOMEWATT': 't0k' }).start();
    const r = await simulate(['--server', dso.url, '--public', '2', '--residential', '3', '--token', 't0k', '--duration', '2', '--quiet']);
    expect(r.code).toBe(0);
    expect(new Set(dso.connects)).toEqual(new Set(['VC-0001', 'VC-0002', 'GW-HOMEWATT']));
    expect(r.stdout).toContain('3 access points, 5 charge points');
  });
});
