// The PDF reader's tolerances, in one place. Lengths are in points unless said to be in font
// sizes (a share of the text's size, so that they hold for 6 pt and 11 pt text alike).
export const TOLERANCES = {
  /** baselines closer than this many font sizes are one line of text */
  sameLine: 0.35,
  /** a glyph whose middle lies this close (points) outside a line's extent still belongs to it */
  glyphReach: 0.5,
  /** a cell's text off the place every other cell's text has in its box by more than this many font sizes is misplaced */
  misplaced: 0.45,
  /** fewer ruled cells than this tell nothing about where a producer places text */
  placementSample: 20,
} as const;
