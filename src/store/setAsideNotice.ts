import { setAsideCount, setAsideDetails, type SetAsideResource } from '../domain';
import { useViewStore } from './viewStore';

const MAX_DETAILS = 8;

/**
 * Tells the user which resources of a design just opened were set aside (it
 * still opened). Names come from the file, so they go in as text only.
 */
export function noticeSetAside(setAside: readonly SetAsideResource[]): void {
  if (setAside.length === 0) return;
  const details = setAsideDetails(setAside.slice(0, MAX_DETAILS));
  if (setAside.length > MAX_DETAILS) details.push(`…and ${setAside.length - MAX_DETAILS} more`);
  const kept = setAside.length === 1 ? 'It is kept in the design' : 'They are kept in the design';
  useViewStore.getState().notify({
    tone: 'warning',
    title: `${setAsideCount(setAside)}; the rest opened as usual. ${kept} and saved with it.`,
    details,
  });
}
