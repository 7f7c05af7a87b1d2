// The one idiom for an element that must be there: a missing one is a bug in this program, and
// it fails loudly, naming what was missing, rather than becoming a plausible value (a coordinate
// of 0, an empty string) that would silently change a document.

export function at<T>(items: ArrayLike<T>, index: number, what: string): T {
  const item = items[index];
  if (item === undefined) throw new Error(`internal error: no ${what} at index ${index} (of ${items.length})`);
  return item;
}
