/**
 * Keys that come from outside (file keys, ids, names typed on a command line)
 * are looked up as own properties only: on a plain object, `constructor` or
 * `toString` would otherwise find what every object inherits, and assigning
 * `__proto__` would replace the prototype instead of adding an entry.
 */

/** The one key a plain object can't hold by assignment; JSON.parse and zod records treat it specially. */
export const PROTOTYPE_KEY = '__proto__';

/**
 * Names every plain object inherits, for tests that feed them to each parser
 * (as file keys, ids, layout keys, endpoint and tag names).
 */
export const INHERITED_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
] as const;

/** The value stored under `key` itself, never one inherited from the prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own, enumerable entry, even when the key is `__proto__`. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
