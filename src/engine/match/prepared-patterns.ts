/**
 * The word sets each English pattern needs, prepared at build time (issue #14; see
 * usePreparedPatterns in english.ts): pattern -> one list of words per required term.
 */
export type PreparedTable = Readonly<Record<string, readonly (readonly string[])[]>>;

export function preparedLookup(table: PreparedTable): (pattern: string) => readonly (readonly string[])[] | undefined {
  return (pattern) => (Object.hasOwn(table, pattern) ? table[pattern] : undefined);
}
