// The shapes of the syncCatalogue mutation's input, as the gateway's schema declares them.

export interface PartnerEnterpriseInput {
  name: string;
  creditCode: string;
}

export interface CatalogueRowInput {
  code: string;
  name: string;
  /** Numbers are nullable on purpose: a bad number is refused for its row, not the whole snapshot. */
  lengthYears: number | null;
  annualIntake: number | null;
  enrolled?: number | null;
  applicants?: number | null;
  /** null: the file said something that is neither yes nor no; the server refuses it for the row. */
  featured: boolean | null;
  partnerEnterprises: PartnerEnterpriseInput[];
  /** Omitted: keep the programme's current industry alignment; []: clear it. */
  industries?: string[];
  outOfCatalogueReference?: string;
}

export interface CatalogueSnapshotInput {
  year: number;
  intakeIsCap: boolean;
  programmes: CatalogueRowInput[];
}

/** Field name in the snapshot → the text the file held for it, for one row. */
export type RawCells = Record<string, string>;

/** Rows of a snapshot file, before year and intake rule are settled. */
export interface ParsedRows {
  programmes: CatalogueRowInput[];
  /** 1-based row → line of the file (CSV) or position in the array (JSON). */
  lines: number[];
  raw: RawCells[];
}

/** A snapshot may hold at most this many programmes (the server refuses more). */
export const MAX_ROWS = 2_000;
