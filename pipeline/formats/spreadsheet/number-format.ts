// What a spreadsheet shows for a number an .xlsx file stores: a date or time is stored as a serial
// number (days since 30 December 1899) and shown through its cell's number format. An .ods file
// stores what it shows beside the value; an .xlsx file does not, so it is worked out here, enough
// to name a cell's content in a message as a person sees it ("31/01/2021", not "44227"), in the
// Italian conventions the office's Excel or Calc uses (day first, decimal comma).

/** The built-in number formats that show a date or a time (ECMA-376 Part 1, 18.8.30), as an Italian install shows them. */
const BUILT_IN_DATES: Record<number, string> = {
  14: "dd/mm/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "hh:mm",
  21: "hh:mm:ss",
  22: "dd/mm/yyyy hh:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
};

const MONTHS = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"];
const MONTH_NAMES = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];

/** A number format's code as written, for a built-in id or a custom one of styles.xml. */
export function formatCode(id: number, custom: ReadonlyMap<number, string>): string | null {
  return custom.get(id) ?? BUILT_IN_DATES[id] ?? null;
}

/** The part of a format code that is its pattern: quoted text, escapes, colours and locales left out. */
function pattern(code: string): string {
  const first = code.split(";")[0] ?? "";
  return first
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "");
}

/** True when the format shows a date or a time. */
export function isDateFormat(code: string | null): boolean {
  if (code === null) return false;
  return /[dmyhs]/i.test(pattern(code).replace(/general/gi, ""));
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A serial date shown through a date format: tokens d, dd, m, mm, mmm, mmmm, yy, yyyy, h, hh, m/mm after h (minutes), ss. */
export function formatSerial(serial: number, code: string, date1904 = false): string {
  const epoch = Date.UTC(1899, 11, 30) + (date1904 ? 1462 * 86_400_000 : 0);
  const when = new Date(epoch + Math.round(serial * 86_400) * 1000);
  const parts = { y: when.getUTCFullYear(), mo: when.getUTCMonth(), d: when.getUTCDate(), h: when.getUTCHours(), mi: when.getUTCMinutes(), s: when.getUTCSeconds() };
  const ampm = /AM\/PM/i.test(code);
  let afterHour = false;
  return pattern(code)
    .replace(/\[?(yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s)\]?|AM\/PM/gi, (token) => {
      const t = token.replace(/[[\]]/g, "").toLowerCase();
      if (t === "am/pm") return parts.h < 12 ? "AM" : "PM";
      if (t.startsWith("h")) {
        afterHour = true;
        const h = ampm ? parts.h % 12 || 12 : parts.h;
        return t === "hh" ? pad(h) : String(h);
      }
      if (t.startsWith("s")) return t === "ss" ? pad(parts.s) : String(parts.s);
      if (t === "yyyy") return String(parts.y);
      if (t === "yy") return pad(parts.y % 100);
      if (t.startsWith("d")) return t.length >= 3 ? token : t === "dd" ? pad(parts.d) : String(parts.d);
      // m: minutes after an hour, else the month
      if ((t === "m" || t === "mm") && afterHour) return t === "mm" ? pad(parts.mi) : String(parts.mi);
      if (t === "mmmm") return MONTH_NAMES[parts.mo] ?? "";
      if (t === "mmm") return MONTHS[parts.mo] ?? "";
      return t === "mm" ? pad(parts.mo + 1) : String(parts.mo + 1);
    });
}

/** A number as a spreadsheet with Italian settings shows it in the General format: a decimal comma. */
export function shownNumber(raw: string): string {
  return raw.replace(".", ",");
}
