import { describe, expect, it } from 'vitest';
import { useTrafficView } from './trafficView';
import { useViewStore } from './viewStore';

describe('step mode', () => {
  it('stays on while the Traffic tab is shown and ends when the user leaves it', () => {
    useViewStore.getState().showPanel('traffic');
    useTrafficView.getState().startStepping('flow-1');
    useTrafficView.getState().stepTo(3);
    useViewStore.getState().focusOn('sg-1');
    expect(useTrafficView.getState().stepping).toEqual({ flowId: 'flow-1', index: 3 });
    useViewStore.getState().showPanel('inspector');
    expect(useTrafficView.getState().stepping).toBeNull();
  });
});
