// Counted nouns in messages: "1 error", "2 errors", "3 activities".

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
