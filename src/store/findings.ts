import { useSyncExternalStore } from 'react';
import type { Design } from '../domain';
import type { Finding } from '../engine';

type Validate = (design: Design) => Finding[];

/**
 * Validation (every rule of the engine) is fetched after the page starts rather
 * than with it: the canvas can draw without it, and findings arriving a moment
 * later only add badges and list entries. Until it has loaded there are none.
 */
let validate: Validate | null = null;
let loading: Promise<void> | null = null;
const onLoaded = new Set<() => void>();

/** Starts fetching validation once; a failed fetch (say, offline before the app was cached) is tried again on the next call. */
export function loadValidation(): Promise<void> {
  loading ??= import('../engine/validate').then(
    (module) => {
      validate = module.validateDesign;
      lastDesign = null;
      for (const listener of onLoaded) listener();
    },
    () => {
      loading = null;
    },
  );
  return loading;
}

/** Validation is cheap and pure: memoise on the design object, which changes only through commands. */
let lastDesign: Design | null = null;
let lastFindings: Finding[] = [];
const NO_FINDINGS: Finding[] = [];

export function findingsFor(design: Design): Finding[] {
  if (!validate) {
    void loadValidation();
    return NO_FINDINGS;
  }
  if (design !== lastDesign) {
    lastDesign = design;
    lastFindings = validate(design);
  }
  return lastFindings;
}

function subscribeToValidation(listener: () => void): () => void {
  onLoaded.add(listener);
  return () => onLoaded.delete(listener);
}
const validationLoaded = () => validate !== null;

/** `findingsFor` for components: renders again when validation has loaded, so its findings appear without an edit. */
export function useFindings(design: Design): Finding[] {
  useSyncExternalStore(subscribeToValidation, validationLoaded, validationLoaded);
  return findingsFor(design);
}

/** Whether validation has loaded, for the places that must not say "no problems" before it has looked. */
export function useValidationLoaded(): boolean {
  return useSyncExternalStore(subscribeToValidation, validationLoaded, validationLoaded);
}
