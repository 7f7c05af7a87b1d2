// The PDF reader's tolerances, in one place. Lengths are in points unless said to be in font
// sizes (a share of the text's size, so that they hold for 6 pt and 11 pt text alike).
export const TOLERANCES = {
  /** baselines closer than this many font sizes are one line of text */
  sameLine: 0.35,
  /** a glyph whose middle lies this close (points) outside a line's extent still belongs to it */
  glyphReach: 0.5,
} as const;
