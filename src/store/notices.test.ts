import { describe, expect, it } from 'vitest';
import { useViewStore } from './viewStore';

describe('notices', () => {
  it('a newer notice on the same topic replaces the older one, others stay', () => {
    const { notify } = useViewStore.getState();
    notify({ tone: 'error', title: 'That file could not be read.' });
    notify({ tone: 'info', topic: 'opened', title: 'Opened the template “A” as a new design.' });
    notify({ tone: 'info', topic: 'opened', title: 'Opened the template “B” as a new design.' });
    const titles = useViewStore.getState().notices.map((n) => n.title);
    expect(titles).toEqual(['That file could not be read.', 'Opened the template “B” as a new design.']);
  });

  it('the same words twice show once', () => {
    useViewStore.setState({ notices: [] });
    const { notify } = useViewStore.getState();
    notify({ tone: 'info', title: 'Tidied up the layout.' });
    notify({ tone: 'info', title: 'Tidied up the layout.' });
    expect(useViewStore.getState().notices).toHaveLength(1);
  });
});
