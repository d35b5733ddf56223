/** The plain-text message of a failure (a `CommandError`'s is the vendor's own text). */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
