import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyDesign, type Design } from '../domain';
import { sampleDesign } from '../engine/testing/sampleDesign';
import { MAX_SNAPSHOT_CHARS } from '../share/urlCodec';
import { useDesignStore, useViewStore } from '../store';
import { startHistory } from '../store/history';
import { openDesignFile } from './openDesignFile';
import { copyLink } from './shareDesign';

const lastNotice = () => useViewStore.getState().notices.at(-1);

afterEach(() => {
  vi.unstubAllGlobals();
  useViewStore.setState({ notices: [] });
});

describe('messages that say what really happened', () => {
  it('refuses a file too large to open as too large, not as storage full, without reading it', async () => {
    const text = vi.fn(async () => JSON.stringify(sampleDesign()));
    const file = { name: 'huge.json', size: 50_000_000, text } as unknown as File;
    expect(await openDesignFile(file)).toBe(false);
    expect(lastNotice()?.title).toBe('huge.json is too large to open (50 MB). Your current design is unchanged.');
    expect(lastNotice()?.title).not.toMatch(/full/);
    expect(text).not.toHaveBeenCalled();
  });

  it('does not copy a link longer than Nimbus opens, and says to save a file', async () => {
    // Text that doesn't compress: a link of well over the limit.
    let seed = 7;
    const noise = Array.from({ length: MAX_SNAPSHOT_CHARS }, () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return String.fromCharCode(35 + ((seed >>> 0) % 56));
    }).join('');
    const design: Design = { ...emptyDesign('Huge'), setAside: { resources: { blob: { noise } }, layout: {} } };
    useDesignStore.setState({ history: startHistory(design) });
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('location', { origin: 'https://nimbus.example', pathname: '/' });
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await copyLink('open');
    expect(writeText).not.toHaveBeenCalled();
    expect(lastNotice()?.title).toBe('This link is longer than Nimbus opens; save a file instead.');
    expect(lastNotice()?.action?.label).toBe('Save as file');
  });

  it('still copies an ordinary link', async () => {
    useDesignStore.setState({ history: startHistory(sampleDesign()) });
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('location', { origin: 'https://nimbus.example', pathname: '/' });
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await copyLink('open');
    expect(writeText).toHaveBeenCalledOnce();
    expect(lastNotice()?.title).toMatch(/^Link copied/);
  });
});
