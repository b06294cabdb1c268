/** For log lines: the first 3 characters of an identifier and `***` (never the whole number). */
export function maskIdentifier(id: string): string {
  return `${id.slice(0, 3)}***`;
}
