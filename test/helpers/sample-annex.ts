// A realistic annex for renderer tests: activities copied from the first pages of the 2020-2022
// annex (sources/2020-2022/allegato-1.pdf) plus its last rows, with what makes rendering hard —
// multi-level merges, merges that continue over many rows, a shaded (not active) activity, notes,
// hierarchy titles the source does not carry, a function-less shaded group, one-row merges (G).
import type { Activity, Annex } from "../../pipeline/model/annex.ts";
import type { PlanConfig } from "../../pipeline/model/plan.ts";

type Lvl = [code: string | null, title: string | null];

interface Group {
  fn: string | null;
  macro: Lvl;
  process: Lvl;
  subprocess: Lvl;
  /** code, title, risk, area dirigenziale, servizio, uo, then options */
  rows: [string, string | null, string, string | null, string | null, string | null, { note?: string; active?: boolean | null }?][];
}

const GOV = "Governo Camerale";
const A1: Lvl = ["A1", "PIANIFICAZIONE, MONITORAGGIO E CONTROLLO DELL'ENTE"];
const A11: Lvl = ["A1.1", "PERFORMANCE CAMERALE"];
const A12: Lvl = ["A1.2", "COMPLIANCE NORMATIVA"];
const A13: Lvl = ["A1.3", "ORGANIZZAZIONE CAMERALE"];
const SG = "Segretario generale";
const CDG = "Controllo di gestione";
const AAGG = "AA.GG. e Rapporti Istituzionali";
const SGURP = "Segreteria generale e URP";

const GROUPS: Group[] = [
  {
    fn: GOV,
    macro: A1,
    process: A11,
    subprocess: ["A1.1.1", "Pianificazione e programmazione camerale"],
    rows: [
      ["A1.1.1.1", "Relazione Previsionale e Programmatica", "", SG, CDG, null],
      ["A1.1.1.2", "Predisposizione/aggiornamento Bilancio preventivo e PIRA", "", "Segretario generale/ Servizi amministrativi", "Controllo di gestione/ Risorse economiche e finanziarie", "Ragioneria"],
      ["A1.1.1.3", "Piano della Performance (compresa progettazione Albero della performance e relativi obiettivi/indicatori)", "", SG, CDG, null],
      ["A1.1.1.4", "Definizione e assegnazione del budget e degli obiettivi", "", SG, CDG, null],
      ["A1.1.1.5", "Elaborazione ed aggiornamento del Sistema di Misurazione e Valutazione della Performance", "A", SG, CDG, null],
      ["A1.1.1.6", "Piano occupazionale triennale/annuale", "A", "Servizi amministrativi", "Risorse umane e patrimonio", "Gestione risorse umane"],
      ["A1.1.1.7", "Altri documenti di programmazione (Programma pluriennale di mandato, Programma triennale e Programma Annuale LLPP, etc)", "", "Segretario generale/ Servizi amministrativi", "Controllo di gestione/ Risorse umane e patrimonio", "Gestione del patrimonio e servizi di supporto"],
    ],
  },
  {
    fn: GOV,
    macro: A1,
    process: A11,
    subprocess: ["A1.1.2", "Monitoraggio e sistema dei controlli"],
    rows: [
      ["A1.1.2.1", "Rilevazioni ed elaborazioni periodiche", "", SG, CDG, null],
      ["A1.1.2.2", "Elaborazione periodica report e documenti per Organi e i diversi livelli organizzativi", "", SG, CDG, null],
      ["A1.1.2.3", "Time sheet, rilevazioni costi dei processi, misurazione indicatori Pareto, compilazione osservatori, Conto annuale, rendicontazioni per Ministeri, etc", "", SG, CDG, null],
      ["A1.1.2.4", "Monitoraggio ciclo della performance e utilizzo dei relativi sistemi informativi", "", SG, CDG, null],
      ["A1.1.2.5", "Realizzazione indagini di customer satisfaction", "", SG, CDG, null],
      ["A1.1.2.6", "Supporto Collegio dei revisori", "", "Servizi amministrativi", "Risorse economiche e finanziarie", "Ragioneria"],
    ],
  },
  {
    fn: GOV,
    macro: A1,
    process: A11,
    subprocess: ["A1.1.3", "Rendicontazione"],
    rows: [
      ["A1.1.3.1", "Elaborazione dati e documenti", "", SG, CDG, null],
      ["A1.1.3.2", "Relazione sui risultati", "", SG, CDG, null],
      ["A1.1.3.3", "Relazione sulla performance", "", SG, CDG, null],
      ["A1.1.3.4", "Predisposizione Bilancio sociale/mandato/genere", "", SG, CDG, null],
      ["A1.1.3.5", "Relazione sugli esuberanti", "", SG, "Risorse umane e patrimonio", "Gestione risorse umane"],
    ],
  },
  {
    fn: GOV,
    macro: A1,
    process: A11,
    subprocess: ["A1.1.4", "Supporto all'OIV"],
    rows: [["A1.1.4.1", "Attività della Struttura Tecnica Permanente per la misurazione della performance a supporto dell'OIV: predisposizione modelli, carte di lavoro, check list a supporto dell'attività di valutazione dell'OIV etc", "", SG, CDG, null]],
  },
  {
    fn: GOV,
    macro: A1,
    process: A12,
    subprocess: ["A1.2.1", "Anticorruzione e trasparenza"],
    rows: [
      ["A1.2.1.1", "Piano triennale di prevenzione della corruzione e della trasparenza", "", SG, null, null],
      ["A1.2.1.2", "Relazione del Responsabile della prevenzione della corruzione", "", SG, null, null],
      ["A1.2.1.3", "Assolvimento adempimenti in materia di trasparenza, anticorruzione, antiriciclaggio", "", SG, null, null],
      ["A1.2.1.4", "Codice di comportamento", "", SG, null, null],
    ],
  },
  {
    fn: GOV,
    macro: A1,
    process: A12,
    subprocess: ["A1.2.2", "Adempimenti in materia di sicurezza sul lavoro e altri obblighi normativi camerale"],
    rows: [["A1.2.2.1", "Gestione degli adempimenti previsti dal D. Lgs. 81/2008 in materia di salute/sicurezza dei lavoratori e adempimenti in materia di privacy previsti dal D. Lgs. 196/2003", "", SG, null, null]],
  },
  {
    fn: GOV,
    macro: A1,
    process: A13,
    subprocess: ["A1.3.1", "Organizzazione camerale"],
    rows: [
      ["A1.3.1.1", "Predisposizione e aggiornamento organigrammi, ordini di servizio, attribuzione compiti ad uffici, carichi di lavoro", "", "Tutte", null, null],
      ["A1.3.1.2", "Stesura ed aggiornamento regolamenti", "", SG, null, null],
      ["A1.3.1.3", "Sistemi di gestione aziendale (Qualità, ambiente, etc)", "", null, null, null, { active: false }],
    ],
  },
  {
    fn: GOV,
    macro: A1,
    process: A13,
    subprocess: ["A1.3.2", "Sviluppo del personale"],
    rows: [
      ["A1.3.2.1", "Sistemi di valutazione: Performance individuale e progressioni", "A", SG, CDG, null],
      ["A1.3.2.2", "Definizione fabbisogni formativi", "", "Tutte", null, null],
      ["A1.3.2.3", 'Organizzazione e partecipazione a Corsi di formazione "trasversali"', "", SG, null, null],
      ["A1.3.2.4", "Attività connesse alle politiche per il benessere organizzativo: Anti mobbing, Pari opportunità e attività svolta dai componenti del Comitato Unico di Garanzia (art. 21 legge n. 183/10)", "", SG, null, null],
    ],
  },
  {
    fn: GOV,
    macro: A1,
    process: A13,
    subprocess: ["A1.3.3", null],
    rows: [["A1.3.3.1", "Adeguamento ed evoluzione dei sistemi informativi camerale a supporto dell'erogazione dei servizi (ad eccezione di siti WEB e canali social cfr Comunicazione)", "", "Tutte", null, null]],
  },
  {
    fn: GOV,
    macro: A1,
    process: A13,
    subprocess: ["A1.3.4", null],
    rows: [["A1.3.4.1", 'Gestione processi di accorpamento, associazione di funzione, processi "straordinari" di razionalizzazione e per la semplificazione e l\'efficacia/efficienza dei servizi', "", "Tutte", null, null]],
  },
  {
    fn: GOV,
    macro: ["A2", null],
    process: ["A2.1", null],
    subprocess: ["A2.1.1", null],
    rows: [
      ["A2.1.1.1", "Gestione degli organi istituzionali e dei relativi provvedimenti: predisposizione e archiviazione determine/delibere gestione convocazioni, ordini del giorno e verbali", "", SG, AAGG, SGURP],
      ["A2.1.1.2", "Segreteria Organi, Presidenza e gestione delle relative agende", "", SG, AAGG, SGURP],
      ["A2.1.1.3", "Rinnovo Organi, ivi compresa elaborazione dati economici per attribuzione seggi Consiglio camerale", "", SG, AAGG, SGURP],
    ],
  },
  {
    fn: GOV,
    macro: ["A2", null],
    process: ["A2.1", null],
    subprocess: ["A2.1.3", null],
    rows: [
      ["A2.1.3.1", "Assistenza legale ai vertici camerale", "", SG, null, null],
      ["A2.1.3.2", "Assistenza legale ai settori dell'ente", "", SG, null, null],
      ["A2.1.3.3", "Gestione delle vertenze giudiziarie di carattere civile, amministrativo, tributario e penale concernenti la CCIAA", "", SG, null, null, { note: "Non presente ufficio legale interno" }],
      ["A2.1.3.4", "Gestione attività nell'ambito del contenzioso con dipendenti/ex dipendenti", "", SG, null, null, { note: "Non presente ufficio legale interno" }],
      ["A2.1.3.5", "Produzione di atti legali per le procedure di recupero dei crediti, ivi comprese le insinuazioni nei fallimenti per recupero del D.annuale", "", "Servizi amministrativi", "Risorse economiche e finanziarie", "Diritto annuale"],
    ],
  },
  {
    fn: GOV,
    macro: ["A2", null],
    process: ["A2.2", null],
    subprocess: ["A2.2.1", null],
    rows: [["A2.2.1.1", "Monitoraggio opportunità derivanti dall'accesso alla programmazione dei fondi europei a livello regionale e nazionale e dalla partecipazione camerale a progetti europei", "", "Sviluppo economico", "Informazione economica, progr. e svil.", "Tutti"]],
  },
  {
    fn: "Trasparenza, semplificazione e tutela",
    macro: ["C2", "TUTELA E LEGALITÀ"],
    process: ["C2.7", "SERVIZI DI COMPOSIZIONE DELLE CONTROVERSIE E DELLE SITUAZIONI DI CRISI"],
    subprocess: ["C2.7.1", "Servizi di arbitrato"],
    rows: [["C2.7.1.1", "Gestione procedure di arbitrato", "F", "Sviluppo economico", "Armonizzazione e tutela del mercato", "Armonizzazione del mercato"]],
  },
  {
    fn: "Trasparenza, semplificazione e tutela",
    macro: ["C2", "TUTELA E LEGALITÀ"],
    process: ["C2.7", "SERVIZI DI COMPOSIZIONE DELLE CONTROVERSIE E DELLE SITUAZIONI DI CRISI"],
    subprocess: ["C2.7.3", "Servizi di composizione delle crisi"],
    rows: [["C2.7.3.1", "Servizi di gestione preventiva e stragiudiziale delle crisi d'impresa attraverso l'istituzione di Organismi per la Composizione assistita delle crisi da sovraindebitamento e per la liquidazione del patrimonio (OCC)", "", null, null, null, { note: "In corso di attivazione" }]],
  },
  {
    fn: null,
    macro: ["Z1", "EXTRA"],
    process: ["Z1.1", "ATTIVITÀ FUORI PERIMETRO"],
    subprocess: ["Z1.1.1", "Attività fuori perimetro"],
    rows: [
      ["Z1.1.1.1", "Stazioni sperimentali", "", null, null, null, { active: false }],
      ["Z1.1.1.2", "Porti", "", null, null, null, { active: false }],
      ["Z1.1.1.3", "Altre attività al di fuori del perimetro ordinario della mission camerale", "", null, null, null, { active: false }],
    ],
  },
  {
    fn: "Gestione generale dell'ente",
    macro: ["G", "GESTIONE GENERALE DELL'ENTE"],
    process: ["G", "ATTIVITÀ DI GOVERNO COMPLESSIVO DELL'ENTE (COMPETENZA DEL SOLO SEGRETARIO GENERALE)"],
    subprocess: ["G", "Attività di governo complessivo dell'ente (competenza del solo segretario generale)"],
    rows: [["G", "Attività di governo complessivo dell'ente (competenza del solo segretario generale)", "", SG, null, null]],
  },
];

const level = ([code, title]: Lvl) => ({ code, title });

/** The sample annex (a fresh copy each call, so a test may change it). */
export function sampleAnnex(): Annex {
  const activities: Activity[] = [];
  for (const g of GROUPS) {
    for (const [code, title, risk, area, servizio, uo, options] of g.rows) {
      activities.push({
        code,
        title,
        riskAreas: risk === "" ? [] : risk.split("/"),
        areaDirigenziale: area,
        servizio,
        uo,
        note: options?.note ?? null,
        active: options?.active === undefined ? true : options.active,
        function: g.fn,
        macro: level(g.macro),
        process: level(g.process),
        subprocess: level(g.subprocess),
      });
    }
  }
  return {
    planYears: "2020-2022",
    title: "ALLEGATO 1 AL PIANO DI PREVENZIONE DELLA CORRUZIONE E DELLA TRASPARENZA PER IL TRIENNIO 2020-2022 - MAPPATURA DEI PROCESSI",
    footnote: "N.B.: i sottoprocessi e/o le attività ombreggiate non sono attivati presuo la camera di Commercio di Pistoia al momento dell'adozione del Piano",
    activities,
  };
}

/** The sample with many more rows (copies with derived codes), to exercise page breaks and timing. */
export function largeSampleAnnex(copies = 5): Annex {
  const base = sampleAnnex();
  const activities: Activity[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const a of base.activities) {
      // A1.1.1.1 → A31.1.1.1 in copy 3: unique, well formed, still a prefix of its children
      const recode = (code: string | null) => (code === null ? null : code.replace(/^([A-Z])/, `$1${copy}`));
      activities.push({
        ...a,
        code: recode(a.code) ?? a.code,
        macro: { ...a.macro, code: recode(a.macro.code) },
        process: { ...a.process, code: recode(a.process.code) },
        subprocess: { ...a.subprocess, code: recode(a.subprocess.code) },
      });
    }
  }
  return { ...base, activities };
}

/** The plan settings of the sample, with a whole identity (a test fixture: the act is made up, and says so). */
export function samplePlan(): PlanConfig {
  return {
    body: "Camera di Commercio di Pistoia",
    act: "Deliberazione di prova n. 1",
    adopted: "2020-01-31",
    version: "1",
    riskAreas: {
      A: "Acquisizione e progressione del personale",
      B: "Contratti pubblici",
      C: "Provvedimenti ampliativi della sfera giuridica dei destinatari privi di effetto economico diretto ed immediato per il destinatario",
      D: "Provvedimenti ampliativi della sfera giuridica dei destinatari con effetto economico diretto ed immediato per il destinatario",
      E: "Sorveglianza e controlli",
      F: "Risoluzione delle controversie",
    },
  };
}
