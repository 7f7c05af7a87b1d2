// pdf.js hands an operator's operands over untyped: its operator list is made for its own canvas
// renderer. These read them as the types each operator takes. An operand of another type (a
// damaged content stream) stops the reading of the page, as a damaged page, rather than
// becoming a wrong position or colour.
import type { Matrix } from "./matrix.ts";

export class DamagedContent extends Error {
  override name = "DamagedContent";
}

export function isNumberList(value: unknown): value is ArrayLike<number> {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return true;
  return Array.isArray(value) && value.every((v) => typeof v === "number");
}

/** A list of six numbers [a b c d e f] as a matrix. */
export function toMatrix(values: ArrayLike<number>, what: string): Matrix {
  const [a, b, c, d, e, f] = Array.from(values);
  if (values.length !== 6 || a === undefined || b === undefined || c === undefined || d === undefined || e === undefined || f === undefined) {
    throw new DamagedContent(`${what}: a matrix of ${values.length} numbers`);
  }
  return [a, b, c, d, e, f];
}

/** The operands of one operator. */
export class Operands {
  private readonly args: readonly unknown[];

  constructor(
    args: unknown,
    /** the operator (pdf.js's number for it) or what the operands are, for the message */
    private readonly op: number | string,
  ) {
    this.args = Array.isArray(args) ? args : [];
  }

  private fail(i: number, expected: string): never {
    const op = typeof this.op === "number" ? `operator ${this.op}` : this.op;
    throw new DamagedContent(`${op}: operand ${i + 1} is not ${expected}`);
  }

  any(i: number): unknown {
    return this.args[i];
  }

  number(i: number): number {
    const v = this.args[i];
    return typeof v === "number" ? v : this.fail(i, "a number");
  }

  string(i: number): string {
    const v = this.args[i];
    return typeof v === "string" ? v : this.fail(i, "a name");
  }

  list(i: number): readonly unknown[] {
    const v = this.args[i];
    return Array.isArray(v) ? v : this.fail(i, "a list");
  }

  numbers(i: number): ArrayLike<number> {
    const v = this.args[i];
    return isNumberList(v) ? v : this.fail(i, "a list of numbers");
  }

  /** A list of numbers, or null where the operator may go without. */
  optionalNumbers(i: number): ArrayLike<number> | null {
    const v = this.args[i];
    return v === null || v === undefined ? null : this.numbers(i);
  }

  /** The operand `i`, a list of six numbers, as a matrix. */
  matrix(i: number): Matrix {
    return toMatrix(this.numbers(i), String(this.op));
  }

  /** The six operands themselves as a matrix (the `cm` operator). */
  asMatrix(): Matrix {
    return toMatrix([0, 1, 2, 3, 4, 5].map((i) => this.number(i)), String(this.op));
  }
}
