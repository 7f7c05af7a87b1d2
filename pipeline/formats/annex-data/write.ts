// The annex as annex data in YAML: the editable source of a new plan year. Written for a person
// who is not a programmer: a comment header says what the file is and how to edit it, one block
// per activity separated by a blank line, keys always in the order of the contract (DESIGN.md),
// no line folding (a long title stays on one line, easy to find and edit), and short lists and
// the hierarchy levels on one line each.
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isSeq } from "yaml";
import type { Annex } from "../../model/annex.ts";
import { toContract } from "../../model/contract.ts";
import { ANNEX_DATA_FILE } from "../../model/files.ts";
import { LEVEL_KEYS } from "../../model/levels.ts";
import { readAnnexData } from "./read.ts";

export function annexToYaml(annex: Annex, header: string): string {
  // a copy with keys in contract order, whatever order the object was built in
  const doc = new Document(toContract(annex));
  const activities = doc.get("activities", true);
  if (isSeq(activities)) {
    activities.items.forEach((item, i) => {
      if (!isMap(item)) return;
      // a blank line between activities (not before the first: it would hold stray spaces)
      if (i > 0) item.spaceBefore = true;
      for (const key of ["riskAreas", ...LEVEL_KEYS]) {
        const node = item.get(key, true);
        if (isSeq(node) || isMap(node)) node.flow = true;
      }
    });
  }
  const comment = header
    .split("\n")
    .map((line) => `#${line}`.trimEnd())
    .join("\n");
  return `${comment}\n\n${doc.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, nullStr: "null" })}`;
}

/** The comment at the top of an edition's annex data (Italian: it is read by the office that edits it). */
export function annexDataHeader(planYears: string, from: string): string {
  return [
    ` Allegato 1 — Mappatura dei processi, edizione ${planYears}: dati da modificare.`,
    "",
    ` Questo file è la fonte dell'allegato per il piano ${planYears}. È stato creato con`,
    ` "annex init" copiando l'edizione ${from}; da qui si ricavano il PDF, il DOCX, la pagina HTML`,
    ` e i dati aperti (CSV/JSON), e "annex diff ${from} ${planYears}" mostra che cosa è cambiato.`,
    "",
    " Come si modifica:",
    ' - ogni attività è un blocco che comincia con "- code:"; per aggiungere un\'attività copiate',
    "   un blocco intero e cambiatene i valori, per eliminarla cancellate il blocco intero;",
    " - i campi di ogni attività, sempre in questo ordine:",
    "     code              codice dell'attività (es. A1.1.1.1), diverso per ogni attività",
    "     title             titolo dell'attività",
    "     riskAreas         lettere delle aree di rischio, es. [C, E]; [] se nessuna",
    "     areaDirigenziale  Area dirigenziale responsabile",
    "     servizio          Servizio/Staff responsabile",
    "     uo                U.O. responsabile",
    '     note              annotazione stampata al posto di una struttura (es. "In corso di attivazione")',
    "     active            true se l'attività è svolta dall'ente, false se non lo è (riga ombreggiata)",
    "     function          funzione (es. Governo Camerale)",
    "     macro, process, subprocess   codice e titolo di macro processo, processo e sotto processo;",
    "                       sono ripetuti in ogni attività: se cambiate un titolo, cambiatelo in tutte",
    " - null significa cella vuota; non aggiungete altri campi (un nome sbagliato viene segnalato);",
    ' - un testo che contiene ": " o " #", o che comincia con un segno di punteggiatura, va scritto',
    '   tra virgolette doppie: title: "Esempio: un titolo".',
    " Quando il file viene letto, ogni errore è segnalato con il numero di riga.",
  ].join("\n");
}

/** The annex data file of an edition: header comment, then the annex; checked to read back identical. */
export function editionYaml(annex: Annex, from: string): string {
  const text = annexToYaml(annex, annexDataHeader(annex.planYears, from));
  // the file must read back as exactly this annex, or the next edition would silently differ
  const back = readAnnexData(text, ANNEX_DATA_FILE).annex;
  if (!isDeepStrictEqual(back, annex)) throw new Error("internal error: the annex data written does not read back identical");
  return text;
}
