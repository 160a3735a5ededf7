/**
 * Greedy label placement for static plots: each label, in the given order (most important first), takes the
 * first candidate position around its anchor (right, left, above, below, then the diagonals) whose box
 * overlaps neither an already placed label nor the plot border; a label with no free candidate is dropped
 * (the caller lists it elsewhere, e.g. in a legend or caption). This is the simple "first fit" of the
 * point-feature label placement problem (Christensen, Marks & Shieber, "An empirical study of algorithms for
 * point-feature label placement", ACM Trans. Graphics 14(3), 1995, §2: greedy placement).
 *
 * Text boxes are estimated, not measured (no font metrics in Node): width = characters · 0.6 · font size
 * (a sans-serif average advance width is ~0.5–0.55 em, so the estimate is generous), height = 1.2 · font size.
 */

export interface LabelRequest {
  /** Anchor in pixels from the plot's top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  /**
   * Distance from the anchor to the text [px] (e.g. the marker's radius plus a margin); default: placeLabels' gap_px.
   */
  readonly gap_px?: number;
}

export interface PlacedLabel {
  readonly text: string;
  /** Anchor of the text (vega-lite text mark x/y in pixels). */
  readonly x: number;
  readonly y: number;
  readonly align: 'left' | 'right' | 'center';
  readonly baseline: 'middle' | 'bottom' | 'top';
  /** Index of the request this label answers. */
  readonly index: number;
}

/** A box in pixels from the plot's top-left corner. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Average advance width of a sans-serif character as a fraction of the font size (generous). */
export const CHAR_WIDTH_EM = 0.6;

/** Estimated box of a text of `chars` characters at `fontSize_px`. */
export const textWidth_px = (text: string, fontSize_px: number): number => text.length * CHAR_WIDTH_EM * fontSize_px;

const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** Estimated box of a placed label. */
export function labelBox(l: PlacedLabel, fontSize_px = 10): Box {
  const w = textWidth_px(l.text, fontSize_px),
    h = 1.2 * fontSize_px;
  const x0 = l.align === 'left' ? l.x : l.align === 'right' ? l.x - w : l.x - w / 2;
  const y0 = l.baseline === 'middle' ? l.y - h / 2 : l.baseline === 'bottom' ? l.y - h : l.y;
  return { x0, y0, x1: x0 + w, y1: y0 + h };
}

/** Candidate spots in order of preference: right, left, above, below, then the four diagonals. */
const SPOTS: readonly (readonly [PlacedLabel['align'], PlacedLabel['baseline']])[] = [
  ['left', 'middle'],
  ['right', 'middle'],
  ['center', 'bottom'],
  ['center', 'top'],
  ['left', 'bottom'],
  ['left', 'top'],
  ['right', 'bottom'],
  ['right', 'top'],
];

/** Places labels inside a width × height plot; `obstacles` are boxes no label may cover (e.g. other marks). */
export function placeLabels(
  requests: readonly LabelRequest[],
  width: number,
  height: number,
  fontSize_px = 10,
  gap_px = 5,
  obstacles: readonly Box[] = [],
): PlacedLabel[] {
  const placed: Box[] = [...obstacles];
  const out: PlacedLabel[] = [];
  requests.forEach((r, index) => {
    const g = r.gap_px ?? gap_px;
    const candidates = SPOTS.map(([align, baseline]): [PlacedLabel, Box] => {
      const x = align === 'left' ? r.x + g : align === 'right' ? r.x - g : r.x;
      const y = baseline === 'middle' ? r.y : baseline === 'bottom' ? r.y - g : r.y + g;
      const label = { text: r.text, x, y, align, baseline, index };
      return [label, labelBox(label, fontSize_px)];
    });
    const inside = (b: Box): boolean => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height;
    const free = candidates.find(([, b]) => inside(b) && !placed.some((p) => overlaps(p, b)));
    if (free) {
      placed.push(free[1]);
      out.push(free[0]);
    }
  });
  return out;
}

/** A placed label as a label of chart.ts's text mark: at a data point, offset in px, its baseline folded into dy. */
export interface TextLabel {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly dx: number;
  readonly dy: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/**
 * Placed labels at their request's data point `data(index)`, offset by where they were placed (`requests` in px);
 * the alphabetic baseline sits 0.35 font sizes below a middle anchor, 0.8 below a top one and 0.21 above a bottom one.
 */
export function placedTextLabels(
  placed: readonly PlacedLabel[],
  requests: readonly LabelRequest[],
  data: (index: number) => { readonly x: number; readonly y: number },
  fontSize_px = 10,
): TextLabel[] {
  const shift = { middle: 0.35, top: 0.8, bottom: -0.21 } as const;
  const anchor = { left: 'start', right: 'end', center: 'middle' } as const;
  return placed.map((l) => {
    const r = requests[l.index]!;
    return {
      ...data(l.index),
      text: l.text,
      dx: l.x - r.x,
      dy: l.y - r.y + shift[l.baseline] * fontSize_px,
      anchor: anchor[l.align],
    };
  });
}
