// One line of `npm run bench`: a measured figure next to its goal. `meets` is null for figures
// that have no goal (context only).
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  goal: string;
  meets: boolean | null;
}
