// Everything the tool says to a person, in the person's language. A message is an id in the
// catalogue of each language (en.ts, it.ts) plus its parameters: the data it quotes, numbers,
// and phrases (other catalogue entries, such as a level's name) rendered in the same language.
// Diagnostics carry their rule's message id and parameters (rules.ts `diag`), so the formatter
// renders them in the chosen language; their English text stays in `reason` for JSON output.
//
// Template syntax: `{name}` is a parameter; `{name|one|many}` is the word for the number
// `name` (the number itself is written with `{name}`).
import { en } from "./en.ts";
import { it } from "./it.ts";

export type Lang = "it" | "en";
export const LANGS: readonly Lang[] = ["it", "en"];

/** A catalogue entry used as a parameter: "macro process" / "macro processo". */
export interface Phrase {
  readonly phrase: PhraseId;
  readonly params?: Params;
}
export type Param = string | number | Phrase | readonly Param[];
export type Params = Readonly<Record<string, Param>>;

export type PhraseId = keyof typeof en.phrases;
export type TextId = keyof typeof en.text;
export type MessageRules = typeof en.rules;

/** The names of a template's parameters: "{count} {count|row|rows} in {sheet}" → "count" | "sheet". */
export type Hole<S> = S extends `${string}{${infer P}}${infer R}` ? (P extends `${infer N}|${string}` ? N : P) | Hole<R> : never;
/** The parameters a template needs, each by name. */
export type ParamsOf<S> = [Hole<S>] extends [never] ? Record<string, never> : { readonly [K in Hole<S>]: Param };

/** The shape of the English catalogue, with any words: what every other language must give. */
type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
export type Catalogue = Shape<typeof en>;
/** A translation also gives each rule's meaning (English: `means` in rules.ts). */
export type Translation = Catalogue & { readonly means: Readonly<Record<string, string>> };

const CATALOGUES: Record<Lang, Catalogue> = { en, it };

export function catalogueOf(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

// The language of this run: set once by the command line (`--lang`, the environment), read by
// whatever formats a text for a person. English until told otherwise (tests, the library).
let current: Lang = "en";

export function setLang(lang: Lang): void {
  current = lang;
}

export function currentLang(): Lang {
  return current;
}

const HOLE = /\{([A-Za-z][A-Za-z0-9]*)(?:\|([^|}]*)\|([^}]*))?\}/g;

/** `template` with its parameters filled in, in `lang`. A parameter not given is left as `{name}`, visibly. */
export function fill(template: string, params: Params | undefined, lang: Lang): string {
  return template.replace(HOLE, (whole, name: string, one: string | undefined, many: string | undefined) => {
    const value = params?.[name];
    if (value === undefined) return whole;
    if (one !== undefined && many !== undefined) return value === 1 ? one : many;
    return paramText(value, lang);
  });
}

export function paramText(value: Param, lang: Lang): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (isPhrase(value)) return phrase(value.phrase, value.params, lang);
  return value.map((v) => paramText(v, lang)).join(", ");
}

function isPhrase(value: Param): value is Phrase {
  return typeof value === "object" && "phrase" in value;
}

/** A phrase as a parameter of another message. */
export function ph(id: PhraseId, params?: Params): Phrase {
  return params === undefined ? { phrase: id } : { phrase: id, params };
}

export function phrase(id: PhraseId, params: Params | undefined, lang: Lang = current): string {
  return fill(catalogueOf(lang).phrases[id], params, lang);
}

/** A text of the command line (help, progress, summaries, reports) in `lang`. */
export function t<K extends TextId>(id: K, ...rest: ParamsArg<(typeof en.text)[K]>): string {
  const [params, lang = current] = rest as unknown as [Params | undefined, Lang | undefined];
  const texts: Readonly<Record<string, string>> = catalogueOf(lang).text;
  return fill(texts[id] ?? id, params, lang);
}
type ParamsArg<S> = [Hole<S>] extends [never] ? [params?: Record<string, never>, lang?: Lang] : [params: ParamsOf<S>, lang?: Lang];

/** The words of a rule's message. */
export function ruleMessage(rule: string, message: string, params: Params | undefined, lang: Lang): string {
  const messages = (catalogueOf(lang).rules as Readonly<Record<string, Readonly<Record<string, string>> | undefined>>)[rule];
  const template = messages?.[message];
  return template === undefined ? `${rule}:${message}` : fill(template, params, lang);
}

/** What a rule means, in `lang` (README's tables give the English). */
export function ruleMeaning(rule: string, englishMeans: string, lang: Lang): string {
  return lang === "en" ? englishMeans : (it.means[rule] ?? englishMeans);
}

/** `t` for an id chosen at run time (its parameters are not checked against the template). */
export function textOf(id: TextId, params?: Params, lang: Lang = current): string {
  const texts: Readonly<Record<string, string>> = catalogueOf(lang).text;
  return fill(texts[id] ?? id, params, lang);
}
