// One row of monitoring data (docs/formats.md#monitoring-data-csv) as the CSV layer hands it to the domain. It lives in
// core so that the monitoring computations depend on nothing outside core; src/io/csv.ts
// produces it and re-exports the type.

export interface MonitoringRow {
  file: string;
  /** 1-based physical line where the record starts. */
  line: number;
  project: string;
  period: string;
  metric: string;
  /**
   * Canonical decimal string ("1234.5"), or null when the cell is empty or not a number; an
   * error diagnostic (`value-empty`, `value-not-number`) has then been reported for the row.
   */
  value: string | null;
  /** The value was written with a percent sign (`85%` gives value "85"). */
  percent: boolean;
  note?: string;
}
