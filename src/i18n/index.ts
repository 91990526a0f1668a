import { en } from './en';

/** A translation: the same shape as `en`, every leaf a string. */
export type Messages = Widen<typeof en>;
type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** Every dotted path to a string in the English messages, e.g. `'learn.next'`. */
export type MessageKey = Paths<typeof en>;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

export type Vars = Record<string, string | number>;

let messages: Messages = en;

/** The messages in use: the page hands them to the training worker, which has its own copy of this module. */
export function currentMessages(): Messages {
  return messages;
}

/** Switches the language (a translation file of the same shape as en.ts). */
export function setMessages(next: Messages): void {
  messages = next;
}

function lookup(key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Longer filled-in values are cut: longer than any sentence the app composes itself. */
const MAX_VAR = 400;

/**
 * One formatter for every number: `n.toLocaleString('en-US')` builds a new one per call, which a CPU
 * profile of Draw's layer panels at 4× throttling showed as most of their render time. Same output.
 */
const numberFormat = new Intl.NumberFormat('en-US');

function fill(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    if (typeof v === 'number') return numberFormat.format(v);
    // A value from a link or a file can be 100,000 characters: never echo it whole.
    return v.length > MAX_VAR ? `${v.slice(0, 80)}…` : v;
  });
}

/** The message at `key` with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Vars): string {
  return fill(lookup(key) ?? key, vars);
}

/**
 * For keys composed at run time (lesson and step ids). A missing key shows itself, so a gap in a
 * translation is visible rather than blank; the lesson unit tests check that none is missing.
 */
export function tx(key: string, vars?: Vars): string {
  return fill(lookup(key) ?? key, vars);
}

export function hasMessage(key: string): boolean {
  return lookup(key) !== undefined;
}

/** Keys of messages written as `{ one: '…', other: '…' }`, chosen by a count (see `tn`). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

const pluralRules = new Intl.PluralRules('en-US');

/**
 * A message that depends on a count: `{one}` for 1, `{other}` for 0, 2, 2.5… (English rules), with
 * `{n}` filled by the count. So "1 filter" and "4 filters" come from one key.
 */
export function tn(key: PluralKey, n: number, vars?: Vars): string {
  const form = pluralRules.select(n) === 'one' ? 'one' : 'other';
  const text = lookup(`${key}.${form}`) ?? lookup(`${key}.other`) ?? key;
  return fill(text, { n, ...vars });
}
