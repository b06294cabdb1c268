/**
 * Reading a submitted form and a schema's answer: no React, no zod, so the login page takes
 * these without the form mechanism of the other screens (src/lib/use-form.ts).
 */

/** What a failed `safeParse` of a shared domain schema gives (zod's error, structurally). */
export interface IssueList {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/**
 * Field → message of its first issue, the field named by its path (`reminder.push`): the same
 * keys the BFF puts in `error.fields` (apps/bff/src/lib/validation.ts).
 */
export function fieldErrorsOf(error: IssueList): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
  return fields;
}

/** What `safeParse` answers (zod's result, structurally). */
export type Parsed<T> = { success: true; data: T } | { success: false; error: IssueList };

/** A text field of a submitted form ('' when it is missing). */
export function textOf(data: FormData, name: string): string {
  return String(data.get(name) ?? '');
}
