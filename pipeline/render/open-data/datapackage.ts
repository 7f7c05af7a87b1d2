// The open data described for a portal and for programs: a Frictionless Data Package
// (datapackage.json, specs.frictionlessdata.io) beside the CSV. Its Table Schema names the CSV's
// columns in order, with their types and Italian titles and descriptions; the licence (CC BY 4.0
// unless plan.yaml gives another), the edition's identity, and the example mark are package
// properties; the risk-area legend is a second table, a CSV of its own, so that a portal lists
// and previews it like the annex.
import { ANNEX_COLUMNS } from "../../model/columns.ts";
import { LEGEND_CSV_FILE, outputName } from "../../model/files.ts";
import { DEFAULT_LICENCE, type Licence } from "../../model/plan.ts";
import type { AnnexLayout } from "../layout.ts";
import { LEGEND_COLUMNS } from "./legend.ts";
import { OPEN_DATA_COLUMNS, TRUTH } from "./rows.ts";

type CsvColumn = (typeof OPEN_DATA_COLUMNS)[number]["key"];

interface Field {
  name: string;
  type: "string" | "boolean";
  title: string;
  description: string;
  constraints?: Record<string, unknown>;
  trueValues?: string[];
  falseValues?: string[];
}

type Described = Omit<Field, "name" | "title">;
const text = (description: string): Described => ({ type: "string", description });

/** The CSV's columns described in Italian: their names and titles are the published spreadsheet's headings. */
const FIELDS: Record<CsvColumn, Described> = {
  code: {
    ...text("Codice dell'attività (es. A1.1.1.1): il codice del sotto processo seguito da un numero; unico nella tabella."),
    // model/codes.ts's pattern in XML Schema's regular expressions (anchored, no (?:…))
    constraints: { required: true, unique: true, pattern: "[A-Z](\\d+(\\.\\d+[a-z]?)*)?" },
  },
  title: text("Titolo dell'attività, come pubblicato; vuoto se la fonte non lo riporta."),
  riskAreas: {
    ...text("Lettere delle aree di rischio dell'attività, separate da \"/\" (es. C/E); il loro significato è nella tabella delle aree di rischio. Vuoto se nessuna."),
    constraints: { pattern: "[A-Z](/[A-Z])*" },
  },
  areaDirigenziale: text("Area dirigenziale responsabile; vuoto se non indicata."),
  servizio: text("Servizio o staff responsabile; vuoto se non indicato."),
  uo: text("Unità organizzativa responsabile; vuoto se non indicata."),
  note: text("Annotazione stampata al posto di una struttura responsabile (es. \"In corso di attivazione\"); vuoto se assente."),
  active: {
    type: "boolean",
    description: `${TRUTH.yes} se l'attività è svolta dall'ente, ${TRUTH.no} se non è attiva (riga ombreggiata nell'allegato); vuoto se la fonte non lo indica.`,
    trueValues: [TRUTH.yes],
    falseValues: [TRUTH.no],
  },
  function: text("Funzione a cui appartiene il macro processo (es. Governo Camerale); vuoto se non indicata."),
  macroCode: text("Codice del macro processo (es. A1)."),
  macroTitle: text("Titolo del macro processo; vuoto se la fonte non lo riporta."),
  processCode: text("Codice del processo (es. A1.1)."),
  processTitle: text("Titolo del processo; vuoto se la fonte non lo riporta."),
  subprocessCode: text("Codice del sotto processo (es. A1.1.1)."),
  subprocessTitle: text("Titolo del sotto processo; vuoto se la fonte non lo riporta."),
};

const ROWS =
  "Una riga per attività, nell'ordine dell'allegato: codice e titolo, aree di rischio, strutture responsabili, nota, attivazione, e la gerarchia a cui appartiene (funzione, macro processo, processo, sotto processo), ripetuta in ogni riga.";

/** CSV as written by csv-stringify: RFC 4180, comma, CRLF, double quotes doubled (after a UTF-8 byte-order mark, which the encoding's readers skip). */
const DIALECT = { delimiter: ",", lineTerminator: "\r\n", quoteChar: "\"", doubleQuote: true, header: true };

function csvResource(name: string, path: string, title: string, description: string, schema: Record<string, unknown>): Record<string, unknown> {
  return { name, path, profile: "tabular-data-resource", title, description, format: "csv", mediatype: "text/csv", encoding: "utf-8", dialect: DIALECT, schema };
}

/** A Data Package name: lower case letters, digits, "-", "_" and "." only. */
function packageName(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function dataPackage(layout: AnnexLayout, licence: Licence | undefined): string {
  const separator = layout.labels.identity.separator;
  const describe = (...parts: (string | null)[]) => parts.filter((p): p is string => p !== null && p !== "").join(separator);
  const { identity, identityLine } = layout;
  // the subject names the edition when an act adopted it: the identity is said once
  const subject = identityLine !== null && layout.subject.endsWith(`${separator}${identityLine}`) ? layout.subject.slice(0, -(separator.length + identityLine.length)) : layout.subject;
  const descriptor: Record<string, unknown> = {
    ...(layout.example ? { example: true } : {}),
    profile: "tabular-data-package",
    name: packageName(`${outputName("csv").replace(/\.csv$/, "")}-${layout.planYears}${layout.example ? "-esempio" : ""}`),
    title: layout.metadataTitle,
    description: describe(layout.exampleMark, subject, identityLine),
    ...(identity.version !== null ? { version: identity.version } : {}),
    ...(layout.date !== null ? { created: layout.date.toISOString().replace(/\.\d{3}Z$/, "Z") } : {}),
    keywords: ["anticorruzione", "trasparenza", "PTPCT", "PIAO", "mappatura dei processi", layout.planYears],
    licenses: [licence ?? DEFAULT_LICENCE],
    ...(identity.body !== null ? { contributors: [{ title: identity.body, role: "publisher" }] } : {}),
    // the edition's identity as plan.yaml gives it: null where it says nothing (never guessed)
    edition: { planYears: layout.planYears, body: identity.body, act: identity.act, adopted: identity.adopted, version: identity.version },
    resources: [
      csvResource(packageName(outputName("csv").replace(/\.csv$/, "")), outputName("csv"), layout.metadataTitle, describe(layout.exampleMark, ROWS), {
        fields: OPEN_DATA_COLUMNS.map(({ key, title }) => ({ name: title, title, ...FIELDS[key] })),
        missingValues: [""],
        primaryKey: ANNEX_COLUMNS[0].header,
      }),
      ...(layout.legend.entries.length > 0
        ? [
            csvResource(packageName(LEGEND_CSV_FILE.replace(/\.csv$/, "")), LEGEND_CSV_FILE, layout.legend.title, describe(layout.exampleMark, "Le aree di rischio del piano, a cui rimanda la colonna \"Area di rischio\"."), {
              fields: [
                { name: LEGEND_COLUMNS[0], type: "string", title: "Lettera", description: "Lettera dell'area di rischio.", constraints: { required: true, unique: true, pattern: "[A-Z]" } },
                { name: LEGEND_COLUMNS[1], type: "string", title: "Area di rischio", description: "Nome dell'area di rischio, come nel piano.", constraints: { required: true } },
              ],
              primaryKey: LEGEND_COLUMNS[0],
            }),
          ]
        : []),
    ],
  };
  return `${JSON.stringify(descriptor, null, 2)}\n`;
}
