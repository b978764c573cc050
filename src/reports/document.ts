/**
 * A report as neutral blocks, rendered the same way to HTML (`renderHtml`) and to PDF (`renderPdf`), so
 * both always carry the same sections, figures and tables.
 */
export interface ReportDocument {
  title: string;
  /** One line under the title: ids, generation time. */
  subtitle: string;
  blocks: Block[];
}

export type Block = HeadingBlock | ParagraphBlock | SummaryBlock | TableBlock | ChartBlock | ListBlock;

export interface HeadingBlock {
  type: 'heading';
  level: 2 | 3;
  text: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  /** `note`: a limitation or basis the reader must not miss. */
  tone?: 'note';
}

/** A boxed label/value list (the summary box of a panel report). */
export interface SummaryBlock {
  type: 'summary';
  rows: { label: string; value: string }[];
}

export interface TableColumn {
  title: string;
  /** Share of the width (default 1). */
  width?: number;
  align?: 'left' | 'right';
  /** Addresses, hashes, ids. */
  mono?: boolean;
}

export interface TableBlock {
  type: 'table';
  caption: string;
  columns: TableColumn[];
  rows: string[][];
  /** Said instead of an empty table. */
  empty: string;
}

/** A chart rendered per medium: `svg(text)` maps every label through `text` (the PDF transliterates). */
export interface ChartBlock {
  type: 'chart';
  caption: string;
  width: number;
  height: number;
  svg(text: (s: string) => string): string;
}

export interface ListBlock {
  type: 'list';
  items: { text: string; url?: string }[];
}
