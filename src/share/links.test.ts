import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../domain';
import {
  appUrlOfEmbed,
  challengeUrl,
  embedSnippet,
  embedUrl,
  readLinkIntent,
  readShareUrl,
  readWhatIf,
  shareUrl,
  whatIfUrl,
} from './links';
import { decodeJsonSnapshot, decodeSnapshot } from './urlCodec';

describe('share links', () => {
  it('puts the design in the fragment of the page it was made on, never in the path or query', () => {
    const url = new URL(shareUrl(emptyDesign('Lab'), 'open', 'https://nimbus.example/app/?lang=en#old'));
    expect(url.pathname).toBe('/app/');
    expect(url.search).toBe('?lang=en');
    const intent = readLinkIntent(url.hash);
    expect(intent.kind).toBe('open');
    expect(intent.kind !== 'none' && decodeSnapshot(intent.snapshot)).toMatchObject({
      ok: true,
      design: { name: 'Lab' },
    });
  });

  it('tells opening, viewing and challenge links apart, and ignores other fragments', () => {
    const design = emptyDesign();
    expect(readLinkIntent(new URL(shareUrl(design, 'view', 'https://x.example/')).hash).kind).toBe('view');
    const challenge = readLinkIntent(new URL(challengeUrl({ title: 'T' }, 'https://x.example/')).hash);
    expect(challenge.kind).toBe('learn');
    expect(challenge.kind === 'learn' && decodeJsonSnapshot(challenge.snapshot)).toEqual({
      ok: true,
      json: { title: 'T' },
    });
    for (const other of ['', '#', '#top', '#dx=1', '#d']) expect(readLinkIntent(other)).toEqual({ kind: 'none' });
  });

  it('reads a whole pasted URL only when it is a web address with a fragment', () => {
    expect(readShareUrl('https://x.example/#d=n1.abc')).toEqual({ kind: 'open', snapshot: 'n1.abc' });
    expect(readShareUrl('design#d=n1.abc.json')).toEqual({ kind: 'none' });
    expect(readShareUrl('https://x.example/')).toEqual({ kind: 'none' });
  });

  it('points an embed at embed.html beside the app, with the view fragment, and back at the app', () => {
    const embed = new URL(embedUrl(emptyDesign('Lab'), 'https://nimbus.example/app/'));
    expect(embed.pathname).toBe('/app/embed.html');
    expect(readLinkIntent(embed.hash).kind).toBe('view');
    const app = new URL(appUrlOfEmbed(embed.toString()));
    expect(app.pathname).toBe('/app/');
    expect(app.hash).toBe(embed.hash);
  });

  it('writes an iframe snippet whose design name cannot close the attribute or add markup', () => {
    const snippet = embedSnippet(emptyDesign('Lab "3" <script>alert(1)</script>'), 'https://nimbus.example/');
    expect(snippet).toMatch(
      /^<iframe src="https:\/\/nimbus\.example\/embed\.html#view=n1\.[\w-]+" title="Lab &quot;3&quot; &lt;script&gt;/,
    );
    expect(snippet).not.toContain('<script');
    expect(snippet.match(/"/g)).toHaveLength(12);
  });
});

describe('what-if links', () => {
  it('carry both designs, each decoded as a share link', () => {
    const before = emptyDesign('Before');
    const after = emptyDesign('After');
    const url = whatIfUrl(before, after, 'https://nimbus.example/');
    expect(url).toMatch(/^https:\/\/nimbus\.example\/#whatif=n1\.[A-Za-z0-9_-]+~n1\.[A-Za-z0-9_-]+$/);
    const sides = readWhatIf(new URL(url).hash)!;
    const left = decodeSnapshot(sides.before);
    const right = decodeSnapshot(sides.after);
    expect(left.ok && left.design.name).toBe(before.name);
    expect(right.ok && right.design.name).toBe('After');
    // Not a share link of either kind, and a side missing is no what-if link.
    expect(readLinkIntent(new URL(url).hash)).toEqual({ kind: 'none' });
    expect(readWhatIf('#whatif=n1.abc')).toBeNull();
    expect(readWhatIf('#whatif=n1.a~n1.b~n1.c')).toBeNull();
    expect(readWhatIf('#d=n1.abc')).toBeNull();
  });
});
