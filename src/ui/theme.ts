import { useViewStore, type StorageLike } from '../store';

const THEME_KEY = 'nimbus.theme';

/** Follows the saved choice, else the system setting; keeps <html class="dark"> in step. */
export function initTheme(storage: StorageLike): void {
  let saved: string | null = null;
  try {
    saved = storage.getItem(THEME_KEY);
  } catch {
    saved = null;
  }
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  const theme = saved === 'dark' || saved === 'light' ? saved : prefersDark ? 'dark' : 'light';
  useViewStore.getState().setTheme(theme);
  document.documentElement.classList.toggle('dark', theme === 'dark');
  useViewStore.subscribe((state, previous) => {
    if (state.theme === previous.theme) return;
    document.documentElement.classList.toggle('dark', state.theme === 'dark');
    try {
      storage.setItem(THEME_KEY, state.theme);
    } catch {
      // Storage blocked: the choice lasts for this visit only.
    }
  });
}
