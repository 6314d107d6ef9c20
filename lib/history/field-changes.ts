/** One changed field in a history entry. Values are stored as display strings or null. */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export function parseChanges(json: string): FieldChange[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as FieldChange[]) : [];
  } catch {
    return [];
  }
}
