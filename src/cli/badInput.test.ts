/** The CLI on bad input: unreadable resources, inherited names, filesystem errors, BOMs, numbers, surprises. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { INHERITED_NAMES } from '../domain';
import { encodeJsonSnapshot } from '../share/urlCodec';
import type { CliIo } from './io';
import { runCli } from './main';
import { run } from './testing/runCli';

describe('a design with resources this version cannot read', () => {
  async function newerDesignFile() {
    const design = JSON.parse(await readFile('examples/two-tier.json', 'utf8')) as {
      resources: Record<string, unknown>;
    };
    design.resources['gwlb-1'] = { kind: 'gatewayLoadBalancer', id: 'gwlb-1', name: 'Core' };
    const file = join(await mkdtemp(join(tmpdir(), 'nimbus-salvage-')), 'newer.json');
    await writeFile(file, JSON.stringify(design));
    return { file, design };
  }

  it('is read without them, with one warning line on stderr and the exit code it would have anyway', async () => {
    const { file } = await newerDesignFile();
    const plain = await run('reach', 'examples/two-tier.json', '--from', 'internet', '--to', 'web a', '--port', '443');
    const salvaged = await run('reach', file, '--from', 'internet', '--to', 'web a', '--port', '443');
    expect(salvaged.code).toBe(plain.code);
    expect(salvaged.out).toBe(plain.out);
    expect(salvaged.err).toBe(
      `nimbus reach: warning: ${file}: Set aside 1 resource this version of Nimbus can't read: \`gwlb-1\` (kind "gatewayLoadBalancer" is not one Nimbus knows). The rest of the design was read; nothing was changed.`,
    );
    const validated = await run('validate', file, '--json');
    expect(validated.code).toBe((await run('validate', 'examples/two-tier.json')).code);
    expect(JSON.parse(validated.out)).toHaveProperty('findings');
    expect(validated.err.split('\n')).toHaveLength(1);
  });

  it('warns the same way for a share link', async () => {
    const { design } = await newerDesignFile();
    const link = `https://nimbus.example/#d=${encodeJsonSnapshot(design)}`;
    const { code, err } = await run('exposure', link);
    expect(code).toBe((await run('exposure', 'examples/two-tier.json')).code);
    expect(err).toMatch(/^nimbus exposure: warning: the share link: Set aside 1 resource .*`gwlb-1`/);
  });
});

describe('names every object inherits', () => {
  const fixture = 'src/share/fixtures/aws-public-private';

  it('imports AWS files with such top-level keys, noting each, instead of crashing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-keys-'));
    for (const name of await readdir(fixture)) await writeFile(join(dir, name), await readFile(join(fixture, name)));
    await writeFile(join(dir, 'odd.json'), '{"constructor": [], "toString": [1], "__proto__": [], "valueOf": {}}');
    const { code, err } = await run('import-aws', dir);
    expect(code).toBe(0);
    for (const key of ['constructor', 'toString', '__proto__', 'valueOf'])
      expect(err).toContain(`note: odd.json: ignored "${key}" (Nimbus does not import it)`);
  });

  it.each(INHERITED_NAMES)('answers --to %s with no such resource', async (name) => {
    expect(await run('reach', 'examples/two-tier.json', '--from', 'internet', '--to', name)).toEqual({
      code: 2,
      out: '',
      err: `nimbus reach: --to: no resource, address or "internet" matches "${name}"`,
    });
  });
});

describe('filesystem errors, in words', () => {
  const fixture = 'src/share/fixtures/aws-public-private';
  async function awsDir() {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-fs-'));
    for (const name of await readdir(fixture)) await writeFile(join(dir, name), await readFile(join(fixture, name)));
    return dir;
  }

  it('names a folder called x.json in an import directory', async () => {
    const dir = await awsDir();
    await mkdir(join(dir, 'x.json'));
    for (const argv of [
      ['import-aws', dir],
      ['validate', dir],
    ])
      expect(await run(...argv)).toEqual({
        code: 2,
        out: '',
        err: `nimbus ${argv[0]}: can't read ${dir}/x.json: it is a directory, not a file`,
      });
  });

  it('names a broken link in an import directory', async () => {
    const dir = await awsDir();
    await symlink(join(dir, 'gone.json'), join(dir, 'zz.json'));
    expect(await run('import-aws', dir)).toEqual({
      code: 2,
      out: '',
      err: `nimbus import-aws: can't read ${dir}/zz.json: a broken link`,
    });
  });

  it('names a file it may not read', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const lines: string[] = [];
    const io: CliIo = {
      out: () => {},
      err: (line) => lines.push(line),
      readText: () => Promise.reject(denied),
      listDir: async () => null,
      writeText: async () => {},
    };
    expect(await runCli(['validate', 'secret.json'], io)).toBe(2);
    expect(lines).toEqual(["nimbus validate: can't read secret.json: permission denied"]);
  });

  it('says when -o names a folder that does not exist', async () => {
    const output = join(await mkdtemp(join(tmpdir(), 'nimbus-out-')), 'missing', 'design.json');
    expect(await run('import-aws', fixture, '-o', output)).toMatchObject({
      code: 2,
      err: expect.stringContaining(`nimbus import-aws: can't write ${output}: its folder does not exist`),
    });
  });

  it('prints no stack trace from the real command, only one line', async () => {
    const dir = await awsDir();
    await mkdir(join(dir, 'x.json'));
    const exec = promisify(execFile);
    const failed = await exec('node', ['bin/nimbus.mjs', 'import-aws', dir]).catch(
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2, stdout: '' });
    expect(failed.stderr.trim().split('\n')).toEqual([
      `nimbus import-aws: can't read ${dir}/x.json: it is a directory, not a file`,
    ]);
  });
});

describe('a UTF-8 byte order mark', () => {
  it('is accepted in a design file and in AWS files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-bom-'));
    const design = join(dir, 'design.json');
    await writeFile(design, `\uFEFF${await readFile('examples/two-tier.json', 'utf8')}`);
    expect(await run('validate', design, '--json')).toEqual(await run('validate', 'examples/two-tier.json', '--json'));
    const aws = join(dir, 'aws');
    await mkdir(aws);
    const fixture = 'src/share/fixtures/aws-public-private';
    for (const name of await readdir(fixture))
      await writeFile(join(aws, name), `\uFEFF${await readFile(join(fixture, name), 'utf8')}`);
    expect(await run('import-aws', aws)).toMatchObject({ code: 0 });
  });
});

describe('numeric options: decimal whole numbers within range, nothing else', () => {
  const refused = ['0x1bb', '', '1e3', '443abc', '-1', '1.5', ' 443', '99999999999999999999'];

  it.each(refused)('refuses --port and --source-port %j, naming the flag', async (text) => {
    for (const flag of ['--port', '--source-port']) {
      const { code, out, err } = await run(
        'reach',
        'examples/two-tier.json',
        '--from',
        'internet',
        '--to',
        'web a',
        flag,
        text,
      );
      expect({ code, out }).toEqual({ code: 2, out: '' });
      expect(err).toBe(`nimbus reach: ${flag} must be a whole number 0-65535, not "${text}"`);
    }
  });

  it.each(refused)('refuses --duration and --seed %j, naming the flag', async (text) => {
    const duration = await run('simulate', 'examples/lambda-spike.json', '--duration', text);
    expect(duration).toMatchObject({
      code: 2,
      out: '',
      err: expect.stringMatching(/^nimbus simulate: --duration must be/),
    });
    const seed = await run('simulate', 'examples/lambda-spike.json', '--duration', '10', '--seed', text);
    expect(seed).toEqual({
      code: 2,
      out: '',
      err: `nimbus simulate: --seed must be a whole number 0-4294967295, not "${text}"`,
    });
  });

  it('refuses values out of range and reads the edges', async () => {
    const reach = (...more: string[]) =>
      run('reach', 'examples/two-tier.json', '--from', 'internet', '--to', 'web a', ...more);
    expect((await reach('--port', '65536')).code).toBe(2);
    expect((await reach('--port', '443', '--source-port', '65535')).code).toBe(0);
    expect((await reach('--port', '0443')).code).toBe(0);
    expect((await run('simulate', 'examples/lambda-spike.json', '--duration', '0')).code).toBe(2);
    expect((await run('simulate', 'examples/lambda-spike.json', '--duration', '2592001')).code).toBe(2);
    expect((await run('simulate', 'examples/lambda-spike.json', '--duration', '1', '--seed', '0')).code).toBe(0);
  });
});

describe('an unexpected error', () => {
  const failingIo = (lines: string[]): CliIo => ({
    out: () => {
      throw new Error('stdout is closed\nsecond line');
    },
    err: (line) => lines.push(line),
    readText: (p) => readFile(p, 'utf8'),
    listDir: async () => null,
    writeText: async () => {},
  });

  it('is one line on stderr and exit 2, with no stack', async () => {
    const lines: string[] = [];
    expect(await runCli(['cidr', '10.0.0.0/16'], failingIo(lines))).toBe(2);
    expect(lines).toEqual(['nimbus cidr: unexpected error: stdout is closed (run again with --debug for details)']);
  });

  it('adds the stack under --debug, which every command accepts', async () => {
    const lines: string[] = [];
    expect(await runCli(['cidr', '10.0.0.0/16', '--debug'], failingIo(lines))).toBe(2);
    expect(lines[0]).toBe('nimbus cidr: unexpected error: stdout is closed');
    expect(lines[1]).toMatch(/^Error: stdout is closed\n[\s\S]*\n\s+at /);
    expect((await run('reach', 'examples/two-tier.json', '--from', 'internet', '--to', 'web a', '--debug')).code).toBe(
      0,
    );
  });
});
