/** The parts report sections are made of: a plot with its caption (and an optional table), a label–value row. */

export interface ReportPlot {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly caption: string;
  readonly svg: string;
  /** A table shown under the plot (e.g. the closest conjunctions). */
  readonly table?: { readonly headers: readonly string[]; readonly rows: readonly (readonly string[])[] };
}

export interface KeyValue {
  readonly label: string;
  readonly value: string;
}
