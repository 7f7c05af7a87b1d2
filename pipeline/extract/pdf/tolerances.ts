// The PDF reader's tolerances, all of them, in one place. Each name says its unit:
//   …Pt     points (1/72 in) on the page, for what the producer draws at fixed sizes (rules, boxes);
//   …Em     a share of the text's font size, so that it holds for 6 pt and 11 pt text alike;
//   …Share  a share of something else, said beside it; …Count a number of things.
// The values were set on the producers' prints in test/fixtures/producers and the source PDF;
// a change here is a change of what the reader reads.
export const TOLERANCES = {
  // drawing: rules and fills

  /** Coordinates closer than this are the same: a path's point drawn twice, a rectangle with no area. Below any rule's width. */
  flatPt: 0.5,
  /** A filled rectangle no thicker than this, and long, is a border drawn as a fill (Chromium): thicker than a border, thinner than any row. */
  ruleThicknessPt: 2,
  /** …and at least this many times as long as it is thick: a square dot is a glyph-like mark, not a border. */
  ruleAspectShare: 4,
  /** Rules closer than this are one boundary of the grid: double strokes, the borders of two adjacent cells, each drawn by its cell. */
  sameRulePt: 2,
  /** Shorter strokes are ticks or marks, not rules: a cell is never this narrow. */
  shortestRulePt: 2,
  /** Two pages' column boundaries further apart than this do not line up: a producer repeats a table's columns where they stood, to a rule's width. */
  columnsAlignedPt: 2,

  // text: glyphs, runs, lines

  /**
   * A line's visual middle lies this far above its baseline: halfway up the capitals (cap height
   * about 0.65, x-height 0.5). A line cut by a page break is read on the page that shows its
   * middle; the fonts' declared ascent and descent, accents and descenders included, would move
   * that point off the letters.
   */
  middleEm: 0.3,
  /** Descenders reach this far below the baseline: a line's bottom, for what it overlaps. */
  descentEm: 0.3,
  /** Baselines closer than this are one line: superscripts and a mixed font's shifts stay on it, while lines a cell's leading apart (1.1–1.3) never meet. */
  sameLineEm: 0.35,
  /** A run follows the one before on its line when their baselines differ by less than this: a run is one font, so only rounding moves it. */
  followBaselineEm: 0.2,
  /** …and when it starts no further back than this: a kerning pair moves a glyph back by a fraction of its width, a new line starts far to the left. */
  followBackstepEm: 0.5,
  /** A horizontal gap wider than this separates words: wider than any kerning or letter spacing, narrower than a blank (0.25–0.3). */
  wordGapEm: 0.2,
  /** A blank followed by a glyph that starts less than this after it does not advance (Chromium's unbroken soft hyphen): no space. Rounding only. */
  noAdvanceEm: 0.05,
  /** A blank's width when the document shows none to measure: a common font's (0.25–0.28). */
  defaultBlankEm: 0.25,
  /** Room beyond a cell's edge that a blank or a letter needs to count as fitting, and a blank as hanging past it: the edge is an estimate (the producer's padding, measured). */
  edgeMarginEm: 0.05,
  /** Blanks measured for the document's blank width: a few pages' worth; more changes no median. */
  blankSampleCount: 2000,
  /** A producer hangs its blanks past a cell's edge when at least this share of its drawn line-end blanks do… */
  hangingShare: 0.02,
  /** …and at least this many: one or two blanks past the edge are a cell's rounding, not the producer's habit. */
  hangingLeastCount: 3,
  /** Lines closer than this, baseline to baseline, are one paragraph (a footnote); a wider gap starts the next (a legend): a paragraph's leading is 1.1–1.3. */
  paragraphGapEm: 1.6,
  /** A cell's padding is this low quantile of where its text starts: text indented on purpose, or a centred label, is no padding. */
  paddingShare: 0.1,
  /** A line under a page's table with a number and at most this many characters is page furniture (a page number, a date), not a footnote. */
  furnitureCharsCount: 40,

  // a table without rules (the text grid)

  /** The column names lie within this far below the first of them: labels of several lines ("Area / di / rischio / all. 2"). */
  headerDepthEm: 4,
  /** Rows of the header are this far apart at most: a wider gap above them ends the header (the title's lines stand further off). */
  headerGapEm: 2.5,
  /** Text this many times the header's size or larger is a title, not a header row: a title is set larger, a header row in the body's size or a bold one of it. */
  titleSizeShare: 1.15,
  /** Lines wider than this share of the page are not cells: a title, a footnote (no column of the annex is this wide). */
  wideShare: 0.4,
  /** Header labels: lines closer than this, and overlapping in x, are one label printed over several lines. */
  labelLeadingEm: 1.6,
  /** A gap between two lines of one column wider than this many line pitches separates cells: a cell's lines are one pitch apart. */
  cellGapPitches: 1.25,
  /** Baselines within this are aligned: cells of one row start on one baseline, to rounding. */
  baselinesAlignedEm: 0.3,
  /** Under the last activity, a blank of more than this many line pitches ends the table: what follows is page furniture (a page number in the footer), as no cell's lines stand that far apart. */
  footerGapPitches: 3,
  /** Baselines of one column closer than this are one line drawn twice, not a pitch to measure (below any leading). */
  samePitchPt: 0.5,
  /** A pitch larger than this is a blank line or a cell's end, not the column's leading. */
  widestPitchEm: 2,
  /** The pitch assumed where no column shows two lines to measure: a common leading. */
  defaultPitchEm: 1.2,
  /** A line starting this close to a column's left edge, or a baseline this close to the header row's, belongs to it: rounding of positions. */
  edgeReachPt: 0.5,

  // the account

  /** A glyph whose middle lies this close outside a line's extent still belongs to it: rounding of the glyph's advance. */
  glyphReachPt: 0.5,
  /** A cell's text off the place every other cell's text has in its box by more than this is misplaced: half a line less a margin, as a line gone or come moves a centred cell's text by half a line. */
  misplacedEm: 0.45,
  /** Fewer ruled cells than this tell nothing about where a producer places text. */
  placementSampleCount: 20,
} as const;
