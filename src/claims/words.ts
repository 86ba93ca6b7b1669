// Grammar by construction: counts agree with their nouns and verbs, so no sentence can say
// "the 1 features bound the error".
import { formatParam } from '../format/number.ts';

/** "1 feature", "1000 features", "∞ features". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatParam(n)} ${n === 1 ? singular : plural}`;
}

/** The verb that agrees with a count: "bounds" for 1, "bound" otherwise. */
export function verb(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

/** Capitalise the first letter of a sentence. */
export function capital(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
