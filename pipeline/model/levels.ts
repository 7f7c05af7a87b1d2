// The coded levels of the hierarchy above an activity: macro process (A1), process (A1.1) and
// sub-process (A1.1.1). The function (Funzione) above them carries a label but no code.

export interface LevelInfo {
  /** the activity's field that holds the level */
  key: "macro" | "process" | "subprocess";
  /** number of parts in a code of this level: A1 = 1, A1.1 = 2, A1.1.1 = 3 */
  depth: 1 | 2 | 3;
  /** how the office names the level (the annex is Italian) */
  label: string;
  /** how a message in English names the level */
  name: string;
  example: string;
}

export const LEVELS = [
  { key: "macro", depth: 1, label: "Macro processo", name: "macro process", example: "A1" },
  { key: "process", depth: 2, label: "Processo", name: "process", example: "A1.1" },
  { key: "subprocess", depth: 3, label: "Sotto processo", name: "sub-process", example: "A1.1.1" },
] as const satisfies readonly LevelInfo[];

export type LevelKey = LevelInfo["key"];

/** The levels' keys, outermost first. */
export const LEVEL_KEYS: readonly LevelKey[] = LEVELS.map((level) => level.key);

/**
 * The level's name as a compound ("macro-process"), as the repair log and the change report have
 * always written it; validation messages write it in two words ("macro process").
 */
export function compoundName(level: LevelInfo): string {
  return level.name.replace(" ", "-");
}

const BY_DEPTH = { 1: LEVELS[0], 2: LEVELS[1], 3: LEVELS[2] } as const;
const BY_KEY = { macro: LEVELS[0], process: LEVELS[1], subprocess: LEVELS[2] } as const;

/** True for the depth of a coded level above the activity (1, 2 or 3). */
export function isLevelDepth(depth: number): depth is 1 | 2 | 3 {
  return depth === 1 || depth === 2 || depth === 3;
}

/** The level whose codes have `depth` parts. */
export function levelAt(depth: 1 | 2 | 3): LevelInfo {
  return BY_DEPTH[depth];
}

export function levelOf(key: LevelKey): LevelInfo {
  return BY_KEY[key];
}
