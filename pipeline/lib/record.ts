// Data of unknown shape (parsed JSON or YAML, a library's untyped objects), looked into safely.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
