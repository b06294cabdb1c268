/** What a failed `safeParse` of a shared domain schema gives (zod's error, structurally). */
interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/** Field name → message of its first issue (the same keys the BFF uses in `error.fields`). */
export function fieldErrorsOf(error: IssueList): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
