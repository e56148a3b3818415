import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../scenarios/learn/lessons';
import { TEMPLATES } from '../scenarios/templates';
import { challengeUrl, shareUrl } from '../share/links';
import { run } from './testing/runCli';

/** A design as parsed JSON, to be made invalid on purpose. */
type Doc = { resources: Record<string, Record<string, unknown>>; simulation?: unknown };
const copyOf = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;

/** The containers template with its service asking for far more tasks than ECS runs. */
function hugeService(): Doc {
  const design = copyOf<Doc>(TEMPLATES.find((t) => t.id === 'containers')!.build());
  design.resources['ecssvc-1']!.desiredCount = 100_000_000;
  design.resources['ecssvc-1']!.scaling = { targetRequestsPerTask: 1e-9, minTasks: 1, maxTasks: 2e9 };
  return design;
}

async function fileWith(design: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'nimbus-bounds-')), 'design.json');
  await writeFile(file, JSON.stringify(design));
  return file;
}

const QUOTA = 'must be at most 5,000 (Amazon ECS quota "Tasks per service")';

describe('nimbus simulate on counts past AWS quotas', () => {
  it('a file whose service asks for 100,000,000 tasks: the service is set aside with the quota named, the rest simulates', async () => {
    const { code, out, err } = await run('simulate', await fileWith(hugeService()), '--duration', '3600');
    expect(code).toBe(0);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(
      /^nimbus simulate: warning: .*Set aside 1 resource .*`ecssvc-1` \(desiredCount: must be at most 5,000/,
    );
    expect(out).toMatch(/3600 s simulated/);
    expect(out).not.toMatch(/tasks running/);
  });

  it('the same design as a share link warns the same way', async () => {
    const { code, err } = await run(
      'simulate',
      shareUrl(hugeService() as never, 'open', 'https://nimbus.example/'),
      '--duration',
      '60',
    );
    expect(code).toBe(0);
    expect(err).toContain(QUOTA.slice(0, 20));
  });

  it('a challenge link whose start asks for 100,000,000 tasks exits 2 with one line naming the quota', async () => {
    const lesson = copyOf<{ start: Doc }>(LESSONS.find((l) => l.id === 'containers'));
    lesson.start.resources.web!.desiredCount = 100_000_000;
    const { code, out, err } = await run(
      'simulate',
      challengeUrl(lesson, 'https://nimbus.example/'),
      '--duration',
      '60',
    );
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(
      `nimbus simulate: the challenge link could not be opened: start.resources.web.desiredCount: ${QUOTA}`,
    );
  });

  it('settings past a bound (an account concurrency of 2e9) exit 2 with one line', async () => {
    const design = copyOf<Doc>(TEMPLATES.find((t) => t.id === 'serverless-api')!.build());
    design.simulation = { accountConcurrency: 2e9 };
    const { code, err } = await run('simulate', await fileWith(design), '--duration', '60');
    expect(code).toBe(2);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(/simulation\.accountConcurrency: must be at most 100,000/);
  });
});
