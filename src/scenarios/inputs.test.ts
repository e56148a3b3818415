import { describe, expect, it } from 'vitest';
import { encodeJsonSnapshot } from '../share/urlCodec';
import { decodeChallengeLink, inputsApi, parseLessonFile } from './inputs';
import { iacApi } from './iacInputs';
import { LESSONS } from './learn/lessons';
import { TEMPLATES } from './templates';

/** What the worker answers for links and files: the same results and messages as on the main thread before. */
describe('reading links and files for the page', () => {
  it('refuses a small link that inflates to a huge list with the schema message (the browser test uses two million)', () => {
    const bomb = encodeJsonSnapshot({
      format: 'nimbus-design',
      version: 1,
      name: 'x',
      resources: {},
      layout: {},
      flows: new Array(100_000).fill(0),
    });
    expect(bomb.length).toBeLessThan(2_000);
    const decoded = inputsApi.decodeDesignLink(bomb);
    expect(decoded).toMatchObject({ ok: false, error: 'invalid' });
    expect(!decoded.ok && decoded.message).toMatch(/^The link holds a design Nimbus can't open: /);
  });

  it('answers with plain data, which crosses to the page unchanged', () => {
    const design = TEMPLATES.find((t) => t.id === 'two-tier')!.build();
    const answers = [
      inputsApi.decodeDesignLink(encodeJsonSnapshot(design)),
      decodeChallengeLink(encodeJsonSnapshot(LESSONS[0])),
      inputsApi.parseDesignFile(JSON.stringify(design)),
      parseLessonFile(JSON.stringify(LESSONS[1])),
    ];
    for (const answer of answers) {
      expect(answer.ok).toBe(true);
      expect(structuredClone(answer)).toEqual(answer);
    }
  });

  it('decodes a challenge link, and says why one is refused', () => {
    const lesson = LESSONS[0]!;
    expect(decodeChallengeLink(encodeJsonSnapshot(lesson))).toMatchObject({ ok: true, lesson: { id: lesson.id } });
    expect(decodeChallengeLink(encodeJsonSnapshot({ format: 'x' }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^It holds a challenge Nimbus can't use: /),
    });
    expect(decodeChallengeLink('n1.!!')).toEqual({
      ok: false,
      message: 'The link is damaged: its data could not be decompressed. Ask for a fresh link.',
    });
  });

  it('tells a challenge file that is not JSON from one that is not a challenge', () => {
    expect(parseLessonFile('{')).toEqual({ ok: false, notJson: true, errors: [] });
    expect(parseLessonFile('{}')).toMatchObject({ ok: false, notJson: false });
    expect(parseLessonFile(JSON.stringify(LESSONS[0]))).toMatchObject({ ok: true });
    expect(inputsApi.parseDesignFile('nope')).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^not valid JSON/)],
    });
  });
});

describe('writing a design as code for Share → Export (in the worker)', () => {
  const design = TEMPLATES[0]!.build();

  it('gives the files the format writes, warnings and all', async () => {
    const written = await iacApi.exportIacFiles(design, 'cloudformation');
    expect(written.ok && written.files.map((f) => f.name)).toEqual([expect.stringMatching(/\.yaml$/)]);
    expect(written.ok && written.files[0]!.text).toMatch(/^AWSTemplateFormatVersion/);
  });

  it('answers an unknown format with a message, not a throw', async () => {
    expect(await iacApi.exportIacFiles(design, 'pulumi')).toEqual({
      ok: false,
      message: 'Nimbus has no export format pulumi.',
    });
  });
});
