// Which language a person reads: `--lang it|en`, then the POSIX locale variables in their order
// of precedence (LC_ALL over LC_MESSAGES over LANG), then the system's locale as Intl reports it
// (an Italian Windows sets no LANG). Italian for an Italian locale, English for any other.
import type { Lang } from "./catalogue.ts";

/** "it" for it, it_IT.UTF-8, it-CH, Italian_Italy.1252; "en" for any other locale; null for none (empty, C, POSIX). */
export function langOfLocale(locale: string | undefined): Lang | null {
  if (locale === undefined) return null;
  const name = locale.trim();
  if (name === "" || name === "C" || name === "POSIX" || /^C\./.test(name)) return null;
  return /^it(?:[_.@-]|$)/i.test(name) || /^italian/i.test(name) ? "it" : "en";
}

/** The value of `--lang` in the arguments (`--lang it`, `--lang=it`), if given. */
export function langOption(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") return undefined;
    if (arg === "--lang") return argv[i + 1];
    if (arg?.startsWith("--lang=")) return arg.slice("--lang=".length);
  }
  return undefined;
}

/**
 * The language of a run. The first of LC_ALL, LC_MESSAGES, LANG that is set decides, as for any
 * program that follows the locale; C or POSIX there means "no preference" and Intl is asked.
 */
export function detectLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, system: () => string = systemLocale): Lang {
  const option = langOption(argv);
  if (option === "it" || option === "en") return option;
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    const lang = langOfLocale(value);
    if (lang !== null) return lang;
    break;
  }
  return langOfLocale(system()) ?? "en";
}

function systemLocale(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return "";
  }
}
